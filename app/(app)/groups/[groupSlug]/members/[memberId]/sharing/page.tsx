import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { SharingForm } from "@/components/discussion/sharing-form";
import { groupPage } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { getMemberSharing } from "@/lib/data/discussion";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ groupSlug: string; memberId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("discussion.sharing"))("title") };
}

/** A facilitator records a (mail) member's pen name and sharing choice. Pen name only: no personal data here. */
export default async function MemberSharingPage({ params }: Props) {
  const { groupSlug, memberId } = await params;
  const ctx = await groupPage(groupSlug, "consent.record");
  const settings = await getMemberSharing(ctx, memberId).catch((error: unknown) => {
    if (error instanceof AppError) notFound();
    throw error;
  });
  const [t, ts, format] = await Promise.all([getTranslations("discussion.record"), getTranslations("discussion.sharing"), getFormatter()]);
  return (
    <ClientMessages namespaces={["discussion.errors", "discussion.hide", "discussion.record", "discussion.sharing", "discussion.validation", "packs.errors"]}>
      <p>
        <Link href={`/groups/${groupSlug}/discussion#consent`} className="text-sm text-accent underline underline-offset-4">
          {t("back")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{t("title", { penName: settings.penName })}</h1>
      <p className="mt-1 text-muted">{t("intro")}</p>
      <p className="mt-3 rounded-md bg-stone-100 p-3 text-sm">
        {settings.sharingConsentAt
          ? t("current", { preference: ts(settings.sharingPreference), date: format.dateTime(settings.sharingConsentAt, { dateStyle: "medium", timeZone: "UTC" }) })
          : t("none")}
      </p>
      <SharingForm
        groupSlug={groupSlug}
        memberId={memberId}
        initial={{
          penName: settings.penName,
          sharingPreference: settings.sharingPreference,
          givenOn: (settings.sharingConsentAt ?? new Date()).toISOString().slice(0, 10),
        }}
      />
    </ClientMessages>
  );
}
