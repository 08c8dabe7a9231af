"use client";
// Typing a mailed response for a member. The text saves as it is typed (server draft plus a
// copy on this device), so a crash, a reload or a closed tab loses nothing; saving it as the
// response is safe to repeat.
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { saveTranscriptionDraftAction, submitTranscriptionAction } from "@/app/(app)/groups/[groupSlug]/packs/mail-actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
import { useActionMessage } from "@/components/forms/use-action-message";
import { useAutosave } from "@/components/responses/use-autosave";
import { countWords } from "@/lib/validations/response";

type Props = {
  groupSlug: string;
  packNumber: number;
  memberId: string;
  promptId: string;
  penName: string;
  /** Whether the member's recorded consent lets this response be shared with the group. */
  mayShare: boolean;
  /** Link to the page where the member's consent is recorded. */
  consentHref: string;
  initial: { text: string; submittedText: string | null; receivedOn: string; hasDraft: boolean; savedAt: string | null; shared: boolean };
};

export function TranscriptionForm(props: Props) {
  const t = useTranslations("mail.transcribe");
  const tr = useTranslations("packs.response");
  const message = useActionMessage();
  const target = { groupSlug: props.groupSlug, packNumber: props.packNumber, memberId: props.memberId, promptId: props.promptId };
  const [text, setText] = useState(props.initial.text);
  const [receivedOn, setReceivedOn] = useState(props.initial.receivedOn);
  const [shared, setShared] = useState(props.mayShare && props.initial.shared);
  const [savedShared, setSavedShared] = useState(shared);
  const td = useTranslations("discussion.transcribeShare");
  const [submitted, setSubmitted] = useState(props.initial.submittedText);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submitKey = useRef<string | null>(null);

  const autosave = useAutosave({
    storageKey: `studypack:transcription:${props.groupSlug}:${props.packNumber}:${props.memberId}:${props.promptId}`,
    savedText: props.initial.text,
    savedAt: props.initial.hasDraft && props.initial.savedAt ? new Date(props.initial.savedAt) : null,
    save: async (body) => {
      const r = await saveTranscriptionDraftAction({ ...target, body });
      return r.ok ? { ok: true, savedAt: new Date(r.data.savedAt) } : { ok: false, offline: false };
    },
  });

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setFieldErrors({});
    submitKey.current ??= crypto.randomUUID();
    try {
      const r = await submitTranscriptionAction({ ...target, body: text, receivedOn, submitKey: submitKey.current, ...(props.mayShare ? { shared } : {}) });
      if (!r.ok) {
        setFieldErrors(r.fieldErrors);
        setError(message(r.formError) ?? message("errors.formHasErrors"));
        return;
      }
      submitKey.current = null;
      setSubmitted(text);
      setSavedShared(shared);
      autosave.markSubmitted(text);
      setResult(t("saved", { penName: props.penName, version: r.data.version }));
    } catch {
      setError(message("errors.offline"));
    } finally {
      setBusy(false);
    }
  };

  const state = autosave.state;
  return (
    <div className="mt-6 space-y-5">
      <FormAlert message={error} />
      <div>
        <label htmlFor="transcription" className="block font-medium">
          {t("text")}
        </label>
        <p className="text-sm text-muted">{t("textHint")}</p>
        <textarea
          id="transcription"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            autosave.change(e.target.value);
          }}
          onBlur={() => void autosave.flush()}
          rows={14}
          aria-invalid={fieldErrors.body ? true : undefined}
          className="mt-2 block min-h-72 w-full resize-y rounded-md border border-stone-400 bg-white p-3 text-base leading-relaxed"
        />
        <div className="mt-1 flex flex-wrap justify-between gap-2 text-sm text-muted">
          <span>{tr("words", { count: countWords(text) })}</span>
          <span role="status" aria-live="polite">
            {state.kind === "saving" ? tr("saving") : state.kind === "offline" || state.kind === "error" ? tr("offline") : state.kind === "saved" ? tr("savedAt", { time: new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" }).format(state.at) }) : ""}
          </span>
        </div>
        {fieldErrors.body && <p className="mt-1 text-sm font-medium text-danger">{message(fieldErrors.body)}</p>}
      </div>
      <TextField label={t("receivedOn")} type="date" className="max-w-xs" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} error={message(fieldErrors.receivedOn) ?? undefined} />
      {props.mayShare ? (
        <div>
          <label className="flex min-h-11 cursor-pointer items-center gap-3 font-medium">
            <input type="checkbox" className="size-5" checked={shared} onChange={(e) => setShared(e.target.checked)} aria-describedby="transcription-share-hint" />
            {td("label")}
          </label>
          <p id="transcription-share-hint" className="text-sm text-muted">
            {td("hint")}
          </p>
        </div>
      ) : (
        <p className="text-sm text-muted">
          <a href={props.consentHref} className="text-accent underline underline-offset-4">
            {td("noConsent")}
          </a>
        </p>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <Button onClick={() => void submit()} disabled={busy || (submitted !== null && submitted === text && savedShared === shared)}>
          {busy ? t("submitting") : submitted !== null ? t("submitChanges") : t("submit")}
        </Button>
        <span role="status" className="text-green-800">
          {result}
        </span>
      </div>
    </div>
  );
}
