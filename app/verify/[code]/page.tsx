// /verify/<code>: what a certificate says, for anyone (docs/decisions/047-certificates.md). It
// shows only the printed name, course, organization, completion date, and "valid" or "revoked
// on <date>"; verifyCertificate selects nothing more. Lookups are rate-limited per client
// address before this page runs (proxy.ts → lib/certificates/lookup-gate.ts: a plain 429).
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { VerifyForm } from "@/components/certificates/verify-form";
import { formatCertificateCode } from "@/lib/certificates/code";
import { verifyCertificate } from "@/lib/certificates/verify";
import { dayAsDate } from "@/lib/dates";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata(): Promise<Metadata> {
  // No code or name in the title: it lands in browser histories and proxies' logs.
  return { title: (await getTranslations("certificates.verify"))("metaTitle"), robots: { index: false, follow: false } };
}

export default async function VerifyCodePage({ params }: Props) {
  const { code: raw } = await params;
  let typed = raw;
  try {
    typed = decodeURIComponent(raw);
  } catch {
    // A malformed escape is just a code that does not exist.
  }
  const [result, t, format] = await Promise.all([verifyCertificate(typed), getTranslations("certificates.verify"), getFormatter()]);
  const day = (value: string) => format.dateTime(dayAsDate(value), { dateStyle: "long", timeZone: "UTC" });
  const again = (
    <div className="mt-10 border-t border-stone-200 pt-6">
      <h2 className="text-lg font-semibold">{t("again")}</h2>
      <div className="mt-3">
        <VerifyForm labels={{ code: t("code"), submit: t("submit"), hint: t("explain") }} />
      </div>
    </div>
  );
  if (!result.found) {
    return (
      <>
        <h1 className="text-2xl font-semibold">{t("notFound")}</h1>
        <p className="mt-3">{t("notFoundExplain")}</p>
        {again}
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-semibold">{t.rich("resultTitle", { code: formatCertificateCode(result.code), nowrap: (chunks) => <span className="whitespace-nowrap">{chunks}</span> })}</h1>
      <div role="status" className={`mt-4 rounded-md border p-4 ${result.revokedOn ? "border-red-300 bg-red-50" : "border-green-300 bg-green-50"}`}>
        <p className={`text-xl font-semibold ${result.revokedOn ? "text-danger" : "text-green-900"}`}>{result.revokedOn ? t("revoked", { date: day(result.revokedOn) }) : t("valid")}</p>
        <p className="mt-1">{result.revokedOn ? t("revokedExplain") : t("validExplain")}</p>
      </div>
      <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-medium">{t("name")}</dt>
        <dd>{result.printedName}</dd>
        <dt className="font-medium">{t("course")}</dt>
        <dd>{result.courseTitle}</dd>
        <dt className="font-medium">{t("organization")}</dt>
        <dd>{result.organizationName}</dd>
        <dt className="font-medium">{t("completedOn")}</dt>
        <dd>{day(result.completedOn)}</dd>
      </dl>
      <p className="mt-4 text-sm text-muted">{t("onlyThis")}</p>
      {again}
    </>
  );
}
