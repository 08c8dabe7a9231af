"use client";
// A facilitator shows again a response or reply they hid; the writer is told.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { showAgainAction } from "@/app/(app)/groups/[groupSlug]/discussion/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionMessage } from "@/components/forms/use-action-message";

export function ShowAgainButton({ groupSlug, kind, id }: { groupSlug: string; kind: "response" | "reply"; id: string }) {
  const t = useTranslations("discussion");
  const message = useActionMessage();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="mt-2 space-y-2">
      <Button
        variant="quiet"
        disabled={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            try {
              const result = await showAgainAction({ groupSlug, kind, id });
              if (!result.ok) return setError(message(result.formError));
              router.refresh();
            } catch {
              setError(message("errors.offline"));
            }
          })
        }
      >
        {pending ? t("showingAgain") : t("showAgain")}
      </Button>
      <FormAlert message={error} />
    </div>
  );
}
