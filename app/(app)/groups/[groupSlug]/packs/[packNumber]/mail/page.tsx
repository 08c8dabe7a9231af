import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { DeliveryEventForm } from "@/components/mail/delivery-event-form";
import { MarkAllMailed } from "@/components/mail/mark-all-mailed";
import { PrintProblems } from "@/components/mail/print-problems";
import { PrintRunPanel } from "@/components/mail/print-run-panel";
import { PostageSummary } from "@/components/mail/postage-summary";
import { ScannedReadingChoices } from "@/components/mail/scanned-reading-choices";
import { scannedReadingReport } from "@/lib/data/scanned-readings";
import { groupPage } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { NEXT_STATUSES, viewMailLog } from "@/lib/data/deliveries";
import { getPack, promptsOf } from "@/lib/data/packs";
import { listPrintRuns, planPrintRun } from "@/lib/data/print-runs";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ groupSlug: string; packNumber: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTranslations("mail.log"))("title", { number: (await params).packNumber }) };
}

const STATUS_ORDER = ["PREPARED", "MAILED", "RESENT", "DELIVERED", "RETURNED", "REJECTED", "RESPONDED"] as const;
type MailedTo = { facility?: string | null; addressLines?: string[]; housingUnit?: string | null } | null;

export default async function MailLogPage({ params }: Props) {
  const { groupSlug, packNumber } = await params;
  const ctx = await groupPage(groupSlug, "delivery.manage");
  const number = Number(packNumber);
  if (!Number.isInteger(number) || number < 1) notFound();
  const [log, pack, runs] = await Promise.all([
    viewMailLog(ctx, number).catch((error: unknown) => {
      if (error instanceof AppError) notFound();
      throw error;
    }),
    getPack(ctx, number),
    listPrintRuns(ctx, number).catch(() => []),
  ]);
  const latest = runs[0];
  // Plan every mail member's pack (arithmetic on one shared layout) to warn before printing,
  // count who will get an envelope, and what the envelopes weigh and cost.
  const plan = await planPrintRun(ctx, number);
  // E-message members' by-post readings come after the mail packs (decision 054): warned about too.
  const tByPost = await getTranslations("mail.byPost");
  const planned = [...plan.members.map((m) => ({ name: m.name, problems: m.problems })), ...plan.byPost.members.map((m) => ({ name: tByPost("name", { name: m.name }), problems: m.problems }))];
  const doneRuns = runs.filter((run) => run.status === "DONE").map((run) => ({ id: run.id, finishedAt: run.finishedAt?.toISOString() ?? null }));
  // Scanned readings for facilities that forbid images: chosen here before a run can start.
  const scanned = (await scannedReadingReport({ id: log.pack.id, groupId: ctx.group.id })).map((item) => ({
    ...item,
    choice: item.choice ? { ...item.choice, at: item.choice.at.toISOString() } : null,
  }));
  const [t, tStatus, tRuns, format] = await Promise.all([getTranslations("mail.log"), getTranslations("mail.status"), getTranslations("mail.runs"), getFormatter()]);
  const prompts = promptsOf(pack);
  const mail = log.deliveries.filter((d) => d.channel === "MAIL");
  const online = log.deliveries.filter((d) => d.channel === "ONLINE");
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });

  return (
    <ClientMessages namespaces={["discussion.errors", "mail.errors", "mail.log", "mail.print", "mail.runs", "mail.scanned", "mail.status", "mail.validation"]}>
      <p>
        <Link href={`/groups/${groupSlug}/packs/${number}`} className="text-sm text-accent underline underline-offset-4">
          {(await getTranslations("packs"))("packN", { number })}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{t("title", { number })}</h1>

      <section aria-labelledby="counts" className="mt-4">
        <h2 id="counts" className="sr-only">
          {t("counts")}
        </h2>
        <ul className="flex flex-wrap gap-2">
          {STATUS_ORDER.filter((s) => log.counts[s]).map((s) => (
            <li key={s} className="rounded-full border border-stone-300 bg-white px-3 py-1 text-sm">
              {tStatus(s)}: <span className="font-semibold">{log.counts[s]}</span>
            </li>
          ))}
        </ul>
      </section>

      <div className="mt-6">
        <PrintProblems items={planned} />
      </div>

      {scanned.length > 0 && (
        <div className="mt-6">
          <ScannedReadingChoices groupSlug={groupSlug} packNumber={number} items={scanned} />
        </div>
      )}

      <div className="mt-6">
        <PrintRunPanel
          // Mounted afresh when a scanned-reading choice is made, so an earlier refusal does not linger.
          key={`scanned-${scanned.filter((item) => !item.choice).length}`}
          scannedUndecided={scanned.filter((item) => !item.choice).length}
          groupSlug={groupSlug}
          packNumber={number}
          toPrint={plan.toPrint}
          leftOut={plan.leftOut}
          byPost={plan.byPost.toPrint}
          latest={latest ? { ...latest, finishedAt: latest.finishedAt?.toISOString() ?? null, fileRemovedAt: latest.fileRemovedAt?.toISOString() ?? null } : null}
        >
          {plan.byPost.toPrint > 0 && <p className="mt-1 text-sm text-muted">{tByPost("inRun", { members: plan.byPost.toPrint, envelopes: plan.byPost.envelopes })}</p>}
          {plan.byPost.leftOut > 0 && <p className="mt-1 text-sm font-medium text-danger">{tByPost("leftOut", { count: plan.byPost.leftOut })}</p>}
          <PostageSummary postage={plan.postage} settings={plan.settings} />
        </PrintRunPanel>
      </div>

      <div className="mt-6">
        {/* Waiting: prepared for a member a run prints; one who moved or withdrew since publication is not. */}
        <MarkAllMailed groupSlug={groupSlug} packNumber={number} runs={doneRuns} waiting={mail.filter((d) => d.status === "PREPARED" && d.notPrinted === null).length} />
      </div>

      {mail.length === 0 && <p className="mt-6 text-muted">{t("noMail")}</p>}
      <ul className="mt-6 space-y-4">
        {mail.map((d) => {
          const person = d.member.person;
          const mailedTo = d.mailedTo as MailedTo;
          const next = NEXT_STATUSES[d.status].filter((s) => s !== "RESPONDED") as ("MAILED" | "DELIVERED" | "RETURNED" | "REJECTED" | "RESENT")[];
          return (
            <li key={d.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p>
                  <span className="font-semibold">{person.legalName}</span>
                  {person.idNumber && <span className="text-muted"> · {person.idNumber}</span>}
                  <span className="text-muted"> · {d.member.penName}</span>
                </p>
                <span className="rounded-full bg-stone-100 px-2.5 py-0.5 text-sm font-medium">{tStatus(d.status)}</span>
              </div>
              <p className="text-sm text-muted">
                {mailedTo?.facility
                  ? t("mailedTo", { address: [mailedTo.facility, mailedTo.housingUnit].filter(Boolean).join(", ") })
                  : [person.facility?.name, person.housingUnit].filter(Boolean).join(", ")}
              </p>
              {d.notPrinted && <p className="mt-1 text-sm font-medium text-amber-800">{tRuns("notPrinted", { reason: d.notPrinted })}</p>}
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-accent">{t("history")}</summary>
                <ol className="mt-2 space-y-1 border-l-2 border-stone-200 pl-3">
                  {d.events.map((e) => (
                    <li key={e.id}>
                      <span className="font-medium">{tStatus(e.status)}</span> · {date(e.occurredOn)}
                      {e.reason && ` · ${e.reason}`}
                      {e.note && <span className="text-muted"> · {e.note}</span>}
                      {e.actorName && <span className="text-muted"> · {t("by", { name: e.actorName })}</span>}
                    </li>
                  ))}
                </ol>
              </details>
              {next.length > 0 && (
                <details className="mt-2">
                  <summary className="cursor-pointer font-medium text-accent">{t("record")}</summary>
                  <DeliveryEventForm groupSlug={groupSlug} packNumber={number} deliveryId={d.id} next={next} label={`${t("record")}: ${person.legalName}`} />
                </details>
              )}
              <p className="mt-2 text-sm">
                <a href={`/groups/${groupSlug}/packs/${number}/print/${d.member.id}`} className="text-accent underline underline-offset-4">
                  {t("memberPdf")}
                </a>
              </p>
              {prompts.length > 0 && (
                <p className="mt-3 flex flex-wrap gap-2 text-sm">
                  <span className="text-muted">{t("transcribe")}:</span>
                  {prompts.map((p, i) => (
                    <Link key={p.id} href={`/groups/${groupSlug}/packs/${number}/transcribe/${d.member.id}/${p.id}`} className="text-accent underline underline-offset-4">
                      Q{i + 1}
                    </Link>
                  ))}
                </p>
              )}
            </li>
          );
        })}
      </ul>

      {online.length > 0 && (
        <section className="mt-8">
          <h2 className="text-lg font-semibold">{t("online")}</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {online.map((d) => (
              <li key={d.id}>
                {d.member.penName} · {tStatus(d.status)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </ClientMessages>
  );
}
