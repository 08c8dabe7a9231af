"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createPackAction } from "@/app/(app)/groups/[groupSlug]/packs/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionMessage } from "@/components/forms/use-action-message";

export function NewPackButton({ groupSlug }: { groupSlug: string }) {
  const t = useTranslations("packs");
  const message = useActionMessage();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-2">
      <Button
        disabled={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            try {
              const result = await createPackAction({ groupSlug });
              if (!result.ok) return setError(message(result.formError));
              router.push(`/groups/${groupSlug}/packs/${result.data.number}/edit`);
            } catch {
              setError(message("errors.offline"));
            }
          })
        }
      >
        {pending ? t("creating") : t("newPack")}
      </Button>
      <FormAlert message={error} />
    </div>
  );
}
