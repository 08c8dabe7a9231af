import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { safeReturnPath } from "@/lib/safe-redirect";
import { ClientMessages } from "@/components/i18n/client-messages";
import { isSetUp } from "@/lib/setup/setup-token";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl } = await searchParams;
  // Anyone can write this link: only a place on this site, written out by the URL parser
  // (lib/safe-redirect.ts). next-auth's own links carry absolute URLs on NEXTAUTH_URL.
  const returnTo = safeReturnPath(typeof callbackUrl === "string" ? callbackUrl : undefined, { origin: env().NEXTAUTH_URL });
  if (await getCurrentUser()) redirect(returnTo);
  const t = await getTranslations("signIn");
  // A new installation has nobody to sign in yet: say where setup is, instead of a form that cannot work.
  if (!(await isSetUp(db))) {
    return (
      <>
        <h1 className="text-2xl font-semibold">{(await getTranslations("setup"))("title")}</h1>
        <p role="status" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4">
          {(await getTranslations("setup"))("notSetUp")}
        </p>
      </>
    );
  }
  return (
    <ClientMessages namespaces={["signIn"]}>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-muted">{t("intro")}</p>
      <SignInForm returnTo={returnTo} />
      <p className="mt-8 text-sm text-muted">{t("noAccount")}</p>
    </ClientMessages>
  );
}
