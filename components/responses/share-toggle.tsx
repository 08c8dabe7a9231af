"use client";
// Beside a submitted response: share it with the group or keep it for the facilitators. Saves
// on change; the box goes back if the save fails.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { setResponseSharedAction } from "@/app/(app)/groups/[groupSlug]/discussion/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionButton } from "@/components/forms/use-action-button";

export function ShareToggle({ groupSlug, responseId, initial }: { groupSlug: string; responseId: string; initial: boolean }) {
  const t = useTranslations("discussion.shareControl");
  const id = useId();
  const [shared, setShared] = useState(initial);
  const { run, pending, error } = useActionButton();
  const change = (next: boolean) => {
    setShared(next);
    run(() => setResponseSharedAction({ groupSlug, responseId, shared: next }), () => setShared(!next));
  };
  return (
    <div className="mt-3 rounded-md bg-stone-50 p-3">
      <label htmlFor={id} className="flex min-h-11 cursor-pointer items-center gap-3 font-medium">
        <input id={id} type="checkbox" className="size-5" checked={shared} disabled={pending} onChange={(e) => change(e.target.checked)} aria-describedby={`${id}-hint`} />
        {t("label")}
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted" role="status">
        {pending ? t("saving") : shared ? t("sharedHint") : t("privateHint")}
      </p>
      <FormAlert message={error} />
    </div>
  );
}
