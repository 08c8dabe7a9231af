// The members × packs matrix (a window of packs; the page pages through them). Scrolls sideways
// inside its own box with the member column pinned, so it reads on a phone; prints on paper
// without the links' decoration. Each cell is a plain link with a short visible code and the
// full state in words as its accessible name. A group is thousands of cells, so every text is
// translated once into a table the cells point into, matrix-markup.ts draws the markup from that,
// and the markup is sent once, in the HTML (server-markup.tsx; decision 043).
import { getLocale, getTranslations } from "next-intl/server";
import type { GroupProgress } from "@/lib/data/progress";
import { CELL_STATES, type CellState } from "@/lib/progress/cell-state";
import { progressQuery, type ProgressFilters } from "@/lib/progress/filters";
import { matrixMarkup, type MatrixCell, type MatrixModel } from "@/components/progress/matrix-markup";
import { ServerMarkup } from "@/components/progress/server-markup";
import { messageTemplate } from "@/lib/i18n/message-template";

export async function ProgressMatrix({ slug, data, filters }: { slug: string; data: GroupProgress; filters: ProgressFilters }) {
  const [t, locale] = await Promise.all([getTranslations("progress"), getLocale()]);
  const open = data.openPack;
  const base = `/groups/${slug}`;
  const href = (f: ProgressFilters) => {
    const q = progressQuery(f);
    return q ? `${base}/progress?${q}` : `${base}/progress`;
  };
  const full = Object.fromEntries(CELL_STATES.map((s) => [s, t(`states.${s}`)])) as Record<CellState, string>;
  const short = Object.fromEntries(CELL_STATES.map((s) => [s, t(`matrix.short.${s}`)])) as Record<CellState, string>;
  const stateIndex = new Map(CELL_STATES.map((s, i) => [s, i]));
  const promptsOf = new Map(data.packs.map((p) => [p.number, p.prompts]));

  // Each distinct text once; cells point at it.
  const texts: string[] = [];
  const textIndex = new Map<string, number>();
  const made = new Map<string, number>();
  const index = (key: string, make: () => string): number => {
    let i = made.get(key);
    if (i === undefined) {
      const value = make();
      i = textIndex.get(value);
      if (i === undefined) textIndex.set(value, (i = texts.push(value) - 1));
      made.set(key, i);
    }
    return i;
  };
  // Messages with numbers or names are filled in from templates, and each day is formatted once:
  // a network's matrix has hundreds of distinct mailing dates and counts, and next-intl formats
  // every call anew (lib/i18n/message-template.ts).
  const timelineOf = messageTemplate(["name"], (m) => t("matrix.timelineOf", m));
  const answeredOf = messageTemplate(["answered", "prompts"], (m) => t("matrix.answeredOf", m));
  const mailedOn = messageTemplate(["date"], (m) => t("matrix.mailedOn", m));
  // An e-message member's pack was sent, not mailed, whatever its state (decision 049).
  const sentOn = messageTemplate(["date"], (m) => t("matrix.sentOn", m));
  const packName = messageTemplate(["number"], (m) => t("matrix.pack", m));
  const packTitle = messageTemplate(["number", "title"], (m) => t("matrix.packTitle", m));
  const rateValue = messageTemplate(["respondents", "recipients"], (m) => t("matrix.rateValue", m));
  const openPack = messageTemplate(["number"], (m) => t("matrix.open", m));
  // Two formatters made once: a matrix has hundreds of distinct mailing days, and next-intl's
  // format.dateTime looks its formatter up anew on every call.
  const longFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const shortFormat = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  const days = new Map<number, string>();
  const longDate = (d: Date) => days.get(d.getTime()) ?? (days.set(d.getTime(), longFormat.format(d)), days.get(d.getTime())!);

  const rows = data.rows.map((row) => {
    const cells = row.cells.map((c): MatrixCell => {
      const answered = c.state === "answered" || c.state === "feedback";
      const prompts = promptsOf.get(c.packNumber) ?? 0;
      const mailed = (c.state === "mailed" || c.state === "sentEmessage" || c.state === "awaitingMail" || c.state === "overdue") && c.mailedOn ? c.mailedOn : null;
      const byMessage = row.member.channel === "EMESSAGE";
      const reason = c.state === "returned" && c.reason ? c.reason : null;
      const name = index(`n|${c.state}|${answered ? `${c.answeredPrompts}/${prompts}` : ""}|${mailed ? `${byMessage ? "e" : "m"}${mailed.getTime()}` : ""}|${reason ?? ""}`, () =>
        [full[c.state], answered ? answeredOf({ answered: c.answeredPrompts, prompts }) : null, mailed ? (byMessage ? sentOn : mailedOn)({ date: longDate(mailed) }) : null, reason].filter(Boolean).join(", "),
      );
      const day = mailed ? index(`d|${mailed.getTime()}`, () => shortFormat.format(mailed)) : -1;
      return [stateIndex.get(c.state)!, c.answeredPrompts, name, day, reason ? index(`r|${reason}`, () => reason) : -1];
    });
    const opened = row.cells.find((c) => c.prompts)?.prompts;
    return {
      id: row.member.id,
      penName: row.member.penName,
      personal: row.member.legalName !== undefined ? [row.member.legalName, row.member.facility].filter(Boolean).join(" · ") : null,
      channel: row.member.channel,
      quiet: row.quiet,
      timelineName: timelineOf({ name: row.member.penName }),
      cells,
      ...(opened ? { prompts: opened.map((p) => (p.feedback ? 2 : p.answered ? 1 : 0)) } : {}),
    };
  });

  const model: MatrixModel = {
    // The matrix is only on /groups/<slug>/progress, where "./packs/3" is /groups/<slug>/packs/3;
    // written relative, each of the thousand links is 20-odd characters shorter.
    base: ".",
    labels: {
      caption: t("matrix.title"),
      member: t("matrix.member"),
      timeline: t("matrix.timeline"),
      quiet: t("matrix.quiet"),
      mail: t("matrix.filters.mail"),
      online: t("matrix.filters.online"),
      emessage: t("matrix.filters.emessage"),
      short,
      prompt: { missing: t("matrix.promptMissing"), answered: t("matrix.promptAnswered"), feedback: t("matrix.promptFeedback") },
    },
    packs: data.packs.map((p) => {
      const opened = open?.number === p.number;
      return {
        number: p.number,
        prompts: p.prompts,
        name: packName({ number: p.number }),
        title: p.title ? packTitle({ number: p.number, title: p.title }) : null,
        rate: rateValue({ respondents: p.respondents, recipients: p.recipients }),
        toggle: {
          href: href({ ...filters, open: opened ? undefined : p.number }),
          name: opened ? t("matrix.close") : openPack({ number: p.number }),
          text: opened ? t("matrix.closeShort") : t("matrix.openShort"),
        },
      };
    }),
    open: open ? { number: open.number, name: t("matrix.pack", { number: open.number }), prompts: open.prompts.map((p) => ({ id: p.id, name: t("matrix.prompt", { label: p.label }) })) } : null,
    texts,
    rows,
  };
  return <ServerMarkup markup={matrixMarkup(model)} className="mt-4 max-h-[75vh] overflow-auto rounded-lg border border-stone-200 bg-white print:max-h-none print:overflow-visible" />;
}
