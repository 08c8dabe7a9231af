"use client";
// Paste → preview → confirm (docs/decisions/046). The preview is made here, in the browser, by
// the same parser the server trusts (lib/emessage/parse-reply.ts); the confirm sends exactly the
// assignment on the screen (each answer's text and the question it goes under), which the server
// checks against the member's codes again. A misread code needs its own tick; a question chosen by
// hand is a choice, so it is confirmed by being chosen.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { fileEmessageReplyAction } from "@/app/(app)/groups/[groupSlug]/members/[memberId]/emessage/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { SelectField } from "@/components/forms/select-field";
import { TextAreaField } from "@/components/forms/text-area-field";
import { TextField } from "@/components/forms/text-field";
import { useActionMessage } from "@/components/forms/use-action-message";
import { Button } from "@/components/ui/button";
import { matchedCode, parseReply, type KnownCode, type ParsedAnswer } from "@/lib/emessage/parse-reply";
import { emessageReplyPasteSchema } from "@/lib/validations/emessage-reply";

export type DeskQuestion = KnownCode & { answered: boolean; version: number };

type Choice = { target: string; confirmed: boolean };
const NOTE = "note";

function words(text: string, count = 8): string {
  const all = text.trim().split(/\s+/).filter(Boolean);
  return all.length <= count ? all.join(" ") : `${all.slice(0, count).join(" ")}…`;
}

/** The code as written, with the misread character(s) marked. */
function MarkedCode({ answer }: { answer: ParsedAnswer }) {
  if (answer.match.kind !== "misread") return <code>{answer.codeText}</code>;
  const { position, kind } = answer.match.misread;
  const flagged = new Set(kind === "swap" ? [position, position + 1] : [position]);
  let n = 0;
  return (
    <code>
      {[...answer.codeText].map((c, i) => {
        if (/[\p{L}\p{N}]/u.test(c)) n++;
        return /[\p{L}\p{N}]/u.test(c) && flagged.has(n) ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 font-bold text-ink">
            {c}
          </mark>
        ) : (
          <span key={i}>{c}</span>
        );
      })}
    </code>
  );
}

export function ReplyDesk({ groupSlug, memberId, penName, today, questions }: { groupSlug: string; memberId: string; penName: string; today: string; questions: DeskQuestion[] }) {
  const t = useTranslations("emessageReply");
  const message = useActionMessage();
  const router = useRouter();
  const [body, setBody] = useState("");
  const [receivedOn, setReceivedOn] = useState(today);
  const [preview, setPreview] = useState<{ body: string; receivedOn: string; answers: ParsedAnswer[]; outsideText: string } | null>(null);
  const [choices, setChoices] = useState<Choice[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submitKey = useRef<string | null>(null);
  const byCode = useMemo(() => new Map(questions.map((q) => [q.code, q])), [questions]);
  const options = useMemo(
    () => [
      { value: "", label: t("preview.choose") },
      ...questions.map((q) => ({ value: q.code, label: t("preview.option", { pack: q.packNumber, number: q.number, words: words(q.text) }) })),
      { value: NOTE, label: t("preview.asNote") },
    ],
    [questions, t],
  );

  const showPreview = () => {
    setError(null);
    setResult(null);
    const parsed = emessageReplyPasteSchema.safeParse({ body, receivedOn });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    const reply = parseReply(parsed.data.body, questions);
    setPreview({ ...parsed.data, ...reply });
    setChoices(reply.answers.map((a) => ({ target: !a.text ? NOTE : (matchedCode(a) ?? ""), confirmed: false })));
    // One key per preview: a double click or a retry of this confirm files once.
    submitKey.current = crypto.randomUUID();
  };

  const choose = (index: number, change: Partial<Choice>) => {
    setChoices((all) => all.map((c, i) => (i === index ? { ...c, ...change } : c)));
    setFieldErrors((all) => Object.fromEntries(Object.entries(all).filter(([key]) => !key.startsWith(`answers.${index}.`))));
  };

  const confirm = async () => {
    if (!preview || busy) return;
    const errors: Record<string, string> = {};
    preview.answers.forEach((a, i) => {
      const choice = choices[i]!;
      if (choice.target === "") errors[`answers.${i}.target`] = "emessageReply.validation.chooseQuestion";
      else if (a.match.kind === "misread" && choice.target === a.match.code && !choice.confirmed) errors[`answers.${i}.confirmed`] = "emessageReply.validation.confirmMisread";
    });
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) {
      setError(message("errors.formHasErrors"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const answers = preview.answers.map((a, i) => {
        const { target, confirmed } = choices[i]!;
        const asRead = a.match.kind === "exact" ? a.match.code : null;
        return {
          codeText: a.codeText,
          codeRead: a.codeRead,
          text: a.text,
          target: target === NOTE ? null : target,
          // A target other than the exact code was either ticked (a misread) or chosen by hand.
          confirmed: target !== NOTE && target !== asRead && (a.match.kind !== "misread" || target !== a.match.code || confirmed),
        };
      });
      const r = await fileEmessageReplyAction({ groupSlug, memberId, receivedOn: preview.receivedOn, submitKey: submitKey.current, body: preview.body, answers });
      if (!r.ok) {
        setFieldErrors(r.fieldErrors);
        setError(message(r.formError ?? Object.values(r.fieldErrors)[0]) ?? message("errors.formHasErrors"));
        return;
      }
      setResult(r.data.repeated ? t("preview.repeated") : t("preview.filed", { count: r.data.filed }));
      setPreview(null);
      setBody("");
      submitKey.current = null;
      router.refresh();
    } catch {
      setError(message("errors.offline"));
    } finally {
      setBusy(false);
    }
  };

  if (!preview) {
    return (
      <div className="mt-6 space-y-4">
        <TextAreaField label={t("paste.label")} hint={t("paste.hint")} rows={12} value={body}
          onChange={(e) => {
            setBody(e.target.value);
            setFieldErrors(({ body: _, ...rest }) => rest);
          }} error={message(fieldErrors.body) ?? undefined} />
        <TextField
          label={t("paste.receivedOn")}
          hint={t("paste.receivedOnHint")}
          type="date"
          className="max-w-xs"
          value={receivedOn}
          onChange={(e) => {
            setReceivedOn(e.target.value);
            setFieldErrors(({ receivedOn: _, ...rest }) => rest);
          }}
          error={message(fieldErrors.receivedOn) ?? undefined}
        />
        <FormAlert message={error} />
        <div className="flex flex-wrap items-center gap-4">
          <Button onClick={showPreview}>{t("paste.preview")}</Button>
          <span role="status" className="text-green-800">
            {result}
          </span>
        </div>
      </div>
    );
  }

  const toFile = preview.answers.filter((_, i) => choices[i]?.target !== NOTE).length;
  const notes = [preview.outsideText, ...preview.answers.filter((_, i) => choices[i]?.target === NOTE).map((a) => `${a.codeText} ${a.text}`.trim())].filter(Boolean).join("\n\n");
  return (
    <section aria-labelledby="preview" className="mt-6 space-y-4">
      <h2 id="preview" className="text-xl font-semibold">
        {t("preview.title")}
      </h2>
      <p className="text-muted">{t("preview.intro")}</p>
      <p>{t("preview.receivedOn", { date: preview.receivedOn })}</p>
      {preview.answers.length === 0 && <p className="rounded-md bg-stone-100 p-3">{t("preview.nothing")}</p>}
      <ol className="space-y-4">
        {preview.answers.map((a, i) => {
          const choice = choices[i]!;
          const matched = matchedCode(a);
          const question = byCode.get(choice.target);
          const flagged = a.match.kind === "misread" && choice.target === a.match.code;
          const errorOf = (field: string) => message(fieldErrors[`answers.${i}.${field}`]) ?? undefined;
          return (
            <li key={`${a.start}`} className={`rounded-lg border bg-white p-4 ${flagged || !matched ? "border-amber-500" : "border-stone-200"}`}>
              <h3 className="font-semibold">{t("preview.answer", { index: i + 1, count: preview.answers.length })}</h3>
              <p className="mt-1 text-sm break-words">
                {t("preview.codeWritten")}{" "}
                <MarkedCode answer={a} />
              </p>
              {a.match.kind === "misread" && (
                <p className="mt-2 rounded-md bg-amber-50 p-2 text-sm">
                  {a.match.misread.kind === "character"
                    ? t("preview.misreadCharacter", { position: a.match.misread.position, read: a.match.misread.read, expected: a.match.misread.expected })
                    : t("preview.misreadSwap", { position: a.match.misread.position, next: a.match.misread.position + 1, read: a.match.misread.read, expected: a.match.misread.expected })}
                </p>
              )}
              {a.match.kind === "ambiguous" && <p className="mt-2 rounded-md bg-amber-50 p-2 text-sm">{t("preview.ambiguous")}</p>}
              {a.match.kind === "unknown" && <p className="mt-2 rounded-md bg-amber-50 p-2 text-sm">{t("preview.unknown", { penName })}</p>}
              {a.duplicate && <p className="mt-2 text-sm">{t("preview.duplicate")}</p>}
              {a.text ? (
                <blockquote className="mt-2 max-h-60 overflow-auto border-l-2 border-stone-300 pl-3 whitespace-pre-wrap break-words">{a.text}</blockquote>
              ) : (
                <p className="mt-2 text-sm text-muted">{t("preview.empty")}</p>
              )}
              {a.text && (
                <SelectField
                  className="mt-3"
                  label={t("preview.fileUnder")}
                  options={options}
                  value={choice.target}
                  onChange={(e) => choose(i, { target: e.target.value, confirmed: false })}
                  error={errorOf("target")}
                />
              )}
              {question && (
                <p className="mt-2 text-sm break-words">
                  {t("preview.goesTo", { pack: question.packNumber, number: question.number, text: question.text })}
                  {question.answered && <span className="mt-1 block text-muted">{t("preview.answered", { version: question.version })}</span>}
                </p>
              )}
              {flagged && question && (
                <div className="mt-2">
                  <label className="inline-flex min-h-11 items-center gap-2 font-medium">
                    <input type="checkbox" className="h-5 w-5" checked={choice.confirmed} onChange={(e) => choose(i, { confirmed: e.target.checked })} aria-invalid={errorOf("confirmed") ? true : undefined} />
                    {t("preview.confirmMisread", { pack: question.packNumber, number: question.number })}
                  </label>
                  {errorOf("confirmed") && <p className="text-sm font-medium text-danger">{errorOf("confirmed")}</p>}
                </div>
              )}
              {errorOf("text") && <p className="mt-2 text-sm font-medium text-danger">{errorOf("text")}</p>}
            </li>
          );
        })}
      </ol>
      <div className="rounded-lg border border-stone-200 bg-stone-50 p-4">
        <h3 className="font-semibold">{t("preview.note")}</h3>
        <p className="text-sm text-muted">{t("preview.noteHint")}</p>
        {notes ? <p className="mt-2 whitespace-pre-wrap break-words">{notes}</p> : <p className="mt-2 text-sm">{t("preview.noNote")}</p>}
      </div>
      <FormAlert message={error} />
      <div className="flex flex-wrap items-center gap-4">
        {toFile > 0 && (
          <Button onClick={() => void confirm()} disabled={busy}>
            {busy ? t("preview.filing") : t("preview.confirm", { count: toFile })}
          </Button>
        )}
        <Button variant="secondary" onClick={() => setPreview(null)} disabled={busy}>
          {t("preview.edit")}
        </Button>
      </div>
    </section>
  );
}
