"use client";
// One question of a letter on the desk: its heading, the box for what the member wrote (saved as
// a draft while typing, as the single-answer form did), the sheet's sharing tick, the answer's
// history, and moving it to another question when it was filed under the wrong one.
import { useTranslations } from "next-intl";
import { forwardRef, useEffect } from "react";
import { saveTranscriptionDraftAction } from "@/app/(app)/groups/[groupSlug]/packs/transcribe-actions";
import { MoveAnswer } from "@/components/desk/move-answer";
import type { DeskLetter, DeskQuestion } from "@/components/desk/types";
import { useAutosave } from "@/components/responses/use-autosave";

type Props = {
  letter: DeskLetter;
  question: DeskQuestion;
  focused: boolean;
  text: string;
  shared: boolean | null;
  onText: (text: string) => void;
  onShared: (shared: boolean | null) => void;
  registerSaved: (promptId: string, markSubmitted: (text: string) => void) => void;
};

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });

export const AnswerBox = forwardRef<HTMLTextAreaElement, Props>(function AnswerBox({ letter, question, focused, text, shared, onText, onShared, registerSaved }, ref) {
  const t = useTranslations("mail.desk");
  const tr = useTranslations("packs.response");
  const autosave = useAutosave({
    storageKey: `studypack:transcription:${letter.groupSlug}:${letter.packNumber}:${letter.memberId}:${question.promptId}`,
    savedText: question.answer.text,
    savedAt: question.answer.draftSavedAt ? new Date(question.answer.draftSavedAt) : null,
    save: async (body) => {
      const r = await saveTranscriptionDraftAction({ groupSlug: letter.groupSlug, packNumber: letter.packNumber, memberId: letter.memberId, promptId: question.promptId, body });
      return r.ok ? { ok: true, savedAt: new Date(r.data.savedAt) } : { ok: false, offline: false };
    },
  });
  const markSubmitted = autosave.markSubmitted;
  useEffect(() => registerSaved(question.promptId, markSubmitted), [registerSaved, question.promptId, markSubmitted]);
  const id = `answer-${question.promptId}`;
  const state = autosave.state;
  const radio = (value: boolean | null, label: string) => (
    <label className="flex min-h-11 cursor-pointer items-center gap-2">
      <input type="radio" className="size-5" name={`shared-${question.promptId}`} checked={shared === value} onChange={() => onShared(value)} />
      {label}
    </label>
  );
  return (
    <section
      id={`question-${question.promptId}`}
      aria-labelledby={`${id}-heading`}
      className={`rounded-lg border bg-white p-4 ${focused ? "border-accent ring-2 ring-accent" : "border-stone-200"}`}
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {question.heading}
      </h2>
      <p className="mt-1 text-sm text-muted">
        {question.code && <span className="font-mono">{t("code", { code: question.code })}</span>}
        {focused && <span className="ml-2 rounded bg-accent px-2 py-0.5 text-xs font-medium text-white">{t("fromCode")}</span>}
      </p>
      <p className="mt-2 whitespace-pre-line">{question.text}</p>
      <label htmlFor={id} className="mt-4 block font-medium">
        {t("text", { number: question.number })}
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted">
        {t("textHint")}
      </p>
      <textarea
        ref={ref}
        id={id}
        value={text}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          onText(e.target.value);
          autosave.change(e.target.value);
        }}
        onBlur={() => void autosave.flush()}
        rows={6}
        className="mt-2 block min-h-32 w-full resize-y rounded-md border border-stone-400 bg-white p-3 text-base leading-relaxed"
      />
      <div className="mt-1 flex flex-wrap justify-between gap-2 text-sm text-muted">
        <span>{question.answer.filedText !== null ? t("filedVersion", { version: question.answer.version }) : t("notFiled")}</span>
        <span role="status" aria-live="polite">
          {state.kind === "saving" ? tr("saving") : state.kind === "offline" || state.kind === "error" ? tr("offline") : state.kind === "saved" ? tr("savedAt", { time: timeFormat.format(state.at) }) : ""}
        </span>
      </div>
      <fieldset className="mt-3">
        <legend className="font-medium">{t("sharing")}</legend>
        <p className="text-sm text-muted">{t("sharingHint")}</p>
        <div className="mt-1 flex flex-wrap gap-x-6">
          {radio(true, t("sharingYes"))}
          {radio(false, t("sharingNo"))}
          {radio(null, t("sharingNone"))}
        </div>
      </fieldset>
      {(question.versions.length > 0 || question.moves.length > 0) && (
        <details className="mt-3" open={question.moves.length > 0}>
          <summary className="cursor-pointer font-medium">{t("history")}</summary>
          <ul className="mt-2 space-y-2 text-sm">
            {question.moves.map((m, i) => (
              <li key={`move-${i}`}>{t("moved", { from: m.from, to: m.to, name: m.by ?? t("someone"), date: dateFormat.format(new Date(m.at)) })}</li>
            ))}
            {question.versions
              .slice()
              .reverse()
              .map((v) => (
                <li key={v.version}>
                  <p className="text-muted">{t("version", { version: v.version, date: dateFormat.format(new Date(v.at)), by: v.by ? t("by", { name: v.by }) : "" })}</p>
                  <p className="line-clamp-3 whitespace-pre-wrap break-words">{v.body}</p>
                </li>
              ))}
          </ul>
        </details>
      )}
      {question.answer.status === "SUBMITTED" && <MoveAnswer letter={letter} question={question} />}
    </section>
  );
});
