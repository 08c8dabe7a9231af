"use client";
// Moving an answer filed under the wrong question to the one it answers (same pack, same member).
// The server refuses a question that already has an answer, with a message saying so.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { moveAnswerAction } from "@/app/(app)/groups/[groupSlug]/packs/transcribe-actions";
import type { DeskLetter, DeskQuestion } from "@/components/desk/types";
import { Button } from "@/components/ui/button";
import { useActionMessage } from "@/components/forms/use-action-message";

export function MoveAnswer({ letter, question }: { letter: DeskLetter; question: DeskQuestion }) {
  const t = useTranslations("mail.desk");
  const message = useActionMessage();
  const router = useRouter();
  const others = letter.questions.filter((q) => q.promptId !== question.promptId);
  const [to, setTo] = useState(others[0]?.promptId ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (others.length === 0) return null;
  const id = `move-${question.promptId}`;
  return (
    <div className="mt-3 flex flex-wrap items-end gap-3 border-t border-stone-200 pt-3">
      <div className="w-full min-w-0 sm:w-auto sm:max-w-md">
        <label htmlFor={id} className="block text-sm font-medium">
          {t("moveTo")}
        </label>
        <select id={id} value={to} onChange={(e) => setTo(e.target.value)} className="mt-1 block min-h-11 w-full truncate rounded-md border border-stone-400 bg-white px-3">
          {others.map((q) => (
            <option key={q.promptId} value={q.promptId}>
              {q.heading}
            </option>
          ))}
        </select>
      </div>
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            try {
              const r = await moveAnswerAction({ groupSlug: letter.groupSlug, packNumber: letter.packNumber, memberId: letter.memberId, fromPromptId: question.promptId, toPromptId: to });
              if (!r.ok) return setError(message(r.fieldErrors.toPromptId ?? r.formError));
              router.refresh();
            } catch {
              setError(message("errors.offline"));
            }
          })
        }
      >
        {pending ? t("moving") : t("move")}
      </Button>
      {error && (
        <p role="alert" className="w-full text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
