import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LetterDesk, NEXT_CODE_ID } from "@/components/desk/letter-desk";
import { LetterScan } from "@/components/desk/letter-scan";
import type { DeskLetter } from "@/components/desk/types";
import { ResponseCodeForm } from "@/components/mail/response-code-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { groupPage } from "@/lib/authz";
import { firstWords, lettersTranscribedToday, viewLetter } from "@/lib/data/transcriptions";
import { mailConsentGiven } from "@/lib/discussion/consent";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatResponseCode } from "@/lib/packs/response-code";

type Props = { params: Promise<{ groupSlug: string; packNumber: string; memberId: string }>; searchParams: Promise<{ question?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mail.desk"))("title") };
}

/** Today in the organization's time zone, as YYYY-MM-DD: the received date a letter most often has. */
function todayIn(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

export default async function LetterDeskPage({ params, searchParams }: Props) {
  const [{ groupSlug, packNumber, memberId }, { question }] = await Promise.all([params, searchParams]);
  const ctx = await groupPage(groupSlug, "response.transcribe");
  const number = Number(packNumber);
  if (!Number.isInteger(number) || number < 1) notFound();
  const data = await viewLetter(ctx, number, memberId).catch((error: unknown) => {
    if (error instanceof AppError) notFound();
    throw error;
  });
  const [t, tScans, lettersToday] = await Promise.all([getTranslations("mail.desk"), getTranslations("mail.scans"), lettersTranscribedToday(ctx)]);
  const focusPromptId = typeof question === "string" && data.questions.some((q) => q.promptId === question) ? question : null;
  const person = data.member.person;
  const filedOn = [...data.answers.values()].map((a) => a.answer.receivedOn).find((d) => d !== null);
  const letter: DeskLetter = {
    groupSlug,
    packNumber: number,
    memberId,
    penName: data.member.penName,
    receivedOn: filedOn ? filedOn.toISOString().slice(0, 10) : todayIn(data.timeZone),
    consentRecorded: mailConsentGiven(data.member),
    consentHref: `/groups/${groupSlug}/members/${memberId}/sharing`,
    questions: data.questions.map((q) => {
      const found = data.answers.get(q.promptId);
      const a = found?.answer;
      const filed = a?.status === "SUBMITTED";
      return {
        promptId: q.promptId,
        number: q.number,
        heading: t("question", { number: q.number, words: firstWords(q.text) }),
        text: q.text,
        code: q.code ? formatResponseCode(q.code) : null,
        answer: {
          status: a?.status ?? null,
          text: a?.draftBody ?? a?.body ?? "",
          filedText: filed ? a.body : null,
          version: a?.version ?? 0,
          shared: a?.shared ?? null,
          draftSavedAt: a?.draftBody != null ? (a.draftSavedAt?.toISOString() ?? null) : null,
        },
        versions: (found?.versions ?? []).map((v) => ({ ...v, at: v.at.toISOString() })),
        moves: (found?.moves ?? []).map((m) => ({ from: m.from, to: m.to, by: m.by, at: m.at.toISOString() })),
      };
    }),
  };
  // A move changes which box an answer is in: the desk starts afresh. A save does not (the cursor
  // stays in the next code's box, and the boxes already hold what was filed).
  // Another letter (the next code opens it in place) is a fresh desk too.
  const deskKey = `${number}:${memberId}:moves-${[...data.answers.values()].reduce((sum, a) => sum + a.moves.length, 0)}`;
  return (
    <ClientMessages namespaces={["discussion.errors", "discussion.hide", "mail.desk", "mail.code", "mail.scans", "mail.validation", "packs.response", "packs.validation", "packs.errors"]}>
      <p>
        <Link href={`/groups/${groupSlug}/packs/${number}/mail`} className="text-sm text-accent underline underline-offset-4">
          {t("back")}
        </Link>
      </p>
      <div className="mt-2 flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="font-medium" title={t("todayHint")}>
          {t("today", { count: lettersToday })}
        </p>
      </div>
      <p className="mt-1">{t("for", { penName: data.member.penName, legalName: person.legalName, id: person.idNumber ? `, ${person.idNumber}` : "", number })}</p>
      {person.facility && <p className="text-sm text-muted">{t("facility", { facility: person.facility.name })}</p>}
      <section aria-labelledby="scan" className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="scan" className="text-lg font-semibold">
          {t("scan")}
        </h2>
        <p className="text-sm text-muted">{t("scanHint")}</p>
        {data.scans.length === 0 ? (
          <p className="mt-1 text-sm text-muted">{tScans("none")}</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {data.scans.map((scan) => (
              <li key={scan.id}>
                <a href={`/api/files/${scan.id}`} className="text-accent underline underline-offset-4">
                  {scan.filename}
                </a>{" "}
                <span className="text-sm text-muted">· {Math.max(1, Math.round(scan.byteSize / 1024))} KB</span>
              </li>
            ))}
          </ul>
        )}
        <LetterScan groupSlug={groupSlug} packNumber={number} memberId={memberId} maxMb={env().MAX_UPLOAD_MB} />
      </section>
      <LetterDesk key={deskKey} letter={letter} focusPromptId={focusPromptId} />
      <div key={`${number}:${memberId}`} className="mt-10 border-t border-stone-300 pt-6">
        <ResponseCodeForm inputId={NEXT_CODE_ID} label={t("nextCode")} hint={t("nextCodeHint")} />
      </div>
    </ClientMessages>
  );
}
