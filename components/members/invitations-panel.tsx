"use client";
// Online members who cannot sign in yet: invite several at once, give a member a new link, or
// withdraw one. New links are shown to copy (and e-mailed when e-mail is configured).
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { inviteMembersAction, resendInvitationAction, revokeInvitationAction } from "@/app/(app)/groups/[groupSlug]/members/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionMessage } from "@/components/forms/use-action-message";
import { InvitationLinks, type InvitationLink } from "@/components/roster/invitation-links";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/server/result";
import { useConfirm } from "@/components/ui/confirm-dialog";

export type MemberWithoutLogin = { id: string; penName: string; email: string | null; invitation: { id: string; expiresAt: string; expired: boolean } | null };

export function InvitationsPanel({ groupSlug, members }: { groupSlug: string; members: MemberWithoutLogin[] }) {
  const t = useTranslations("roster.invite");
  const { confirm, dialog } = useConfirm();
  const format = useFormatter();
  const message = useActionMessage();
  const router = useRouter();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<InvitationLink[]>([]);
  const [skipped, setSkipped] = useState(0);
  const [pending, start] = useTransition();
  const [inviting, setInviting] = useState(false);
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium" });

  function run(call: () => Promise<ActionResult<{ invitations?: InvitationLink[]; skipped?: number } | null>>) {
    setError(null);
    start(async () => {
      try {
        const result = await call();
        if (!result.ok) return setError(message(result.formError ?? Object.values(result.fieldErrors)[0]));
        setCreated(result.data?.invitations ?? []);
        setSkipped(result.data?.skipped ?? 0);
        setChosen(new Set());
        router.refresh();
      } catch {
        setError(message("errors.offline"));
      } finally {
        setInviting(false);
      }
    });
  }

  return (
    <div className="mt-3 space-y-4">
      {dialog}
      <FormAlert message={error} />
      {members.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <>
          <ul className="space-y-2">
            {members.map((m) => (
              <li key={m.id} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 border-t border-stone-200 pt-2">
                <label className="flex min-w-0 items-start gap-2">
                  <input
                    type="checkbox"
                    className="mt-1.5 h-4 w-4"
                    disabled={!m.email}
                    checked={chosen.has(m.id)}
                    aria-label={t("choose", { name: m.penName })}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.currentTarget.checked) next.add(m.id);
                      else next.delete(m.id);
                      setChosen(next);
                    }}
                  />
                  <span className="min-w-0 break-words">
                    <span className="font-medium">{m.penName}</span> <span className="text-muted">· {m.email ?? t("noEmail")}</span>
                    <span className="block text-sm text-muted">
                      {m.invitation ? (m.invitation.expired ? t("expired", { date: date(m.invitation.expiresAt) }) : t("pending", { date: date(m.invitation.expiresAt) })) : t("notInvited")}
                    </span>
                  </span>
                </label>
                {m.invitation && (
                  <span className="flex gap-4">
                    <Button variant="quiet" disabled={pending} onClick={() => run(() => resendInvitationAction({ groupSlug, invitationId: m.invitation!.id }))}>
                      {t("resend")}
                    </Button>
                    <Button
                      variant="quiet"
                      disabled={pending}
                      onClick={async () => {
                        const invitationId = m.invitation!.id;
                        if (await confirm({ title: t("revokeConfirm", { name: m.penName }), confirmLabel: t("revoke"), danger: true })) run(() => revokeInvitationAction({ groupSlug, invitationId }));
                      }}
                    >
                      {t("revoke")}
                    </Button>
                  </span>
                )}
              </li>
            ))}
          </ul>
          <Button
            disabled={pending || chosen.size === 0}
            onClick={() => {
              setInviting(true);
              run(() => inviteMembersAction({ groupSlug, memberIds: [...chosen] }));
            }}
          >
            {inviting ? t("submitting") : t("submit")}
          </Button>
        </>
      )}
      {skipped > 0 && <p role="status">{t("skipped", { count: skipped })}</p>}
      <InvitationLinks title={t("created")} invitations={created} />
    </div>
  );
}
