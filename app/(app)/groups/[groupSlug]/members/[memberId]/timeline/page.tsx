import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { groupPage } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { html } from "@/components/ui/html";
import { ServerMarkup } from "@/components/progress/server-markup";
import { messageTemplate } from "@/lib/i18n/message-template";
import { TIMELINE_LIMIT, viewMemberTimeline, type TimelineItem } from "@/lib/data/timeline";

type Props = { params: Promise<{ groupSlug: string; memberId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("progress"))("matrix.timeline") };
}

export default async function TimelinePage({ params, searchParams }: Props) {
  const { groupSlug, memberId } = await params;
  const all = (await searchParams).all === "1";
  const ctx = await groupPage(groupSlug, "progress.view");
  const timeline = await viewMemberTimeline(ctx, memberId, all ? undefined : TIMELINE_LIMIT).catch((error: unknown) => {
    if (error instanceof AppError) notFound();
    throw error;
  });
  const [t, tHistory, format, locale, te, tEm] = await Promise.all([getTranslations("progress"), getTranslations("members.history"), getFormatter(), getLocale(), getTranslations("emessage.channel"), getTranslations("emessageReply")]);
  const { member, items, total } = timeline;
  const name = member.legalName ? `${member.penName} (${member.legalName})` : member.penName;
  // A timeline is up to a hundred events (all of them with ?all=1): each message is formatted
  // once with markers and filled in per event, each day once, and the list is written as markup
  // (components/ui/html.tsx) rather than React elements, sent once (server-markup.tsx).
  const memo = new Map<string, string>();
  const once = (key: string, make: () => string) => memo.get(key) ?? (memo.set(key, make()), memo.get(key)!);
  const dateOnly = (d: Date) => once(`d${d.getTime()}`, () => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }));
  // One formatter for every timed event (each has its own minute, so nothing to reuse per value;
  // next-intl's format.dateTime would look its formatter up anew on each of a hundred calls).
  const timedFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const dateTime = (d: Date) => timedFormat.format(d);
  const m = {
    enrolled: messageTemplate(["group", "penName", "channel"], (x) => t("timeline.enrolled", x)),
    ended: messageTemplate(["group", "status"], (x) => t("timeline.ended", x)),
    onlineDelivered: messageTemplate(["number"], (x) => t("timeline.onlineDelivered", x)),
    delivery: messageTemplate(["number", "status"], (x) => t("timeline.delivery", x)),
    responseEdited: messageTemplate(["prompt", "number", "version"], (x) => t("timeline.responseEdited", x)),
    responseTranscribed: messageTemplate(["prompt", "number"], (x) => t("timeline.responseTranscribed", x)),
    response: messageTemplate(["prompt", "number"], (x) => t("timeline.response", x)),
    feedback: messageTemplate(["author", "prompt", "number"], (x) => t("timeline.feedback", x)),
    inGroup: messageTemplate(["group"], (x) => t("timeline.inGroup", x)),
    reason: messageTemplate(["reason"], (x) => t("timeline.reason", x)),
    note: messageTemplate(["note"], (x) => t("timeline.note", x)),
  };
  const text = (i: TimelineItem): string => {
    switch (i.kind) {
      case "enrolled":
        return m.enrolled({ group: i.groupName, penName: i.penName, channel: once(`c${i.channel}`, () => t(`timeline.channels.${i.channel}`)) });
      case "ended":
        return m.ended({ group: i.groupName, status: once(`s${i.status}`, () => t(`timeline.memberStatus.${i.status}`)) });
      case "personEvent":
        return once(`e${i.event}`, () => tHistory(`kinds.${i.event}` as "kinds.ENROLLED"));
      case "delivery":
        return i.channel === "ONLINE" && i.status === "DELIVERED" ? m.onlineDelivered({ number: i.packNumber }) : m.delivery({ number: i.packNumber, status: once(`ds${i.status}`, () => t(`timeline.deliveryStatus.${i.status}`)) });
      case "response":
        return i.version > 1 ? m.responseEdited({ prompt: i.prompt, number: i.packNumber, version: i.version }) : i.source === "EMESSAGE" ? tEm("timeline", { prompt: i.prompt, number: i.packNumber }) : i.source === "TRANSCRIBED" ? m.responseTranscribed({ prompt: i.prompt, number: i.packNumber }) : m.response({ prompt: i.prompt, number: i.packNumber });
      case "feedback":
        return m.feedback({ author: i.author, prompt: i.prompt, number: i.packNumber });
    }
  };
  const link = (i: TimelineItem): string | null =>
    i.kind === "delivery" ? `/groups/${i.groupSlug}/packs/${i.packNumber}/${i.channel === "MAIL" ? "mail" : i.channel === "EMESSAGE" ? "emessage" : "responses"}` : i.kind === "response" || i.kind === "feedback" ? `/groups/${i.groupSlug}/packs/${i.packNumber}/responses` : null;
  const manyGroups = new Set(items.map((i) => i.groupSlug)).size > 1;

  return (
    <>
      <p>
        <Link href={`/groups/${groupSlug}/progress`} className="text-sm text-accent underline underline-offset-4">
          {t("timeline.backToProgress", { group: ctx.group.name })}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold break-words">{t("timeline.title", { name })}</h1>
      <p className="mt-2 text-muted">{t("timeline.intro")}</p>
      {timeline.personal && <p className="mt-1 text-sm text-muted">{t("timeline.privacy")}</p>}
      <dl className="mt-4 grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2">
        <div>
          <dt className="text-sm text-muted">{t("timeline.channel")}</dt>
          <dd>{member.channel === "MAIL" ? t("matrix.filters.mail") : member.channel === "EMESSAGE" ? te("byEmessage") : t("matrix.filters.online")}</dd>
        </div>
        <div>
          <dt className="text-sm text-muted">{t("timeline.status")}</dt>
          <dd>{t(`timeline.memberStatus.${member.status}`)}</dd>
        </div>
        {member.facility && (
          <div>
            <dt className="text-sm text-muted">{t("timeline.facility")}</dt>
            <dd className="break-words">{member.facility}</dd>
          </div>
        )}
        {member.idNumber && (
          <div>
            <dt className="text-sm text-muted">{t("timeline.idNumber")}</dt>
            <dd className="break-words">{member.idNumber}</dd>
          </div>
        )}
      </dl>
      {items.length === 0 ? (
        <p className="mt-6">{t("timeline.empty")}</p>
      ) : (
        <>
        {items.length < total && (
          <p className="mt-6 text-sm" role="status">
            {t("timeline.showing", { shown: items.length, total })}{" "}
            <a href={`/groups/${groupSlug}/members/${memberId}/timeline?all=1`} className="text-accent underline underline-offset-4">
              {t("timeline.showAll", { total })}
            </a>
          </p>
        )}
        <ServerMarkup
          as="ol"
          className="mt-6 space-y-3 [&>li]:border-l-2 [&>li]:border-stone-300 [&>li]:pl-3 [&_a]:text-accent [&_a]:underline [&_a]:underline-offset-4 [&_p]:break-words"
          markup={html`${items.map((i) => {
            const href = link(i);
            const reason = i.kind === "delivery" || i.kind === "personEvent" ? i.reason : null;
            const note = i.kind === "delivery" ? i.note : null;
            const timed = i.kind === "response" ? i.version > 1 || !i.receivedOn : i.kind === "feedback";
            return html`<li data-kind="${i.kind}"><p class="text-sm text-muted"><time datetime="${i.at.toISOString()}">${timed ? dateTime(i.at) : dateOnly(i.at)}</time>${manyGroups && ` · ${m.inGroup({ group: i.groupName })}`}</p><p>${href ? html`<a href="${href}">${text(i)}</a>` : text(i)}</p>${reason && html`<p class="text-sm">${m.reason({ reason })}</p>`}${note && html`<p class="text-sm text-muted">${m.note({ note })}</p>`}</li>`;
          })}`}
        />
        </>
      )}
    </>
  );
}
