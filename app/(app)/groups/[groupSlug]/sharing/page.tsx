import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { SharingForm } from "@/components/discussion/sharing-form";
import { groupPage } from "@/lib/authz";
import { getMySharing } from "@/lib/data/discussion";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ groupSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("discussion.sharing"))("title") };
}

export default async function MySharingPage({ params }: Props) {
  const { groupSlug } = await params;
  const ctx = await groupPage(groupSlug, "sharing.editOwn");
  const [settings, t, td, format] = await Promise.all([getMySharing(ctx), getTranslations("discussion.sharing"), getTranslations("discussion"), getFormatter()]);
  return (
    <ClientMessages namespaces={["discussion.errors", "discussion.hide", "discussion.record", "discussion.sharing", "discussion.validation", "packs.errors"]}>
      <p>
        <Link href={`/groups/${groupSlug}`} className="text-sm text-accent underline underline-offset-4">
          {td("backToGroup", { group: ctx.group.name })}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-muted">{t("intro")}</p>
      {settings.sharingConsentAt && <p className="mt-2 text-sm text-muted">{t("consentGiven", { date: format.dateTime(settings.sharingConsentAt, { dateStyle: "medium" }) })}</p>}
      <SharingForm groupSlug={groupSlug} initial={{ penName: settings.penName, sharingPreference: settings.sharingPreference, givenOn: new Date().toISOString().slice(0, 10) }} />
    </ClientMessages>
  );
}
