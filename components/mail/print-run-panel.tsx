"use client";
// Starts a print run and follows it: the job runs in the background (lib/jobs), this panel asks
// for its progress every second until it is done or has failed, then offers the PDF or a retry
// (or, once the PDF was deleted by retention or after an erasure, says so and offers a new run).
// It counts the members who will get an envelope (not every mail member: one whose pack cannot
// be printed is left out), and shows the postage passed as `children`, with what the run adds
// for e-message members' by-post readings (`byPost` of them: a run with only those can start).
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition, type ReactNode } from "react";
import { startPrintRunAction } from "@/app/(app)/groups/[groupSlug]/packs/mail-actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionMessage } from "@/components/forms/use-action-message";

type Run = {
  id: string;
  status: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
  done: number;
  total: number;
  error: string | null;
  fileId: string | null;
  finishedAt: string | null;
  /** Its PDF was deleted, and why (decision 039); the run can be made again. */
  fileRemovedAt?: string | null;
  fileRemovedReason?: "ERASURE" | "RETENTION" | null;
};

export function PrintRunPanel({
  groupSlug,
  packNumber,
  latest,
  toPrint,
  leftOut,
  byPost = 0,
  children,
  scannedUndecided = 0,
}: {
  groupSlug: string;
  packNumber: number;
  latest: Run | null;
  toPrint: number;
  leftOut: number;
  /** E-message members whose by-post readings the run adds after the mail packs (decision 054). */
  byPost?: number;
  children?: ReactNode;
  /** Scanned readings still waiting for a choice (ScannedReadingChoices): the run cannot start yet. */
  scannedUndecided?: number;
}) {
  const t = useTranslations("mail.print");
  const tRuns = useTranslations("mail.runs");
  const format = useFormatter();
  const message = useActionMessage();
  const router = useRouter();
  const [run, setRun] = useState<Run | null>(latest);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const active = run?.status === "QUEUED" || run?.status === "RUNNING";

  useEffect(() => {
    if (!active || !run) return;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/api/print-runs/${run.id}`, { cache: "no-store" });
        if (!response.ok) return;
        const next = (await response.json()) as Run;
        setRun((current) => ({ ...next, finishedAt: current?.finishedAt ?? null }));
        if (next.status === "DONE" || next.status === "FAILED") router.refresh();
      } catch {
        // A dropped poll is retried on the next tick.
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [active, run, router]);

  const begin = () =>
    start(async () => {
      setError(null);
      try {
        const result = await startPrintRunAction({ groupSlug, packNumber });
        if (!result.ok) return setError(message(result.formError));
        setRun({ id: result.data.id, status: "QUEUED", done: 0, total: toPrint + byPost, error: null, fileId: null, finishedAt: null });
      } catch {
        setError(message("errors.offline"));
      }
    });

  const percent = run && run.total > 0 ? Math.round((run.done / run.total) * 100) : 0;
  return (
    <section aria-labelledby="print-run" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="print-run" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {(toPrint > 0 || byPost === 0) && <p className="mt-1 text-sm text-muted">{tRuns("toPrint", { count: toPrint })}</p>}
      {leftOut > 0 && <p className="mt-1 text-sm font-medium text-danger">{tRuns("leftOut", { count: leftOut })}</p>}
      {children}
      <FormAlert message={error} />
      {run && active && (
        <div className="mt-3" role="status" aria-live="polite">
          <p>{run.status === "QUEUED" ? t("queued") : t("running", { done: run.done, total: run.total })}</p>
          <div className="mt-2 h-3 w-full overflow-hidden rounded-full bg-stone-200" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t("progress")}>
            {/* An SVG bar, not a style attribute: the page's CSP refuses inline styles. */}
            <svg className="block h-full w-full" aria-hidden="true">
              <rect className="fill-accent" height="100%" width={`${percent}%`} />
            </svg>
          </div>
        </div>
      )}
      {run?.status === "DONE" && !run.fileId && run.fileRemovedAt && (
        <p className="mt-3" role="status">
          {t("removed", { reason: run.fileRemovedReason ?? "RETENTION", date: format.dateTime(new Date(run.fileRemovedAt), { dateStyle: "medium" }) })}
        </p>
      )}
      {run?.status === "DONE" && (run.fileId || !run.fileRemovedAt) && (
        <p className="mt-3" role="status">
          {t("done", { total: run.total })}{" "}
          <a href={`/api/print-runs/${run.id}/pdf`} className="font-medium text-accent underline underline-offset-4">
            {t("download")}
          </a>
          {run.finishedAt && <span className="text-sm text-muted"> · {format.dateTime(new Date(run.finishedAt), { dateStyle: "medium", timeStyle: "short" })}</span>}
        </p>
      )}
      {run?.status === "FAILED" && (
        <p className="mt-3 rounded-md border border-red-300 bg-red-50 p-3 text-danger" role="alert">
          {t("failed", { reason: run.error ?? "" })}
        </p>
      )}
      {!active && scannedUndecided > 0 && <p className="mt-3 text-sm font-medium">{t("scannedFirst", { count: scannedUndecided })}</p>}
      {!active && (
        <Button className="mt-3" onClick={begin} disabled={pending || toPrint + byPost === 0 || scannedUndecided > 0}>
          {run?.status === "FAILED" ? t("retry") : run?.status === "DONE" ? t("again") : t("start")}
        </Button>
      )}
    </section>
  );
}
