"use client";
// Publish from the pack's preview page, which shows the pack as saved: there is no form on
// screen, so nothing unsaved can be left out. (The editor publishes through its form.)
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { publishPackAction } from "@/app/(app)/groups/[groupSlug]/packs/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionMessage } from "@/components/forms/use-action-message";
import { useConfirm } from "@/components/ui/confirm-dialog";

export function PublishButton({ groupSlug, packNumber }: { groupSlug: string; packNumber: number }) {
  const t = useTranslations("packs.edit");
  const tl = useTranslations("packs.lifecycle");
  const { confirm, dialog } = useConfirm();
  const message = useActionMessage();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-2">
      <Button
        disabled={pending}
        onClick={async () => {
          const agreed = await confirm({
            title: tl("publishTitle", { number: packNumber }),
            body: <p>{tl("publishBody")}</p>,
            confirmLabel: tl("publishConfirm"),
          });
          if (!agreed) return;
          start(async () => {
            setError(null);
            try {
              const result = await publishPackAction({ groupSlug, packNumber });
              if (!result.ok) return setError(message(result.formError));
              router.refresh();
            } catch {
              setError(message("errors.offline"));
            }
          });
        }}
      >
        {pending ? t("publishing") : t("publish")}
      </Button>
      <p className="text-sm text-muted">{t("publishHint")}</p>
      <FormAlert message={error} />
      {dialog}
    </div>
  );
}
