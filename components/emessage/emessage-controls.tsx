"use client";
// The controls of a pack's messages page (docs/decisions/045): make the messages, copy each one
// exactly as it is stored, mark it sent, and record a bounce, a resend, a reply, or the by-post
// readings mailed. Copying uses the clipboard when the browser allows it; when it does not (an
// old browser, a page not served over https), the message's text is selected so Ctrl+C copies it.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { markEmessagesSentAction, prepareEmessagesAction, recordByPostMailedAction, recordEmessageEventAction } from "@/app/(app)/groups/[groupSlug]/packs/emessage-actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
import { useActionButton } from "@/components/forms/use-action-button";
import { useActionMessage } from "@/components/forms/use-action-message";
import { useToday } from "@/components/forms/use-today";
import type { EmessageEventInput } from "@/lib/validations/emessage-log";

type Ref = { groupSlug: string; packNumber: number; deliveryId: string };

/** "Prepare messages", or "Make them again" once the pack changed and none is sent. */
export function PrepareButton({ again, ...ref }: Ref & { again: boolean }) {
  const t = useTranslations("emessage.page");
  const { run, pending, error } = useActionButton();
  return (
    <div className="mt-2">
      <FormAlert message={error} />
      <Button variant={again ? "secondary" : "primary"} disabled={pending} onClick={() => run(() => prepareEmessagesAction(ref))}>
        {again ? t("makeAgain") : t("prepare")}
      </Button>
    </div>
  );
}

/** One message: its text as stored, a copy button and "mark sent"; or why its text is gone. */
export function MessageCard({ body, partId, removed, sentLabel, title, ...ref }: Ref & { body: string; partId: string; removed: boolean; sentLabel: string | null; title: string }) {
  const t = useTranslations("emessage.page");
  const text = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState<"copied" | "selected" | null>(null);
  const { run, pending, error } = useActionButton();

  const select = () => {
    const node = text.current;
    const selection = window.getSelection();
    if (!node || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(node);
    selection.removeAllRanges();
    selection.addRange(range);
  };
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(body);
      setCopied("copied");
    } catch {
      select();
      setCopied("selected");
    }
  };

  return (
    <li className="rounded-md border border-stone-200 bg-stone-50 p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium">{title}</h3>
        {!removed && <span className="text-sm text-muted">{t("characters", { count: body.length })}</span>}
      </div>
      {removed ? (
        <p className="mt-2 rounded border border-stone-200 bg-white p-3 text-sm text-muted">{t("removed")}</p>
      ) : (
        <pre ref={text} className="mt-2 max-h-64 overflow-auto rounded border border-stone-200 bg-white p-3 font-sans text-sm whitespace-pre-wrap break-words" data-testid="emessage-body" tabIndex={0} aria-label={title}>
          {body}
        </pre>
      )}
      <FormAlert message={error} />
      <div className="mt-2 flex flex-wrap items-center gap-3">
        {!removed && (
          <Button variant="secondary" onClick={copy}>
            {t("copy")}
          </Button>
        )}
        {sentLabel ? (
          <span className="text-sm font-medium text-green-800">{sentLabel}</span>
        ) : (
          <Button variant="quiet" disabled={pending} onClick={() => run(() => markEmessagesSentAction({ ...ref, partId }))}>
            {t("markSent")}
          </Button>
        )}
        <span role="status" className="text-sm text-green-800">
          {copied === "copied" ? t("copied") : copied === "selected" ? t("selected") : ""}
        </span>
      </div>
    </li>
  );
}

export function MarkAllSentButton(ref: Ref) {
  const t = useTranslations("emessage.page");
  const { run, pending, error } = useActionButton();
  return (
    <div className="mt-2">
      <FormAlert message={error} />
      <Button variant="secondary" disabled={pending} onClick={() => run(() => markEmessagesSentAction(ref))}>
        {t("markAllSent")}
      </Button>
    </div>
  );
}

/** Bounced (with the reason), sent again, or replied: only what may follow the current status. */
export function EmessageEventForm({ next, label, ...ref }: Ref & { next: EmessageEventInput["status"][]; label: string }) {
  const t = useTranslations("emessage.page");
  const message = useActionMessage();
  const router = useRouter();
  const today = useToday();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, control, setError, reset, formState } = useForm<EmessageEventInput>({ defaultValues: { status: next[0], occurredOn: today, reason: "" } });
  const status = useWatch({ control, name: "status" });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    if (status === "RETURNED" && !values.reason?.trim()) return setError("reason", { message: "emessage.validation.reasonRequired" });
    try {
      const result = await recordEmessageEventAction({ ...ref, values });
      if (!result.ok) {
        for (const [field, m] of Object.entries(result.fieldErrors)) setError(field.replace(/^values\./, "") as keyof EmessageEventInput, { message: m });
        setFormError(message(result.formError));
        return;
      }
      reset({ status: next[0], occurredOn: today, reason: "" });
      router.refresh();
    } catch {
      setFormError(message("errors.offline"));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 space-y-3" aria-label={label}>
      <FormAlert message={formError} />
      <div>
        <label className="block font-medium" htmlFor={`${ref.deliveryId}-emessage-status`}>
          {t("newStatus")}
        </label>
        <select id={`${ref.deliveryId}-emessage-status`} {...register("status")} className="mt-1 block min-h-11 w-full max-w-xs rounded-md border border-stone-400 bg-white px-3">
          {next.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField label={t("date")} type="date" className="max-w-xs" {...register("occurredOn")} error={message(formState.errors.occurredOn?.message) ?? undefined} />
      {status === "RETURNED" && <TextField label={t("reason")} hint={t("reasonHint")} {...register("reason")} error={message(formState.errors.reason?.message) ?? undefined} />}
      <Button type="submit" disabled={formState.isSubmitting}>
        {t("save")}
      </Button>
    </form>
  );
}

/** The by-post readings were printed and mailed: one event in the log. */
export function ByPostMailedForm(ref: Ref) {
  const t = useTranslations("emessage.page");
  const message = useActionMessage();
  const router = useRouter();
  const today = useToday();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<{ occurredOn: string }>({ defaultValues: { occurredOn: today } });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const result = await recordByPostMailedAction({ ...ref, values });
      if (!result.ok) {
        for (const [, m] of Object.entries(result.fieldErrors)) setError("occurredOn", { message: m });
        setFormError(message(result.formError));
        return;
      }
      router.refresh();
    } catch {
      setFormError(message("errors.offline"));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2 flex flex-wrap items-end gap-3">
      <FormAlert message={formError} />
      <TextField label={t("byPostDate")} type="date" className="max-w-xs" {...register("occurredOn")} error={message(formState.errors.occurredOn?.message) ?? undefined} />
      <Button type="submit" variant="secondary" disabled={formState.isSubmitting}>
        {t("byPostMailed")}
      </Button>
    </form>
  );
}
