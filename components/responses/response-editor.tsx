"use client";
// The answer to one prompt: a roomy plain-text editor that saves as the member types (see
// use-autosave.ts), a word count, and a submit that is safe to press twice or to retry. When the
// server is busy (503 with Retry-After, lib/server/admission.ts), the submit waits as it is told
// and tries again with the same key, saying so calmly; the text stays in the box throughout.
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { saveDraftAction } from "@/app/(app)/groups/[groupSlug]/packs/actions";
import { postResponse } from "@/components/responses/post-response";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionMessage } from "@/components/forms/use-action-message";
import { countWords } from "./count-words";
import { readLocalCopy, useAutosave } from "./use-autosave";

/** Tries of one submit while the server says it is busy, before the member is asked to press again. */
const BUSY_TRIES = 10;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type ResponseEditorProps = {
  groupSlug: string;
  packNumber: number;
  promptId: string;
  label: string;
  initial: {
    status: "DRAFT" | "SUBMITTED" | null;
    body: string;
    draftBody: string | null;
    draftSavedAt: string | null;
    submittedAt: string | null;
    version: number;
  };
};

export function ResponseEditor({ groupSlug, packNumber, promptId, label, initial }: ResponseEditorProps) {
  const t = useTranslations("packs.response");
  const format = useFormatter();
  const message = useActionMessage();
  const router = useRouter();
  const id = useId();
  const storageKey = `studypack:draft:${groupSlug}:${packNumber}:${promptId}`;
  const serverText = initial.draftBody ?? initial.body;
  const [text, setText] = useState(serverText);
  const [restored, setRestored] = useState(false);
  const [submitted, setSubmitted] = useState(initial.status === "SUBMITTED" ? { body: initial.body, at: initial.submittedAt!, version: initial.version } : null);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The last draft save was turned away as busy (it retries on its own, use-autosave.ts).
  const [draftBusy, setDraftBusy] = useState(false);
  const submitKey = useRef<string | null>(null);

  const autosave = useAutosave({
    storageKey,
    savedText: serverText,
    // Only a pending draft has a "saved" time worth showing; a submitted answer says so instead.
    savedAt: initial.draftBody !== null && initial.draftSavedAt ? new Date(initial.draftSavedAt) : null,
    save: async (body) => {
      const result = await saveDraftAction({ groupSlug, packNumber, promptId, body });
      setDraftBusy(!result.ok && result.code === "BUSY");
      return result.ok ? { ok: true, savedAt: new Date(result.data.savedAt) } : { ok: false, offline: false };
    },
  });

  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    // Text typed before the page finished loading (a slow phone) is in the box but not in state.
    const typed = textarea.current?.value;
    if (typed !== undefined && typed !== serverText) {
      setText(typed);
      autosave.change(typed);
      return;
    }
    // A copy on this device that is newer than the server's draft wins (a save that never arrived).
    const local = readLocalCopy(storageKey);
    const serverAt = initial.draftSavedAt ? Date.parse(initial.draftSavedAt) : 0;
    if (local && local.text !== serverText && local.at > serverAt) {
      setText(local.text);
      setRestored(true);
      autosave.change(local.text);
    }
    // Only on first render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onChange = (value: string) => {
    setText(value);
    autosave.change(value);
  };

  const submit = async () => {
    if (submitting) return; // a second click while the first is on its way does nothing
    setError(null);
    if (!text.trim()) return setError(t("placeholder"));
    setSubmitting(true);
    submitKey.current ??= crypto.randomUUID(); // kept for retries until one succeeds
    const body = text;
    try {
      for (let attempt = 1; ; attempt++) {
        const result = await postResponse({ groupSlug, packNumber, promptId, body, submitKey: submitKey.current });
        if (result.ok) {
          submitKey.current = null;
          setSubmitted({ body, at: result.data.submittedAt, version: result.data.version });
          autosave.markSubmitted(body);
          // The page shows more once a response is submitted (the share control).
          router.refresh();
        } else if (result.code === "BUSY" && attempt < BUSY_TRIES) {
          setBusy(true);
          // A little spread, so the writers the server turned away do not all come back at once.
          await pause((result.retryAfterSeconds ?? 2) * 1000 + Math.random() * 500);
          continue;
        } else {
          setError(message(result.formError ?? Object.values(result.fieldErrors)[0]));
        }
        break;
      }
    } catch {
      setError(t("submitFailed"));
    } finally {
      setBusy(false);
      setSubmitting(false);
    }
  };

  const state = autosave.state;
  const changed = submitted !== null && submitted.body !== text;
  const status =
    state.kind === "saving"
      ? t("saving")
      : state.kind === "error" && draftBusy
        ? t("draftBusy")
        : state.kind === "offline" || state.kind === "error"
          ? t("offline")
          : state.kind === "saved" && state.live
            ? // After hydration, so the browser's own clock and time zone are used.
              t("savedAt", { time: new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" }).format(state.at) })
            : state.kind === "saved"
              ? t("savedOn", { date: format.dateTime(state.at, { dateStyle: "medium" }) })
              : null;

  return (
    <div className="mt-3">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {restored && <p className="mt-1 rounded bg-amber-50 px-3 py-2 text-sm">{t("restored")}</p>}
      <textarea
        id={id}
        ref={textarea}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => void autosave.flush()}
        placeholder={t("placeholder")}
        rows={12}
        aria-describedby={`${id}-status`}
        className="mt-2 block min-h-64 w-full resize-y rounded-md border border-stone-400 bg-white p-3 text-base leading-relaxed"
      />
      <div id={`${id}-status`} className="mt-2 flex flex-wrap items-center justify-between gap-2 text-sm text-muted">
        <span>{t("words", { count: countWords(text) })}</span>
        <span role="status" aria-live="polite" className={state.kind === "offline" || state.kind === "error" ? "font-medium text-danger" : undefined}>
          {status}
        </span>
      </div>
      <div className="mt-3 space-y-3">
        <FormAlert message={error} />
        {busy && (
          <p role="status" className="rounded bg-amber-50 px-3 py-2 text-sm">
            {t("busyRetrying")}
          </p>
        )}
        {submitted && (
          <p className="text-sm">
            <span className="font-medium text-green-800">
              {submitted.version > 1
                ? t("submittedVersion", { date: format.dateTime(new Date(submitted.at), { dateStyle: "medium" }), version: submitted.version })
                : t("submittedAt", { date: format.dateTime(new Date(submitted.at), { dateStyle: "medium" }) })}
            </span>
            {changed && <span className="ml-2 text-amber-800">{t("changesPending")}</span>}
          </p>
        )}
        {(!submitted || changed) && (
          <Button onClick={() => void submit()} disabled={submitting} aria-busy={submitting}>
            {submitting ? t("submitting") : submitted ? t("submitChanges") : t("submit")}
          </Button>
        )}
      </div>
    </div>
  );
}
