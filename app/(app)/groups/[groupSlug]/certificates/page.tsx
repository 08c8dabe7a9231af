// A group's certificates (docs/decisions/047-certificates.md): who has completed by the group's
// rule, issuing, and every certificate issued with its state and delivery. Organizers only.
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CertificateActions } from "@/components/certificates/certificate-actions";
import { IssueForm } from "@/components/certificates/issue-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { groupPage } from "@/lib/authz";
import { formatCertificateCode } from "@/lib/certificates/code";
import { certificatesOfGroup } from "@/lib/data/certificates";
import { dayAsDate } from "@/lib/dates";

type Props = { params: Promise<{ groupSlug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ group }, t] = await Promise.all([groupPage((await params).groupSlug, "group.manage"), getTranslations("certificates")]);
  return { title: `${t("metaTitle")}: ${group.name}` };
}

export default async function CertificatesPage({ params }: Props) {
  const ctx = await groupPage((await params).groupSlug, "group.manage");
  const [data, t, format] = await Promise.all([certificatesOfGroup(ctx), getTranslations("certificates"), getFormatter()]);
  const day = (value: Date | string) => format.dateTime(typeof value === "string" ? dayAsDate(value) : value, { dateStyle: "medium", timeZone: typeof value === "string" ? "UTC" : undefined });
  const slug = ctx.group.slug;
  return (
    <ClientMessages namespaces={["certificates"]}>
      <p>
        <Link href={`/groups/${slug}`} className="text-sm text-accent underline underline-offset-4">
          {t("backToGroup")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{t("title", { group: ctx.group.name })}</h1>
      <p className="mt-3 text-muted">
        {t("ruleNow", { rule: t(`rule.${data.rule}`) })}.{" "}
        <Link href={`/groups/${slug}/settings`} className="text-accent underline underline-offset-4">
          {t("changeRule")}
        </Link>
      </p>

      <section aria-labelledby="members" className="mt-8">
        <h2 id="members" className="text-xl font-semibold">
          {t("members.title")}
        </h2>
        {data.members.length === 0 ? (
          <p className="mt-3 text-muted">{t("members.none")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200 border-y border-stone-200">
            {data.members.map((m) => (
              <li key={m.id} className="space-y-2 py-3">
                <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
                  <span className="font-medium">{m.penName}</span>
                  {m.legalName && m.legalName !== m.penName && <span className="text-sm text-muted">{m.legalName}</span>}
                  <span className="text-sm">
                    {t("members.progress")}: {t("members.packs", { done: m.packsCompleted, total: m.publishedPacks })}
                  </span>
                  <span className={m.completed ? "text-sm text-green-800" : "text-sm text-muted"}>{m.certified ? t("members.certified") : m.completed ? t("members.completed") : t("members.notCompleted")}</span>
                </div>
                {/* Mounted for a certified member too, so the form's "issued" confirmation survives the refresh that follows it. */}
                {m.completed && !ctx.group.archived && <IssueForm groupSlug={slug} memberId={m.id} penName={m.penName} legalName={m.legalName} signer={data.signer} certified={m.certified} />}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="issued" className="mt-10">
        <h2 id="issued" className="text-xl font-semibold">
          {t("list.title")}
        </h2>
        {data.certificates.length === 0 ? (
          <p className="mt-3 text-muted">{t("list.none")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200 border-y border-stone-200">
            {data.certificates.map((c) => {
              const code = formatCertificateCode(c.code);
              return (
                <li key={c.id} className="space-y-1 py-3">
                  <p className="flex flex-wrap items-baseline gap-x-4">
                    <span className="font-mono font-semibold">{code}</span>
                    <span className="font-medium">{c.printedName}</span>
                    <span className="text-sm text-muted">
                      {t("list.member")}: {c.penName}
                    </span>
                  </p>
                  <p className="text-sm">
                    {t("list.issued")}: {day(c.issuedAt)} · {c.revokedAt ? <strong className="text-danger">{t("list.revokedOn", { date: day(c.revokedAt) })}</strong> : <span className="text-green-800">{t("list.valid")}</span>}
                    {c.revokedReason && <> · {t("list.reason", { reason: c.revokedReason })}</>}
                  </p>
                  {!c.revokedAt && (
                    <p className="text-sm">
                      {t("list.delivery")}: {c.delivery === "MAILED_ALONE" && c.sentAt ? t("list.mailedOn", { date: day(c.sentAt) }) : c.sentAt ? t("list.sentWithPack", { date: day(c.sentAt) }) : t(`list.${c.delivery}`)}
                    </p>
                  )}
                  {!ctx.group.archived && <CertificateActions groupSlug={slug} certificateId={c.id} code={code} revoked={c.revokedAt !== null} delivery={c.delivery} sent={c.sentAt !== null} />}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </ClientMessages>
  );
}
