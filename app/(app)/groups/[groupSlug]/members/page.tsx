import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AddMailMemberForm, SwitchChannelButton, TransferForm } from "@/components/members/member-forms";
import { groupPage } from "@/lib/authz";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/data/audit";
import { listGroupFacilities, listMembers } from "@/lib/data/members";

type Props = { params: Promise<{ groupSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("members"))("title") };
}

export default async function MembersPage({ params }: Props) {
  const { groupSlug } = await params;
  const ctx = await groupPage(groupSlug, "member.viewPersonal");
  const [members, facilities, t] = await Promise.all([listMembers(ctx), listGroupFacilities(ctx), getTranslations("members")]);
  // Legal names, ID numbers and facilities are on this page: the look is recorded.
  await writeAudit(db, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "members.view", entityType: "Group", entityId: ctx.group.id, groupId: ctx.group.id });
  return (
    <>
      <p>
        <Link href={`/groups/${groupSlug}`} className="text-sm text-accent underline underline-offset-4">
          {ctx.group.name}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-muted">{t("privacy")}</p>
      <ul className="mt-6 space-y-3">
        {members.map((m) => (
          <li key={m.id} className="rounded-lg border border-stone-200 bg-white p-4">
            <p className="flex flex-wrap items-baseline justify-between gap-2">
              <span>
                <span className="font-semibold">{m.person.legalName}</span> <span className="text-muted">· {m.penName}</span>
              </span>
              <span className="text-sm text-muted">
                {m.channel === "MAIL" ? t("byMail") : t("online")} · {t(`status.${m.status}`)}
              </span>
            </p>
            {m.channel === "MAIL" && (
              <p className="text-sm text-muted">{[m.person.facility?.name, m.person.idNumber, m.person.housingUnit].filter(Boolean).join(" · ")}</p>
            )}
            {m.channel === "MAIL" && facilities.length > 0 && (
              <details className="mt-2">
                <summary className="cursor-pointer text-sm font-medium text-accent">{t("transfer.title")}</summary>
                <TransferForm
                  groupSlug={groupSlug}
                  memberId={m.id}
                  facilities={facilities}
                  current={{ facilityId: m.person.facility?.id ?? facilities[0]!.id, idNumber: m.person.idNumber ?? "", housingUnit: m.person.housingUnit ?? "" }}
                />
              </details>
            )}
            {m.channel === "MAIL" ? (
              <SwitchChannelButton groupSlug={groupSlug} memberId={m.id} to="ONLINE" label={t("toOnline")} confirm={t("toOnlineConfirm", { name: m.penName })} />
            ) : (
              m.person.facility && <SwitchChannelButton groupSlug={groupSlug} memberId={m.id} to="MAIL" label={t("toMail")} confirm={t("toMailConfirm", { name: m.penName })} />
            )}
          </li>
        ))}
      </ul>
      <section aria-labelledby="add" className="mt-10 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="add" className="text-lg font-semibold">
          {t("add.title")}
        </h2>
        {facilities.length === 0 ? <p className="mt-2">{t("add.noFacilities")}</p> : <AddMailMemberForm groupSlug={groupSlug} facilities={facilities} />}
      </section>
    </>
  );
}
