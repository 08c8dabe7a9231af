import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AddMemberForm } from "@/components/members/add-member-form";
import { groupPage } from "@/lib/authz";
import { listGroupFacilities, listMemberHistories, viewMembers } from "@/lib/data/members";
import { listMembersWithoutLogin } from "@/lib/data/invitations";
import { InvitationsPanel } from "@/components/members/invitations-panel";
import { ClientMessages } from "@/components/i18n/client-messages";
import { AddOnlineMemberForm } from "@/components/members/add-online-member-form";
import { isGroupArchived } from "@/lib/data/group-archive";

type Props = { params: Promise<{ groupSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("members"))("title") };
}

export default async function MembersPage({ params }: Props) {
  const { groupSlug } = await params;
  const ctx = await groupPage(groupSlug, "member.viewPersonal");
  // Legal names, ID numbers and facilities are on this page: viewMembers records the look.
  const [members, facilities, t, format] = await Promise.all([viewMembers(ctx), listGroupFacilities(ctx), getTranslations("members"), getFormatter()]);
  const [histories, withoutLogin, tInvite, tCorrect, archived, te] = await Promise.all([
    listMemberHistories(ctx, members.map((m) => m.person.id)),
    listMembersWithoutLogin(ctx),
    getTranslations("roster.invite"),
    getTranslations("members.correct"),
    isGroupArchived(ctx.group.id),
    getTranslations("emessage"),
  ]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <ClientMessages namespaces={["confirmDialog", "invitation", "invitations", "mail.validation.dateRequired", "members.add", "members.addChannel", "members.addOnline", "members.errors", "members.validation", "emessage.channel", "emessage.service", "emessage.validation", "packs.errors", "roster.erase.already", "roster.erase.confirmationRequired", "roster.erase.confirmationWrong", "roster.invite", "roster.release.emailInvalid", "roster.release.emailRequired", "roster.release.emailTaken", "roster.release.notAllowed", "security.weak"]}>
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
                <Link href={`/groups/${groupSlug}/members/${m.id}`} className="font-semibold text-accent underline underline-offset-4">
                  {m.person.erasedAt ? m.penName : m.person.legalName}
                </Link>{" "}
                <span className="text-muted">· {m.penName}</span>
              </span>
              <span className="text-sm text-muted">
                {m.channel === "MAIL" ? t("byMail") : m.channel === "EMESSAGE" ? te("channel.byEmessage") : t("online")} · {t(`status.${m.status}`)}
              </span>
            </p>
            {m.channel === "MAIL" && (
              <p className="text-sm text-muted">{[m.person.facility?.name, m.person.idNumber, m.person.housingUnit].filter(Boolean).join(" · ")}</p>
            )}
            {m.channel === "EMESSAGE" && (
              <p className="text-sm text-muted">
                {[m.person.emessageService ? te(`service.${m.person.emessageService}`) : null, m.person.emessageContact, m.person.facility?.name].filter(Boolean).join(" · ")}
              </p>
            )}
            {m.status === "MOVED" && m.movedTo && <p className="text-sm text-muted">{t("moved", { group: m.movedTo.group.name })}</p>}
            <details className="mt-2">
              <summary className="cursor-pointer text-sm font-medium text-accent">{t("history.title")}</summary>
              {(histories.get(m.person.id) ?? []).length === 0 ? (
                <p className="mt-2 text-sm text-muted">{t("history.empty")}</p>
              ) : (
                <ol className="mt-2 space-y-2 text-sm">
                  {(histories.get(m.person.id) ?? []).map((e) => (
                    <li key={e.id} className="border-l-2 border-stone-200 pl-3">
                      <p>
                        <span className="font-medium">{t(`history.kinds.${e.kind}` as "history.kinds.ENROLLED")}</span> <span className="text-muted">· {date(e.occurredOn)}</span>
                      </p>
                      {e.changes.map((c) => (
                        <p key={c.field} className="break-words">
                          {t("history.change", { field: tCorrect(`fields.${c.field}` as "fields.email"), from: c.from ?? t("history.noValue"), to: c.to ?? t("history.noValue") })}
                        </p>
                      ))}
                      {e.reason && <p className="break-words">{e.reason}</p>}
                      {e.actor && <p className="text-muted">{t("history.by", { name: e.actor })}</p>}
                    </li>
                  ))}
                </ol>
              )}
            </details>
          </li>
        ))}
      </ul>
      <section aria-labelledby="invitations" className="mt-10 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="invitations" className="text-lg font-semibold">
          {tInvite("title")}
        </h2>
        <p className="mt-1 text-sm text-muted">{tInvite("intro")}</p>
        <InvitationsPanel
          groupSlug={groupSlug}
          members={withoutLogin.map((m) => ({ id: m.id, penName: m.penName, email: m.email, invitation: m.invitation && { id: m.invitation.id, expiresAt: m.invitation.expiresAt.toISOString(), expired: m.invitation.expired } }))}
        />
      </section>
      {/* An archived group is read-only (decision 023): nobody joins it. */}
      {!archived && (
        <>
          <section aria-labelledby="add-online" className="mt-10 rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="add-online" className="text-lg font-semibold">
              {t("addOnline.title")}
            </h2>
            <AddOnlineMemberForm groupSlug={groupSlug} />
          </section>
          <section aria-labelledby="add" className="mt-10 rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="add" className="text-lg font-semibold">
              {t("addChannel.title")}
            </h2>
            {facilities.length === 0 ? <p className="mt-2">{t("add.noFacilities")}</p> : <AddMemberForm groupSlug={groupSlug} facilities={facilities} />}
          </section>
        </>
      )}
    </ClientMessages>
  );
}
