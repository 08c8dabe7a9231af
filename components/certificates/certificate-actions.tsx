"use client";
// What an organizer does with an issued certificate: print it again, open its public page,
// choose how it goes out, revoke it with a reason (asked in the page, not a browser box).
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { revokeCertificateAction, setCertificateDeliveryAction } from "@/app/(app)/groups/[groupSlug]/certificates/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { TextAreaField } from "@/components/forms/text-area-field";
import { useActionMessage } from "@/components/forms/use-action-message";
import { Button } from "@/components/ui/button";

type Delivery = "UNDECIDED" | "NEXT_PACK" | "MAILED_ALONE";

export function CertificateActions(props: { groupSlug: string; certificateId: string; code: string; revoked: boolean; delivery: Delivery; sent: boolean }) {
  const t = useTranslations("certificates");
  const message = useActionMessage();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);

  const call = (work: () => Promise<{ ok: boolean; formError?: string | null; fieldErrors?: Record<string, string> }>) =>
    start(async () => {
      setError(null);
      setReasonError(null);
      try {
        const result = await work();
        if (!result.ok) {
          const field = result.fieldErrors?.["values.reason"];
          if (field) setReasonError(message(field));
          else setError(message(result.formError));
          return;
        }
        setRevoking(false);
        router.refresh();
      } catch {
        setError(message("errors.offline"));
      }
    });
  const deliver = (delivery: Delivery) => call(() => setCertificateDeliveryAction({ groupSlug: props.groupSlug, values: { certificateId: props.certificateId, delivery } }));

  return (
    <div className="space-y-2" role="group" aria-label={t("list.actions", { code: props.code })}>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {!props.revoked && (
          <a href={`/groups/${props.groupSlug}/certificates/${props.certificateId}/pdf`} className="inline-flex min-h-11 items-center text-accent underline underline-offset-4">
            {t("list.print")}
          </a>
        )}
        <a href={`/verify/${props.code}`} target="_blank" rel="noopener" className="inline-flex min-h-11 items-center text-accent underline underline-offset-4">
          {t("list.verifyPage")}
        </a>
        {!props.revoked && !props.sent && props.delivery !== "NEXT_PACK" && (
          <Button variant="quiet" disabled={pending} onClick={() => deliver("NEXT_PACK")}>
            {t("list.includeInNextPack")}
          </Button>
        )}
        {!props.revoked && props.delivery !== "MAILED_ALONE" && !props.sent && (
          <Button variant="quiet" disabled={pending} onClick={() => deliver("MAILED_ALONE")}>
            {t("list.markMailed")}
          </Button>
        )}
        {!props.revoked && props.delivery !== "UNDECIDED" && (props.delivery === "MAILED_ALONE" || !props.sent) && (
          <Button variant="quiet" disabled={pending} onClick={() => deliver("UNDECIDED")}>
            {t("list.undoDelivery")}
          </Button>
        )}
        {!props.revoked && !revoking && (
          <Button variant="quiet" disabled={pending} onClick={() => setRevoking(true)}>
            {t("list.revoke")}
          </Button>
        )}
      </div>
      {revoking && (
        <form
          className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            call(() => revokeCertificateAction({ groupSlug: props.groupSlug, values: { certificateId: props.certificateId, reason } }));
          }}
        >
          <TextAreaField id={`reason-${props.certificateId}`} label={t("revoke.reason")} hint={t("revoke.reasonHint")} error={reasonError ?? undefined} rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={pending}>
              {pending ? t("revoke.working") : t("revoke.confirm")}
            </Button>
            <Button variant="secondary" disabled={pending} onClick={() => setRevoking(false)}>
              {t("revoke.cancel")}
            </Button>
          </div>
        </form>
      )}
      <FormAlert message={error} />
    </div>
  );
}
