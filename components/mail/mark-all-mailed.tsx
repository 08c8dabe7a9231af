"use client";
// "Mark all printed as mailed": for one print run (the newest finished one unless another is
// chosen), then what was marked and what was skipped and why, so an envelope that must not go
// out (a member who withdrew) is taken out of the stack and none goes unnoticed.
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { markRunAsMailedAction } from "@/app/(app)/groups/[groupSlug]/packs/mail-actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionMessage } from "@/components/forms/use-action-message";
import { useToday } from "@/components/forms/use-today";

/** As lib/data/deliveries.ts's MarkRunResult answers it. */
type MarkRunResult = { marked: number; skipped: { deliveryId: string; legalName: string; penName: string; reason: string }[] };
type DoneRun = { id: string; finishedAt: string | null };

export function MarkAllMailed({ groupSlug, packNumber, runs, waiting }: { groupSlug: string; packNumber: number; runs: DoneRun[]; waiting: number }) {
  const t = useTranslations("mail.runs");
  const format = useFormatter();
  const message = useActionMessage();
  const router = useRouter();
  const selectId = useId();
  const today = useToday();
  const [runId, setRunId] = useState(runs[0]?.id ?? "");
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<MarkRunResult | null>(null);
  const [pending, start] = useTransition();
  const when = (run: DoneRun) => (run.finishedAt ? format.dateTime(new Date(run.finishedAt), { dateStyle: "medium", timeStyle: "short" }) : "—");
  const chosen = runs.find((run) => run.id === runId) ?? runs[0];

  const mark = () =>
    start(async () => {
      if (!chosen) return;
      setError(null);
      setResult(null);
      try {
        // The volunteer's own calendar day, not the server's.
        const answer = await markRunAsMailedAction({ groupSlug, packNumber, runId: chosen.id, occurredOn: today });
        if (!answer.ok) return setError(message(answer.formError));
        setResult(answer.data);
        router.refresh();
      } catch {
        setError(message("errors.offline"));
      }
    });

  const already = result?.skipped.filter((s) => s.reason === "alreadyMarked").length ?? 0;
  const notMarked = result?.skipped.filter((s) => s.reason !== "alreadyMarked") ?? [];
  return (
    <section aria-labelledby="mark-mailed" className="space-y-2">
      <h2 id="mark-mailed" className="sr-only">
        {t("markTitle")}
      </h2>
      {runs.length === 0 ? (
        <p className="text-sm text-muted">{t("noRun")}</p>
      ) : runs.length > 1 ? (
        <div>
          <label htmlFor={selectId} className="block text-sm font-medium">
            {t("whichRun")}
          </label>
          <select id={selectId} value={chosen?.id} onChange={(e) => setRunId(e.target.value)} className="mt-1 block min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2 text-base">
            {runs.map((run) => (
              <option key={run.id} value={run.id}>
                {t("runOf", { date: when(run) })}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p className="text-sm text-muted">{t("theRun", { date: when(runs[0]!) })}</p>
      )}
      <Button variant="secondary" disabled={pending || !chosen || waiting === 0} onClick={mark}>
        {pending ? t("marking") : t("mark")}
      </Button>
      <div role="status" className="text-sm">
        {result && (
          <>
            <p className="text-green-800">
              {t("marked", { count: result.marked })}
              {already > 0 && ` ${t("alreadyMarked", { count: already })}`}
            </p>
            {notMarked.length > 0 && (
              <div className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3">
                <p className="font-medium">{t("skipped", { count: notMarked.length })}</p>
                <ul className="mt-1 list-disc space-y-1 pl-5">
                  {notMarked.map((s) => (
                    <li key={s.deliveryId}>
                      <span className="font-medium">{s.legalName}</span> ({s.penName}): {t("reason", { reason: s.reason })}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
      </div>
      <FormAlert message={error} />
    </section>
  );
}
