"use client";
// Before a print run: each scanned reading (pages that are pictures) with each facility of the
// group's mail members whose rules forbid images, and the facilitators' choice for it — send it
// anyway, or leave it out for that facility's members (decision 030). A print run starts only
// when every one is chosen; the choice is recorded with who and when.
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { chooseScannedReadingAction } from "@/app/(app)/groups/[groupSlug]/packs/scanned-reading-actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionMessage } from "@/components/forms/use-action-message";

export type ScannedChoiceItem = {
  readingId: string;
  title: string;
  pages: number | null;
  facilityId: string;
  facilityName: string;
  members: number;
  choice: { send: boolean; by: string | null; at: string } | null;
};

export function ScannedReadingChoices({ groupSlug, packNumber, items }: { groupSlug: string; packNumber: number; items: ScannedChoiceItem[] }) {
  const t = useTranslations("mail.scanned");
  const format = useFormatter();
  const message = useActionMessage();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (items.length === 0) return null;
  const undecided = items.filter((item) => item.choice === null).length;

  const choose = (item: ScannedChoiceItem, send: boolean) =>
    start(async () => {
      setError(null);
      try {
        const result = await chooseScannedReadingAction({ groupSlug, packNumber, readingId: item.readingId, facilityId: item.facilityId, send });
        if (!result.ok) return setError(message(result.formError));
        router.refresh();
      } catch {
        setError(message("errors.offline"));
      }
    });

  return (
    <section aria-labelledby="scanned-readings" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id="scanned-readings" className="font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm">{undecided > 0 ? t("intro", { count: undecided }) : t("allChosen")}</p>
      <FormAlert message={error} />
      <ul className="mt-3 space-y-3">
        {items.map((item) => {
          const label = t("item", { title: item.title, pages: item.pages ?? 0, facility: item.facilityName, members: item.members });
          return (
            <li key={`${item.readingId}:${item.facilityId}`} className="rounded-md border border-stone-200 bg-white p-3">
              <p>{label}</p>
              <p className="mt-1 text-sm text-muted">{t("rule", { facility: item.facilityName })}</p>
              <p className="mt-1 text-sm font-medium" role="status">
                {item.choice
                  ? t(item.choice.send ? "chosenSend" : "chosenLeaveOut", {
                      by: item.choice.by ?? t("someone"),
                      at: format.dateTime(new Date(item.choice.at), { dateStyle: "medium", timeStyle: "short" }),
                    })
                  : t("undecided")}
              </p>
              <div className="mt-2 flex flex-wrap gap-2" role="group" aria-label={label}>
                <Button type="button" variant={item.choice?.send === true ? "primary" : "secondary"} aria-pressed={item.choice?.send === true} disabled={pending} onClick={() => choose(item, true)}>
                  {t("send")}
                </Button>
                <Button type="button" variant={item.choice?.send === false ? "primary" : "secondary"} aria-pressed={item.choice?.send === false} disabled={pending} onClick={() => choose(item, false)}>
                  {t("leaveOut")}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
