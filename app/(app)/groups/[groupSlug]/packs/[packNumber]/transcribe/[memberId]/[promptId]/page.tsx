import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ScanUpload } from "@/components/mail/scan-upload";
import { TranscriptionForm } from "@/components/mail/transcription-form";
import { listScans } from "@/lib/data/scans";
import { env } from "@/lib/env";
import { groupPage } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { viewTranscription } from "@/lib/data/transcriptions";
import { formatResponseCode } from "@/lib/packs/response-code";
import { canTranscriberShare } from "@/lib/discussion/consent";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ groupSlug: string; packNumber: string; memberId: string; promptId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mail.transcribe"))("title") };
}

export default async function TranscribePage({ params }: Props) {
  const { groupSlug, packNumber, memberId, promptId } = await params;
  const ctx = await groupPage(groupSlug, "response.transcribe");
  const number = Number(packNumber);
  if (!Number.isInteger(number) || number < 1) notFound();
  const data = await viewTranscription(ctx, number, memberId, promptId).catch((error: unknown) => {
    if (error instanceof AppError) notFound();
    throw error;
  });
  const [t, tScans, format] = await Promise.all([getTranslations("mail.transcribe"), getTranslations("mail.scans"), getFormatter()]);
  const scans = data.response ? await listScans(ctx, data.response.id) : [];
  const person = data.member.person;
  const response = data.response;
  const submitted = response?.status === "SUBMITTED";
  return (
    <ClientMessages namespaces={["discussion.errors", "discussion.hide", "discussion.transcribeShare", "mail.errors", "mail.runs.errors.notDone", "mail.scans", "mail.transcribe", "mail.validation", "packs.errors", "packs.response", "packs.validation"]}>
      <p>
        <Link href={`/groups/${groupSlug}/packs/${number}/mail`} className="text-sm text-accent underline underline-offset-4">
          {t("back")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1">{t("for", { penName: data.member.penName, legalName: person.legalName, id: person.idNumber ? `, ${person.idNumber}` : "" })}</p>
      <div className="mt-4 rounded-lg border border-stone-200 bg-white p-4">
        <p className="text-sm text-muted">
          {t("pack", { number })} · {t("prompt")}
          {data.code && <span className="ml-2 font-mono">{t("code", { code: formatResponseCode(data.code) })}</span>}
        </p>
        <p className="mt-1 text-lg">{data.prompt.text}</p>
      </div>
      {submitted && data.transcriberName && response?.submittedAt && (
        <p className="mt-4 rounded-md bg-stone-100 p-3 text-sm">{t("already", { name: data.transcriberName, date: format.dateTime(response.submittedAt, { dateStyle: "medium" }) })}</p>
      )}
      <TranscriptionForm
        groupSlug={groupSlug}
        packNumber={number}
        memberId={memberId}
        promptId={promptId}
        penName={data.member.penName}
        mayShare={canTranscriberShare(data.member)}
        consentHref={`/groups/${groupSlug}/members/${memberId}/sharing`}
        initial={{
          shared: response?.shared ?? true,
          text: response?.draftBody ?? response?.body ?? "",
          submittedText: submitted ? (response?.body ?? "") : null,
          receivedOn: response?.receivedOn ? response.receivedOn.toISOString().slice(0, 10) : new Date().toISOString().slice(0, 10),
          hasDraft: response?.draftBody != null,
          savedAt: response?.draftSavedAt?.toISOString() ?? null,
        }}
      />
      <section aria-labelledby="scans" className="mt-10 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="scans" className="text-lg font-semibold">
          {tScans("title")}
        </h2>
        {scans.length === 0 ? (
          <p className="mt-1 text-sm text-muted">{tScans("none")}</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {scans.map((scan) => (
              <li key={scan.id}>
                <a href={`/api/files/${scan.id}`} className="text-accent underline underline-offset-4">
                  {scan.filename}
                </a>{" "}
                <span className="text-sm text-muted">· {Math.max(1, Math.round(scan.byteSize / 1024))} KB</span>
              </li>
            ))}
          </ul>
        )}
        <ScanUpload groupSlug={groupSlug} packNumber={number} memberId={memberId} promptId={promptId} maxMb={env().MAX_UPLOAD_MB} />
      </section>
    </ClientMessages>
  );
}
