// /verify: type a code. Submitting sends ?code=…, answered with a redirect to /verify/<code>
// (tidied when it is a well-formed code, so the address reads like the printed one).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { VerifyForm } from "@/components/certificates/verify-form";
import { formatCertificateCode, parseCertificateCode } from "@/lib/certificates/code";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("certificates.verify"))("metaTitle") };
}

export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const { code } = await searchParams;
  const typed = (Array.isArray(code) ? code[0] : code)?.trim().slice(0, 64);
  if (typed) {
    const parsed = parseCertificateCode(typed);
    redirect(`/verify/${encodeURIComponent(parsed ? formatCertificateCode(parsed) : typed)}`);
  }
  const t = await getTranslations("certificates.verify");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <div className="mt-6">
        <VerifyForm labels={{ code: t("code"), submit: t("submit"), hint: t("explain") }} />
      </div>
    </>
  );
}
