// The start of a pack's page: what is in it (letter, each lesson's readings and questions), each
// a link to its place on the page, and for a member how many questions they have answered
// (docs/decisions/027). The anchors are the ids the pack page puts on those sections:
// #letter, #lesson-…, #reading-…, #question-….
import { getTranslations } from "next-intl/server";
import type { PackView } from "@/lib/data/packs";

export type QuestionState = "answered" | "draft" | "open";

const STATE_CLASSES: Record<QuestionState, string> = {
  answered: "bg-green-50 text-green-800 ring-green-700/30",
  draft: "bg-amber-50 text-amber-900 ring-amber-700/30",
  open: "bg-stone-100 text-stone-700 ring-stone-400/40",
};

export async function PackContents({
  pack,
  questionNumbers,
  states,
}: {
  pack: PackView;
  questionNumbers: Map<string, number>;
  /** The member's state of each question; null for staff, who answer none. */
  states: Map<string, QuestionState> | null;
}) {
  const t = await getTranslations("memberHome.packContents");
  const questions = pack.lessons.flatMap(({ lesson }) => lesson.prompts);
  const answered = states ? questions.filter((q) => states.get(q.id) === "answered").length : 0;
  const hasLetter = pack.letterMarkdown.trim() !== "";
  if (!hasLetter && pack.lessons.length === 0) return null;
  const link = "text-accent underline underline-offset-4 hover:text-accent-strong";
  return (
    <nav aria-labelledby="pack-contents" className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="pack-contents" className="text-lg font-semibold">
          {t("title")}
        </h2>
        {states && questions.length > 0 && <p className="font-medium">{t("answered", { answered, total: questions.length })}</p>}
      </div>
      <ol className="mt-3 space-y-4">
        {hasLetter && (
          <li>
            <a href="#letter" className={link}>
              {t("letter")}
            </a>
          </li>
        )}
        {pack.lessons.map(({ lesson }, index) => (
          <li key={lesson.id}>
            <a href={`#lesson-${lesson.id}`} className={`font-medium ${link}`}>
              {t("lesson", { position: index + 1, title: lesson.title })}
            </a>
            {lesson.readings.length > 0 && (
              <>
                <p className="mt-2 text-sm font-medium text-muted">{t("readings")}</p>
                <ul className="mt-1 space-y-1 pl-4">
                  {lesson.readings.map((reading) => (
                    <li key={reading.id}>
                      <a href={`#reading-${reading.id}`} className={link}>
                        {reading.title}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {lesson.prompts.length > 0 && (
              <>
                <p className="mt-2 text-sm font-medium text-muted">{t("questions")}</p>
                <ul className="mt-1 space-y-2 pl-4">
                  {lesson.prompts.map((prompt) => {
                    const state = states ? (states.get(prompt.id) ?? "open") : null;
                    return (
                      <li key={prompt.id} className="min-w-0">
                        <span className="flex flex-wrap items-center gap-x-2">
                          <a href={`#question-${prompt.id}`} className={link}>
                            {t("questionN", { number: questionNumbers.get(prompt.id) ?? 0 })}
                          </a>
                          {state && <span className={`rounded-full px-2 text-xs font-medium ring-1 ring-inset ${STATE_CLASSES[state]}`}>{t(`state${state === "answered" ? "Answered" : state === "draft" ? "Draft" : "Open"}`)}</span>}
                        </span>
                        <span className="block truncate text-sm text-muted">{prompt.text}</span>
                      </li>
                    );
                  })}
                </ul>
              </>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
