import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { EraseForm } from "@/components/members/erase-form";
import { MoveMemberForm, StatusChangeForm, SwitchChannelButton, TransferForm } from "@/components/members/member-forms";
import { ReleaseForm } from "@/components/members/release-form";
import { PasswordResetSection } from "@/components/members/password-reset-section";
import { groupPage } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { getMemberDetail } from "@/lib/data/member-data";
import { listGroupFacilities, listMoveTargets } from "@/lib/data/members";
import { canInGroup, MEMBER_STATUSES_WITH_ACCESS } from "@/lib/permissions";
import { changesFrom, MOVABLE_STATUSES } from "@/lib/validations/member";
import { ClientMessages } from "@/components/i18n/client-messages";
import { CorrectDetailsForm } from "@/components/members/correct-details-form";
import { MemberLanguageForm } from "@/components/members/member-language-form";
import { LOCALES } from "@/i18n/config";
import { EmessageChannelForm } from "@/components/members/emessage-channel-form";

type Props = { params: Promise<{ groupSlug: string; memberId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("members"))("title") };
}

export default async function MemberPage({ params }: Props) {
  const { groupSlug, memberId } = await params;
  const ctx = await groupPage(groupSlug, "member.viewPersonal");
  // Reading the member records the look in the audit log (lib/data/member-data.ts).
  const m = await getMemberDetail(ctx, memberId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [facilities, targets, t, tm, tc, format] = await Promise.all([
    listGroupFacilities(ctx),
    listMoveTargets(ctx),
    getTranslations("roster.member"),
    getTranslations("members"),
    getTranslations("roster"),
    getFormatter(),
  ]);
  const [tLanguages, te, tEm] = await Promise.all([getTranslations("languages"), getTranslations("emessage"), getTranslations("emessageReply")]);
  // Offered once packs can be printed in more than one language (issue 17).
  const languages = LOCALES.map((l) => l.toUpperCase() as "EN" | "ES").map((value) => ({ value, name: tLanguages(value) }));
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" }); // instants, in the organization's time zone
  const base = `/groups/${groupSlug}/members/${m.id}`;
  const current = (MEMBER_STATUSES_WITH_ACCESS as readonly string[]).includes(m.status);
  const erased = Boolean(m.person.erasedAt);
  const organizer = canInGroup(ctx.roles, "member.erase");
  const value = (v: string | null | undefined) => v || t("none");
  const row = (label: string, content: string) => (
    <>
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 break-words">{content}</dd>
    </>
  );
  const canChange = !erased && (changesFrom(m.status).length > 0 || (targets.length > 0 && (MOVABLE_STATUSES as readonly string[]).includes(m.status)) || current);
  const login = m.person.user ? (m.person.user.disabledAt ? t("loginDisabled") : t("loginActive", { email: m.person.user.email })) : t("noLogin");

  return (
    <ClientMessages namespaces={["confirmDialog", "invitation", "invitations", "mail.validation.dateRequired", "members.addChannel.channelRequired", "members.change", "members.correct", "members.language", "members.errors", "members.move", "members.transfer", "members.validation", "emessage.channel", "emessage.service", "emessage.validation", "packs.errors", "roster.erase", "roster.invite.cannotResend", "roster.invite.chooseMembers", "roster.invite.memberLeft", "roster.release", "security.weak"]}>
      <p>
        <Link href={`/groups/${groupSlug}/members`} className="text-sm text-accent underline underline-offset-4">
          {t("backToMembers")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold break-words">{m.penName}</h1>
      <p className="mt-1 text-sm text-muted">{t("privacy")}</p>
      <nav aria-label={m.penName} className="mt-3 flex flex-wrap gap-x-6 gap-y-1">
        <Link href={`${base}/timeline`} prefetch={false} className="inline-block py-2 text-accent underline underline-offset-4">
          {t("timeline")}
        </Link>
        <Link href={`${base}/sharing`} prefetch={false} className="inline-block py-2 text-accent underline underline-offset-4">
          {t("sharing")}
        </Link>
        {m.channel === "EMESSAGE" && (
          <Link href={`${base}/emessage`} prefetch={false} className="inline-block py-2 text-accent underline underline-offset-4">
            {tEm("link")}
          </Link>
        )}
      </nav>

      <section aria-labelledby="personal" className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="personal" className="text-lg font-semibold">
          {t("personal")}
        </h2>
        {erased && m.person.erasedAt ? (
          <p className="mt-2">{t("erased", { date: date(m.person.erasedAt) })}</p>
        ) : (
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
            {row(t("legalName"), value(m.person.legalName))}
            {row(t("email"), value(m.person.email))}
            {row(t("facility"), value(m.person.facility?.name))}
            {row(t("idNumber"), value(m.person.idNumber))}
            {row(t("housingUnit"), value(m.person.housingUnit))}
            {(m.channel === "EMESSAGE" || m.person.emessageContact) && row(te("channel.serviceAndContact"), m.person.emessageService ? `${te(`service.${m.person.emessageService}`)} · ${value(m.person.emessageContact)}` : t("none"))}
            {row(t("login"), login)}
          </dl>
        )}
        {!erased && (
          <details className="mt-3">
            <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-accent">{tm("correct.title")}</summary>
            <CorrectDetailsForm
              groupSlug={groupSlug}
              memberId={m.id}
              current={{ legalName: m.person.legalName, email: m.person.email ?? "", idNumber: m.person.idNumber ?? "", housingUnit: m.person.housingUnit ?? "" }}
              atFacility={Boolean(m.person.facility)}
              loginEmail={m.person.user && !m.person.user.disabledAt ? m.person.user.email : null}
            />
          </details>
        )}
      </section>

      <section aria-labelledby="enrolment" className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="enrolment" className="text-lg font-semibold">
          {t("enrolment")}
        </h2>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
          {row(t("channel"), m.channel === "MAIL" ? tm("byMail") : m.channel === "EMESSAGE" ? te("channel.byEmessage") : tm("online"))}
          {row(t("status"), m.status === "MOVED" && m.movedTo ? tm("moved", { group: m.movedTo.group.name }) : tm(`status.${m.status}` as "status.ACTIVE"))}
          {row(t("sharingPreference"), t(`sharing_${m.sharingPreference}`))}
          {row(t("joined"), date(m.joinedAt))}
          {m.endedAt && row(t("ended"), date(m.endedAt))}
          {row(t("groups"), m.person.memberships.map((e) => `${e.group.name} (${tm(`status.${e.status}` as "status.ACTIVE")})`).join(", "))}
        </dl>
        <p className="mt-2 text-sm text-muted">{t("responses", { count: m._count.responses })}</p>
        {m.invitation && <p className="mt-2 text-sm">{t("invitation", { date: date(m.invitation.expiresAt) })}</p>}
        {!erased && languages.length > 1 && <MemberLanguageForm groupSlug={groupSlug} memberId={m.id} current={m.person.locale ?? ""} languages={languages} />}
        {current && m.channel === "ONLINE" && !m.person.user && !erased && (
          <p className="mt-2">
            <Link href={`/groups/${groupSlug}/members#invitations`} className="text-accent underline underline-offset-4">
              {t("inviteOnMembersPage")}
            </Link>
          </p>
        )}
      </section>

      {canChange && (
        <section aria-labelledby="changes" className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="changes" className="text-lg font-semibold">
            {t("changes")}
          </h2>
          {changesFrom(m.status).length > 0 && (
            <details className="mt-2">
              <summary className="cursor-pointer text-sm font-medium text-accent">{tm("change.title")}</summary>
              <StatusChangeForm groupSlug={groupSlug} memberId={m.id} penName={m.penName} changes={changesFrom(m.status)} />
            </details>
          )}
          {targets.length > 0 && (MOVABLE_STATUSES as readonly string[]).includes(m.status) && (
            <details className="mt-2">
              <summary className="cursor-pointer text-sm font-medium text-accent">{tm("move.title")}</summary>
              <MoveMemberForm groupSlug={groupSlug} memberId={m.id} penName={m.penName} targets={targets} />
            </details>
          )}
          {current && (m.channel === "MAIL" || m.channel === "EMESSAGE") && facilities.length > 0 && (
            <details className="mt-2">
              <summary className="cursor-pointer text-sm font-medium text-accent">{tm("transfer.title")}</summary>
              <TransferForm
                groupSlug={groupSlug}
                memberId={m.id}
                facilities={facilities}
                current={{ facilityId: m.person.facility?.id ?? facilities[0]!.id, idNumber: m.person.idNumber ?? "", housingUnit: m.person.housingUnit ?? "" }}
              />
            </details>
          )}
          {current && <ReleaseForm groupSlug={groupSlug} memberId={m.id} penName={m.penName} released={m.channel === "ONLINE"} />}
          {current && m.channel === "ONLINE" && m.person.facility && (
            <SwitchChannelButton groupSlug={groupSlug} memberId={m.id} to="MAIL" label={tm("toMail")} confirm={tm("toMailConfirm", { name: m.penName })} />
          )}
          {current && (
            <details className="mt-2">
              <summary className="cursor-pointer text-sm font-medium text-accent">{m.channel === "EMESSAGE" ? te("channel.changeTitle") : te("channel.switchTitle")}</summary>
              <EmessageChannelForm
                groupSlug={groupSlug}
                memberId={m.id}
                switching={m.channel !== "EMESSAGE"}
                current={{ service: m.person.emessageService ?? "CORRLINKS", contact: m.person.emessageContact ?? "" }}
              />
            </details>
          )}
          {current && m.channel === "EMESSAGE" && (
            <SwitchChannelButton groupSlug={groupSlug} memberId={m.id} to="MAIL" label={te("channel.toMail")} confirm={te("channel.toMailConfirm", { name: m.penName })} />
          )}
        </section>
      )}

      {canInGroup(ctx.roles, "member.resetPassword") && m.person.user && !m.person.user.disabledAt && !erased && <PasswordResetSection groupSlug={groupSlug} memberId={m.id} penName={m.penName} />}

      {organizer && (
        <section aria-labelledby="data" className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="data" className="text-lg font-semibold">
            {t("data")}
          </h2>
          <p className="mt-2 text-sm text-muted">{t("exportHint")}</p>
          <p className="mt-1">
            <a href={`${base}/export`} download className="inline-block py-2 font-medium text-accent underline underline-offset-4">
              {t("export")}
            </a>
          </p>
          {!erased && (
            <details className="mt-4">
              <summary className="cursor-pointer font-medium text-danger">{tc("erase.title")}</summary>
              <p className="mt-2 text-sm">{tc("erase.intro")}</p>
              <EraseForm groupSlug={groupSlug} memberId={m.id} penName={m.penName} />
            </details>
          )}
        </section>
      )}
    </ClientMessages>
  );
}
