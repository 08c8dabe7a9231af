"use client";
// Deletes a draft pack after the app's confirmation; then back to the group. The server refuses
// a published pack with a plain message, shown here.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deletePackAction } from "@/app/(app)/groups/[groupSlug]/packs/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionMessage } from "@/components/forms/use-action-message";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";

export function DeletePackButton({ groupSlug, packNumber }: { groupSlug: string; packNumber: number }) {
  const t = useTranslations("packs.lifecycle");
  const message = useActionMessage();
  const router = useRouter();
  const { confirm, dialog } = useConfirm();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  async function onDelete() {
    const agreed = await confirm({
      title: t("deleteTitle", { number: packNumber }),
      body: <p>{t("deleteBody")}</p>,
      confirmLabel: t("deleteConfirm"),
      danger: true,
    });
    if (!agreed) return;
    start(async () => {
      setError(null);
      try {
        const result = await deletePackAction({ groupSlug, packNumber });
        if (!result.ok) return setError(message(result.formError));
        router.push(`/groups/${groupSlug}`);
      } catch {
        setError(message("errors.offline"));
      }
    });
  }

  return (
    <div className="space-y-2">
      <Button variant="secondary" disabled={pending} onClick={() => void onDelete()}>
        {pending ? t("deleting") : t("delete")}
      </Button>
      <p className="text-sm text-muted">{t("deleteHint")}</p>
      <FormAlert message={error} />
      {dialog}
    </div>
  );
}
