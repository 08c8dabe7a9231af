"use client";
// The transcription desk for one letter (docs/decisions/032): every question's box, one received
// date, one save. After a save the cursor goes to the next letter's code box (NEXT_CODE_ID, on the
// page outside this component, so a refresh of the letter does not take the focus back).
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { fileLetterAction } from "@/app/(app)/groups/[groupSlug]/packs/transcribe-actions";
import { AnswerBox } from "@/components/desk/answer-box";
import type { DeskLetter } from "@/components/desk/types";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
import { useActionMessage } from "@/components/forms/use-action-message";

export const NEXT_CODE_ID = "next-code";

export function LetterDesk({ letter, focusPromptId }: { letter: DeskLetter; focusPromptId: string | null }) {
  const t = useTranslations("mail.desk");
  const message = useActionMessage();
  const router = useRouter();
  const [texts, setTexts] = useState(() => Object.fromEntries(letter.questions.map((q) => [q.promptId, q.answer.text])));
  const [shared, setShared] = useState(() => Object.fromEntries(letter.questions.map((q) => [q.promptId, q.answer.shared])));
  const [receivedOn, setReceivedOn] = useState(letter.receivedOn);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submitKey = useRef<string | null>(null);
  const saved = useRef(new Map<string, (text: string) => void>());
  const focusBox = useRef<HTMLTextAreaElement>(null);
  const registerSaved = useCallback((promptId: string, mark: (text: string) => void) => {
    saved.current.set(promptId, mark);
  }, []);

  // Opened from a code: that question's box takes the cursor.
  useEffect(() => {
    if (!focusPromptId || !focusBox.current) return;
    focusBox.current.focus();
    focusBox.current.closest("section")?.scrollIntoView({ block: "start" });
  }, [focusPromptId]);

  const save = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setFieldErrors({});
    setResult(null);
    submitKey.current ??= crypto.randomUUID();
    try {
      const answers = letter.questions.map((q) => ({ promptId: q.promptId, body: texts[q.promptId] ?? "", shared: shared[q.promptId] ?? null }));
      const r = await fileLetterAction({ groupSlug: letter.groupSlug, packNumber: letter.packNumber, memberId: letter.memberId, receivedOn, submitKey: submitKey.current, answers });
      if (!r.ok) {
        setFieldErrors(r.fieldErrors);
        setError(message(r.formError ?? r.fieldErrors.receivedOn) ?? message("errors.formHasErrors"));
        return;
      }
      submitKey.current = null;
      for (const q of letter.questions) saved.current.get(q.promptId)?.(texts[q.promptId] ?? "");
      setResult(t("saved", { count: r.data.filed, penName: letter.penName }));
      // The next letter: the cursor is already in its code box.
      const next = document.getElementById(NEXT_CODE_ID);
      if (next instanceof HTMLInputElement) {
        next.focus();
        next.scrollIntoView({ block: "center" });
      }
      router.refresh();
    } catch {
      setError(message("errors.offline"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="mt-6 space-y-6">
      <TextField
        label={t("receivedOn")}
        hint={t("receivedOnHint")}
        type="date"
        className="max-w-xs"
        value={receivedOn}
        onChange={(e) => setReceivedOn(e.target.value)}
        error={message(fieldErrors.receivedOn) ?? undefined}
      />
      {!letter.consentRecorded && (
        <p className="rounded-md bg-stone-100 p-3 text-sm">
          <a href={letter.consentHref} className="text-accent underline underline-offset-4">
            {t("noConsent", { penName: letter.penName })}
          </a>
        </p>
      )}
      {letter.questions.map((q) => (
        <AnswerBox
          key={q.promptId}
          ref={q.promptId === focusPromptId ? focusBox : undefined}
          letter={letter}
          question={q}
          focused={q.promptId === focusPromptId}
          text={texts[q.promptId] ?? ""}
          shared={shared[q.promptId] ?? null}
          onText={(text) => setTexts((all) => ({ ...all, [q.promptId]: text }))}
          onShared={(value) => setShared((all) => ({ ...all, [q.promptId]: value }))}
          registerSaved={registerSaved}
        />
      ))}
      <FormAlert message={error} />
      <div className="flex flex-wrap items-center gap-4">
        <Button onClick={() => void save()} disabled={busy}>
          {busy ? t("saving") : t("save")}
        </Button>
        <span role="status" className="text-green-800">
          {result}
        </span>
      </div>
    </div>
  );
}
