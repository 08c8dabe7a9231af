// The member's part of the home page: in each group, the pack that needs them next and a link
// straight to its first unanswered question (docs/decisions/027). Renders nothing for someone
// who is no online member anywhere, so staff see the home page as before.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/session";
import { listMemberNextSteps, type MemberGroupStep, type PackStep } from "@/lib/data/member-home";

type T = Awaited<ReturnType<typeof getTranslations<"memberHome.nextSteps">>>;
type Format = Awaited<ReturnType<typeof getFormatter>>;

export async function MemberNextSteps({ user }: { user: CurrentUser }) {
  const steps = await listMemberNextSteps(user);
  if (steps.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("memberHome.nextSteps"), getFormatter()]);
  return (
    <section aria-labelledby="member-next-steps" className="mt-6">
      <h2 id="member-next-steps" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <ul className="mt-3 space-y-3">
        {steps.map((step) => (
          <li key={step.group.slug} className={`rounded-lg border border-stone-200 bg-white p-4 shadow-sm ${step.kind === "open" ? "border-l-4 border-l-accent" : ""}`}>
            <h3 className="text-sm font-normal text-muted">{step.group.name}</h3>
            <GroupStep step={step} t={t} format={format} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function GroupStep({ step, t, format }: { step: MemberGroupStep; t: T; format: Format }) {
  const packPath = (number: number) => `/groups/${step.group.slug}/packs/${number}`;
  const inGroup = <span className="sr-only"> {t("inGroup", { group: step.group.name })}</span>;
  if (step.kind === "waiting") return <p className="mt-1">{t("waiting")}</p>;
  if (step.kind === "done") {
    const { latest } = step;
    return (
      <>
        <p className="mt-1">{latest.questions === 0 ? t("doneNoQuestions", { number: latest.number }) : t("done", { number: latest.number })}</p>
        <p className="mt-2">
          <Link href={packPath(latest.number)} className="text-accent underline underline-offset-4">
            {t("open", { number: latest.number })}
            {inGroup}
          </Link>
        </p>
      </>
    );
  }
  const { next, others } = step;
  const started = next.answered > 0 || next.drafts > 0;
  return (
    <>
      <p className="mt-1 text-lg font-semibold">
        {next.dueDate ? t(next.pastDue ? "wasDue" : "dueOn", { number: next.number, date: dueDate(next.dueDate, format) }) : t("noDueDate", { number: next.number })}
      </p>
      {next.title && <p className="text-muted">{t("packTitle", { title: next.title })}</p>}
      <p className="mt-2">
        {t("answered", { answered: next.answered, total: next.questions })}
        {next.drafts > 0 && ` · ${t("drafts", { count: next.drafts })}`}
      </p>
      <QuestionDots step={next} />
      {next.pastDue && <p className="mt-2 text-sm text-muted">{t("pastDue")}</p>}
      <p className="mt-3">
        <Link
          href={`${packPath(next.number)}#question-${next.nextPromptId}`}
          className="inline-flex min-h-11 items-center rounded-md bg-accent px-4 font-medium text-white hover:bg-accent-strong"
        >
          {t(started ? "continue" : "start", { number: next.number })}
          {inGroup}
        </Link>
      </p>
      {others.length > 0 && (
        <div className="mt-4 border-t border-stone-200 pt-3 text-sm">
          <p className="font-medium">{t("othersTitle")}</p>
          <ul className="mt-1 space-y-1">
            {others.map((other) => (
              <li key={other.number}>
                <Link href={`${packPath(other.number)}#question-${other.nextPromptId}`} className="text-accent underline underline-offset-4">
                  {t("other", { number: other.number })}
                  {inGroup}
                </Link>
                <span className="text-muted">
                  {" · "}
                  {[other.dueDate && t("otherDue", { date: dueDate(other.dueDate, format) }), t("otherProgress", { answered: other.answered, total: other.questions })]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/** One mark a question, filled when answered; the sentence above says the same in words. */
function QuestionDots({ step }: { step: PackStep }) {
  if (step.questions > 20) return null;
  return (
    <p aria-hidden="true" className="mt-2 flex gap-1.5">
      {Array.from({ length: step.questions }, (_, i) => (
        <span key={i} className={`h-2.5 w-6 rounded-full ${i < step.answered ? "bg-accent" : "bg-stone-200"}`} />
      ))}
    </p>
  );
}

/** A due date is a calendar day (stored at UTC midnight); the year only when it is not this one. */
function dueDate(date: Date, format: Format): string {
  const thisYear = date.getUTCFullYear() === new Date().getUTCFullYear();
  return format.dateTime(date, { day: "numeric", month: "long", ...(thisYear ? {} : { year: "numeric" }), timeZone: "UTC" });
}
