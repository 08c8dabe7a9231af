"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { markPreparedAsMailedAction } from "@/app/(app)/groups/[groupSlug]/packs/mail-actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionMessage } from "@/components/forms/use-action-message";

export function MarkAllMailed({ groupSlug, packNumber, waiting }: { groupSlug: string; packNumber: number; waiting: number }) {
  const t = useTranslations("mail.log");
  const message = useActionMessage();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        disabled={pending || waiting === 0}
        onClick={() =>
          start(async () => {
            setError(null);
            try {
              // The volunteer's own calendar day, not the server's.
              const today = new Date().toLocaleDateString("en-CA");
              const result = await markPreparedAsMailedAction({ groupSlug, packNumber, occurredOn: today });
              if (!result.ok) return setError(message(result.formError));
              setDone(t("markedAllMailed", { count: result.data.count }));
              router.refresh();
            } catch {
              setError(message("errors.offline"));
            }
          })
        }
      >
        {pending ? t("markingAllMailed") : t("markAllMailed")}
      </Button>
      <p role="status" className="text-sm text-green-800">
        {done}
      </p>
      <FormAlert message={error} />
    </div>
  );
}
