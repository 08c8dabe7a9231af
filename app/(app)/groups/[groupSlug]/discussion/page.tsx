import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { HideForm } from "@/components/discussion/hide-form";
import { ShowAgainButton } from "@/components/discussion/show-again-button";
import { ReplyForm } from "@/components/discussion/reply-form";
import { groupPage } from "@/lib/authz";
import { listDiscussion, listMailConsent, type DiscussionReply, type DiscussionResponse } from "@/lib/data/discussion";
import { canInGroup } from "@/lib/permissions";
import { listPacks } from "@/lib/data/packs";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ groupSlug: string }>; searchParams: Promise<{ pack?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("discussion"))("title") };
}

type T = Awaited<ReturnType<typeof getTranslations<"discussion">>>;

export default async function DiscussionPage({ params, searchParams }: Props) {
  const { groupSlug } = await params;
  const requested = Number((await searchParams).pack);
  const packNumber = Number.isInteger(requested) && requested > 0 ? requested : undefined;
  const ctx = await groupPage(groupSlug, "discussion.view");
  const moderator = canInGroup(ctx.roles, "discussion.moderate");
  const replier = ctx.member?.channel === "ONLINE" && canInGroup(ctx.roles, "reply.write") ? ctx.member : null;
  const [packs, published, mailMembers, t, ts, format] = await Promise.all([
    listDiscussion(ctx, { packNumber }),
    listPacks(ctx),
    moderator ? listMailConsent(ctx) : Promise.resolve([]),
    getTranslations("discussion"),
    getTranslations("discussion.sharing"),
    getFormatter(),
  ]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });

  const Hidden = ({ item }: { item: DiscussionResponse | DiscussionReply }) =>
    item.hidden ? (
      <p className="mt-2 rounded-md border-l-4 border-amber-600 bg-amber-50 p-2 text-sm">
        {item.mine && !moderator ? t("hiddenMine", { reason: item.hidden.reason }) : `${t("hiddenMark")} · ${t("hiddenReason", { reason: item.hidden.reason })}`}
      </p>
    ) : null;

  return (
    <ClientMessages namespaces={["discussion.errors", "discussion.hide", "discussion.hideConfirm", "discussion.hideReason", "discussion.hiding", "discussion.replyHint", "discussion.replyLabel", "discussion.replyOwnLabel", "discussion.sendReply", "discussion.sending", "discussion.sent", "discussion.showAgain", "discussion.showingAgain", "discussion.validation", "packs.errors"]}>
      <p>
        <Link href={`/groups/${groupSlug}`} className="text-sm text-accent underline underline-offset-4">
          {t("backToGroup", { group: ctx.group.name })}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-muted">{moderator ? t("staffIntro") : t("intro")}</p>
      {ctx.member && canInGroup(ctx.roles, "sharing.editOwn") && (
        <p className="mt-2">
          <Link href={`/groups/${groupSlug}/sharing`} className="text-accent underline underline-offset-4">
            {t("sharingLink")}
          </Link>
        </p>
      )}

      {published.filter((p) => p.status === "PUBLISHED").length > 1 && (
        <nav aria-label={t("packNav")} className="mt-4">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            <li>
              <Link href={`/groups/${groupSlug}/discussion`} aria-current={packNumber ? undefined : "page"} className="inline-flex min-h-11 items-center text-accent underline-offset-4 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-ink">
                {t("allPacks")}
              </Link>
            </li>
            {published
              .filter((p) => p.status === "PUBLISHED")
              .map((p) => (
                <li key={p.number}>
                  <Link
                    href={`/groups/${groupSlug}/discussion?pack=${p.number}`}
                    aria-current={packNumber === p.number ? "page" : undefined}
                    className="inline-flex min-h-11 items-center text-accent underline-offset-4 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-ink"
                  >
                    {t("packHeading", { number: p.number })}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
      )}

      {packs.length === 0 && <p className="mt-8 rounded-lg border border-stone-200 bg-white p-4">{t("none")}</p>}

      {packs.map((pack) => (
        <section key={pack.packNumber} aria-labelledby={`pack-${pack.packNumber}`} className="mt-10">
          <h2 id={`pack-${pack.packNumber}`} className="text-xl font-semibold">
            {pack.packTitle ? t("packHeadingTitle", { number: pack.packNumber, title: pack.packTitle }) : t("packHeading", { number: pack.packNumber })}
          </h2>
          {pack.prompts.map((prompt) => (
            <div key={prompt.promptId} className="mt-6">
              <h3 className="text-lg font-medium">{prompt.promptText}</h3>
              <ul className="mt-3 space-y-4">
                {prompt.responses.map((response) => (
                  <li key={response.id} id={`response-${response.id}`} className={`scroll-mt-4 rounded-lg border bg-white p-4 ${response.hidden ? "border-amber-400" : "border-stone-200"}`}>
                    <p className="text-sm text-muted">
                      <span className="font-semibold text-ink">{response.mine ? t("you", { penName: response.penName }) : t("by", { penName: response.penName })}</span>
                      {response.submittedAt && ` · ${t("submitted", { date: date(response.submittedAt) })}`}
                    </p>
                    <blockquote className="mt-2 whitespace-pre-wrap break-words">{response.body}</blockquote>
                    <Hidden item={response} />
                    {moderator && (response.hidden ? <ShowAgainButton groupSlug={groupSlug} kind="response" id={response.id} /> : <HideForm groupSlug={groupSlug} kind="response" id={response.id} />)}
                    <Replies replies={response.replies} t={t} date={date} moderator={moderator} groupSlug={groupSlug} Hidden={Hidden} />
                    {replier && !response.hidden && <ReplyForm groupSlug={groupSlug} responseId={response.id} to={response.mine ? null : response.penName} myPenName={replier.penName} />}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}

      {moderator && mailMembers.length > 0 && (
        <section id="consent" aria-labelledby="consent-heading" className="mt-12 rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="consent-heading" className="text-lg font-semibold">
            {t("consentHeading")}
          </h2>
          <p className="text-sm text-muted">{t("consentIntro")}</p>
          <ul className="mt-3 divide-y divide-stone-200">
            {mailMembers.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{m.penName}</span>{" "}
                  <span className="text-sm text-muted">· {m.sharingConsentAt ? `${ts(m.sharingPreference)}, ${date(m.sharingConsentAt)}` : t("consentNone")}</span>
                </span>
                <Link href={`/groups/${groupSlug}/members/${m.id}/sharing`} className="inline-flex min-h-11 items-center text-accent underline underline-offset-4">
                  {t("consentRecord")}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </ClientMessages>
  );
}

function Replies(props: {
  replies: DiscussionReply[];
  t: T;
  date: (d: Date) => string;
  moderator: boolean;
  groupSlug: string;
  Hidden: (p: { item: DiscussionReply }) => React.ReactNode;
}) {
  const { replies, t, date, moderator, groupSlug, Hidden } = props;
  return (
    <div className="mt-3">
      <p className="text-sm text-muted">{t("replies", { count: replies.length })}</p>
      {replies.length > 0 && (
        <ul className="mt-2 space-y-2 border-l-2 border-stone-200 pl-3">
          {replies.map((reply) => (
            <li key={reply.id} id={`reply-${reply.id}`} className="scroll-mt-4">
              <p className="text-sm text-muted">
                <span className="font-semibold text-ink">{reply.mine ? t("you", { penName: reply.penName }) : t("by", { penName: reply.penName })}</span> · {date(reply.createdAt)}
              </p>
              <p className="whitespace-pre-wrap break-words">{reply.body}</p>
              <Hidden item={reply} />
              {moderator && (reply.hidden ? <ShowAgainButton groupSlug={groupSlug} kind="reply" id={reply.id} /> : <HideForm groupSlug={groupSlug} kind="reply" id={reply.id} />)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
