"use client";
// Archive a group, or bring it back. Archiving asks first, in the page itself (not the
// browser's confirm box); bringing back is harmless and does not ask.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setGroupArchivedAction } from "@/app/(app)/groups/[groupSlug]/settings/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionMessage } from "@/components/forms/use-action-message";
import { Button } from "@/components/ui/button";

export function ArchiveControl({ groupSlug, groupName, archived }: { groupSlug: string; groupName: string; archived: boolean }) {
  const t = useTranslations("groupAdmin.archive");
  const message = useActionMessage();
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const send = (nextArchived: boolean) =>
    start(async () => {
      setError(null);
      try {
        const result = await setGroupArchivedAction({ groupSlug, archived: nextArchived });
        if (!result.ok) return setError(message(result.formError));
        setAsking(false);
        router.refresh();
      } catch {
        setError(message("errors.offline"));
      }
    });

  return (
    <div className="space-y-3">
      <p className="text-muted">{archived ? t("restoreExplain") : t("explain")}</p>
      {archived ? (
        <Button disabled={pending} onClick={() => send(false)}>
          {pending ? t("working") : t("restore")}
        </Button>
      ) : asking ? (
        <div role="group" aria-label={t("archive")} className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4">
          <p>{t("confirm", { name: groupName })}</p>
          <div className="flex flex-wrap gap-3">
            <Button disabled={pending} onClick={() => send(true)}>
              {pending ? t("working") : t("archive")}
            </Button>
            <Button variant="secondary" disabled={pending} onClick={() => setAsking(false)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setAsking(true)}>
          {t("archive")}
        </Button>
      )}
      <FormAlert message={error} />
    </div>
  );
}
