"use client";
// Upload → preview → import. The file is read in the browser and sent as text; the server
// checks it (the preview) and, once the organizer confirms, checks it again and imports it.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { importRosterAction, previewRosterAction, type ImportedInvitation } from "@/app/(app)/roster/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionMessage } from "@/components/forms/use-action-message";
import { InvitationLinks } from "@/components/roster/invitation-links";
import { Button } from "@/components/ui/button";
import type { RosterImportMode, RosterPreview } from "@/lib/data/roster";
import { MAX_ROSTER_BYTES } from "@/lib/roster/limits";

type Check = Extract<RosterPreview, { ok: true }>["check"];
type Done = { counts: Check["counts"]; invalidRows: number[]; invitations: ImportedInvitation[] };

const SHOWN_OK_ROWS = 100;

export function RosterImport({ organizationId }: { organizationId: string }) {
  const t = useTranslations("roster");
  const tAll = useTranslations();
  const message = useActionMessage();
  const fileId = useId();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<Check | null>(null);
  const [mode, setMode] = useState<RosterImportMode>("validRows");
  const [busy, setBusy] = useState<"checking" | "importing" | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const say = (key: string, values?: Record<string, string | number>) => (tAll.has(key as never) ? tAll(key as never, values as never) : message("errors.generic"));

  async function choose(input: HTMLInputElement) {
    setCheck(null);
    setDone(null);
    setError(null);
    const chosen = input.files?.[0];
    if (!chosen) return setFile(null);
    if (chosen.size > MAX_ROSTER_BYTES) {
      setFile(null);
      return setError(t("upload.tooLarge"));
    }
    setFile({ name: chosen.name, text: await chosen.text() });
  }

  async function preview() {
    setError(null);
    setCheck(null);
    setDone(null);
    if (!file) return setError(t("upload.chooseFile"));
    setBusy("checking");
    try {
      const result = await previewRosterAction({ organizationId, csv: file.text });
      if (!result.ok) return setError(message(result.formError ?? Object.values(result.fieldErrors)[0]));
      if (!result.data.ok) return setError(say(result.data.error.key, "values" in result.data.error ? result.data.error.values : undefined));
      setCheck(result.data.check);
    } catch {
      setError(message("errors.offline"));
    } finally {
      setBusy(null);
    }
  }

  async function confirm() {
    if (!file) return;
    setError(null);
    setBusy("importing");
    try {
      const result = await importRosterAction({ organizationId, csv: file.text, mode });
      if (!result.ok) return setError(message(result.formError ?? Object.values(result.fieldErrors)[0]));
      setDone(result.data);
      setCheck(null);
    } catch {
      setError(message("errors.offline"));
    } finally {
      setBusy(null);
    }
  }

  const problems = check?.rows.filter((r) => r.outcome === "invalid") ?? [];
  const fine = check?.rows.filter((r): r is Exclude<Check["rows"][number], { outcome: "invalid" }> => r.outcome !== "invalid") ?? [];
  const importable = check ? check.counts.new + check.counts.enrol : 0;

  return (
    <>
      <section aria-labelledby="upload" className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="upload" className="text-lg font-semibold">
          {t("upload.title")}
        </h2>
        <div className="mt-3">
          <label htmlFor={fileId} className="block font-medium">
            {t("upload.file")}
          </label>
          <p id={`${fileId}-hint`} className="mt-0.5 text-sm text-muted">
            {t("upload.fileHint")}
          </p>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${fileId}-hint`}
            className="mt-2 block w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-stone-400 file:bg-white file:px-4 file:font-medium"
            onChange={(e) => void choose(e.currentTarget)}
          />
        </div>
        <div className="mt-4 space-y-3">
          <FormAlert message={error} />
          <Button onClick={() => void preview()} disabled={busy !== null}>
            {busy === "checking" ? t("upload.checking") : t("upload.check")}
          </Button>
        </div>
      </section>

      {check && (
        <section aria-labelledby="preview" className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="preview" className="text-lg font-semibold">
            {t("preview.title")}
          </h2>
          <p className="mt-2" role="status">
            {t("preview.summary", check.counts)}
          </p>
          {problems.length > 0 && (
            <>
              <h3 className="mt-4 font-semibold text-danger">{t("preview.problems")}</h3>
              <p className="text-sm text-muted">{t("preview.problemsHint")}</p>
              <ul className="mt-2 space-y-2">
                {problems.map((r) => (
                  <li key={r.row} className="rounded-md border border-red-200 bg-red-50 p-3">
                    <p className="font-medium break-words">
                      {t("preview.row", { row: r.row })}
                      {r.legalName && <span className="font-normal text-muted"> · {r.legalName}</span>}
                    </p>
                    <ul className="mt-1 list-disc pl-5 text-sm">
                      {r.outcome === "invalid" &&
                        r.reasons.map((reason, i) => (
                          <li key={i}>
                            {reason.column && <span className="font-mono">{t(`columns.${reason.column}`)}: </span>}
                            {say(reason.key, reason.values)}
                          </li>
                        ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </>
          )}
          {fine.length > 0 && (
            <details className="mt-4">
              <summary className="cursor-pointer font-medium text-accent">{t("preview.ok")}</summary>
              <div className="mt-2 overflow-x-auto">
                <table className="min-w-full text-left text-sm">
                  <tbody>
                    {fine.slice(0, SHOWN_OK_ROWS).map((r) => (
                        <tr key={r.row} className="border-t border-stone-200">
                          <td className="py-1 pr-3 whitespace-nowrap text-muted">{t("preview.row", { row: r.row })}</td>
                          <td className="py-1 pr-3">{r.entry.legalName}</td>
                          <td className="py-1 pr-3">{r.entry.penName}</td>
                          <td className="py-1 pr-3">{r.entry.groupName}</td>
                          <td className="py-1 pr-3 whitespace-nowrap">{t(`channelOf.${r.entry.channel}`)}</td>
                          <td className="py-1 pr-3 whitespace-nowrap">{t(`preview.outcome.${r.outcome}`)}</td>
                        </tr>
                    ))}
                  </tbody>
                </table>
                {fine.length > SHOWN_OK_ROWS && <p className="mt-1 text-sm text-muted">{t("preview.more", { count: fine.length - SHOWN_OK_ROWS })}</p>}
              </div>
            </details>
          )}
          {importable === 0 ? (
            <p className="mt-4">{t("preview.nothingToImport")}</p>
          ) : (
            <fieldset className="mt-4">
              <legend className="font-medium">{t("preview.mode")}</legend>
              {(["validRows", "allOrNothing"] as const).map((m) => (
                <label key={m} className="mt-2 flex items-start gap-2">
                  <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} className="mt-1.5" />
                  <span>{m === "validRows" ? t("preview.modeValid") : t("preview.modeAll")}</span>
                </label>
              ))}
              <Button className="mt-4" onClick={() => void confirm()} disabled={busy !== null}>
                {busy === "importing" ? t("preview.importing") : t("preview.confirm")}
              </Button>
            </fieldset>
          )}
        </section>
      )}

      {done && (
        <section aria-labelledby="done" className="mt-6 rounded-lg border border-green-300 bg-green-50 p-4">
          <h2 id="done" className="text-lg font-semibold">
            {t("done.title")}
          </h2>
          <p className="mt-2" role="status">
            {t("done.summary", done.counts)}
          </p>
          {done.invalidRows.length > 0 && <p className="mt-2 break-words">{t("done.skipped", { rows: done.invalidRows.join(", ") })}</p>}
          <InvitationLinks title={t("done.invitations")} invitations={done.invitations} />
        </section>
      )}
    </>
  );
}
