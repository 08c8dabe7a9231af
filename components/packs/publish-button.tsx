"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { publishPackAction } from "@/app/(app)/groups/[groupSlug]/packs/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionMessage } from "@/components/forms/use-action-message";

export function PublishButton({ groupSlug, packNumber }: { groupSlug: string; packNumber: number }) {
  const t = useTranslations("packs.edit");
  const message = useActionMessage();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-2">
      <Button
        disabled={pending}
        onClick={() => {
          if (!window.confirm(t("publishConfirm", { number: packNumber }))) return;
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
    </div>
  );
}
