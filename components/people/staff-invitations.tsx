"use client";
// Open staff invitations, each withdrawable (its link stops working at once).
import { useFormatter, useTranslations } from "next-intl";
import { revokeStaffInvitationAction } from "@/app/(app)/people/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionButton } from "@/components/forms/use-action-button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { Button } from "@/components/ui/button";

export type StaffInvitationRow = { id: string; email: string; role: "ORGANIZER" | "FACILITATOR"; groupName: string | null; expiresAt: string; expired: boolean };

/** The newest open invitations; `total` counts them all. */
export function StaffInvitations({ organizationId, invitations, total }: { organizationId: string; invitations: StaffInvitationRow[]; total: number }) {
  const t = useTranslations("people.pending");
  const tPaging = useTranslations("people.paging");
  const format = useFormatter();
  const { run, pending, error } = useActionButton();
  const { confirm, dialog } = useConfirm();
  if (invitations.length === 0) return <p className="mt-3 text-muted">{t("none")}</p>;
  const revoke = async (invitation: StaffInvitationRow) => {
    if (!(await confirm({ title: t("revoke"), body: <p>{t("revokeConfirm", { email: invitation.email })}</p>, confirmLabel: t("revoke"), danger: true }))) return;
    run(() => revokeStaffInvitationAction({ organizationId, invitationId: invitation.id }));
  };
  return (
    <>
      <FormAlert message={error} />
      <ul className="mt-3 divide-y divide-stone-200">
        {invitations.map((i) => {
          const date = format.dateTime(new Date(i.expiresAt), { dateStyle: "medium" });
          return (
            <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <span className="min-w-0 break-words">
                {i.role === "ORGANIZER" ? t("asOrganizer", { email: i.email }) : t("asFacilitator", { email: i.email, group: i.groupName ?? "" })}
                <span className={`block text-sm ${i.expired ? "text-danger" : "text-muted"}`}>{i.expired ? t("expired", { date }) : t("expires", { date })}</span>
              </span>
              <Button variant="secondary" disabled={pending} onClick={() => revoke(i)}>
                {t("revoke")}
              </Button>
            </li>
          );
        })}
      </ul>
      {total > invitations.length && <p className="mt-2 text-sm text-muted">{tPaging("moreInvitations", { count: total - invitations.length })}</p>}
      {dialog}
    </>
  );
}
