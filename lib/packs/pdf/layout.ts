// The part of a pack that every member shares, laid out once: the letter, each lesson's readings
// and a response sheet per prompt, as sections of whole pages. Nothing here depends on the
// member (their name, code and page numbers are painted over it later), so a print run of 500
// members lays out the readings once, and planPack() for a whole group is arithmetic on the
// page counts below.
//
// Cached per PrintPack object (a WeakMap), so a caller that renders or plans many members with
// the same object pays for the layout once; a changed pack is a new object.
import { certificateLabels } from "@/lib/certificates/labels";
import { certificateOps, PACK_FRAME } from "@/lib/packs/pdf/certificate";
import { Flow } from "@/lib/packs/pdf/flow";
import { typesetter, type Typesetter } from "@/lib/packs/pdf/fonts";
import { en, type Labels } from "@/lib/packs/pdf/labels";
import { BODY_TEXT, MarkdownLayout } from "@/lib/packs/pdf/markdown";
import { BODY, BODY_WIDTH, type Page } from "@/lib/packs/pdf/page";
import { layoutSheet } from "@/lib/packs/pdf/sheet";
import { discussionTexts, layoutFromTheGroup, layoutReplies } from "@/lib/packs/pdf/discussion";
import { LineBreaker, printable, type Style } from "@/lib/packs/pdf/text";
import type { PrintLesson, PrintMember, PrintPack, PrintReading } from "@/lib/packs/print-types";

export type SectionKind = "letter" | "group" | "replies" | "reading" | "sheet" | "certificate";

export type Section = {
  kind: SectionKind;
  /** How slips and warnings name it: `Reading: "…"`, `Question 3`. */
  title: string;
  /** Printed at the top of its pages, so a loose page can be put back. */
  runningHead: string;
  pages: Page[];
  /** Sheets: the prompt and its 1-based number in the pack. */
  promptId?: string;
  question?: number;
  /** Readings: the reading, and true (a reading may continue in the next envelope, envelopes.ts). */
  readingId?: string;
  splittable?: boolean;
  /** A scanned PDF reading: what is printed instead for a member it is left out for. */
  leftOut?: Page[];
};

export type PackLayout = {
  pack: PrintPack;
  type: Typesetter;
  breaker: LineBreaker;
  labels: Labels;
  sections: Section[];
  promptIds: string[];
  /** Text that would print as empty boxes (no glyph in DejaVu), per section title. */
  missing: { where: string; characters: string[] }[];
  /** Uploaded PDF readings whose page count is unknown: printed as a notice, not as the pages. */
  uploaded: { title: string; pages: number | null }[];
  /** Uploaded PDF readings placed page by page: the print loads and embeds these. */
  imported: { readingId: string; title: string; pages: number; scanned: boolean }[];
};

const PACK_TITLE: Style = { font: "sansBold", size: 16 };
const LESSON: Style = { font: "sansBold", size: 11.5 };
const READING_TITLE: Style = { font: "sansBold", size: 17 };
const BYLINE: Style = { font: "serifItalic", size: 11.5 };
const META: Style = { font: "sans", size: 10 };
const SUMMARY: Style = { font: "serifItalic", size: 11 };

// One layout per pack and language: a print run in two languages lays the pack out twice.
const cache = new WeakMap<PrintPack, Map<Labels, PackLayout>>();

export function layoutPack(pack: PrintPack, labels: Labels = en): PackLayout {
  let byLanguage = cache.get(pack);
  if (!byLanguage) cache.set(pack, (byLanguage = new Map()));
  const cached = byLanguage.get(labels);
  if (cached) return cached;
  const layout = build(pack, labels, typesetter());
  byLanguage.set(labels, layout);
  return layout;
}

/** A calendar date in English (the run sheet, which is for the facilitators). */
export function formatDate(date: Date): string {
  return en.date(date);
}

function build(pack: PrintPack, labels: Labels, type: Typesetter): PackLayout {
  const breaker = new LineBreaker(type);
  const sections: Section[] = [];
  const missing: PackLayout["missing"] = [];
  const uploaded: PackLayout["uploaded"] = [];
  const imported: PackLayout["imported"] = [];
  const check = (where: string, ...texts: string[]) => {
    const characters = new Set<string>();
    for (const text of texts) for (const c of type.missingCharacters(printable(text))) characters.add(c);
    if (characters.size > 0) missing.push({ where, characters: [...characters] });
  };
  const text = (flow: Flow, value: string, style: Style) => flow.placeLines(breaker.lines([{ text: value, style }], BODY_WIDTH, style), BODY.left);
  const frame = { left: BODY.left, width: BODY_WIDTH };
  const packName = labels.packName(pack.pack.number, pack.pack.title);

  if (pack.pack.letterMarkdown.trim()) {
    const flow = new Flow();
    text(flow, packName, PACK_TITLE);
    text(flow, `${pack.group.name} · ${pack.organization.name}`, META);
    if (pack.pack.dueDate) text(flow, labels.dueBy(labels.date(pack.pack.dueDate)), META);
    flow.gap(18);
    new MarkdownLayout(flow, breaker).render(pack.pack.letterMarkdown, frame);
    sections.push({ kind: "letter", title: labels.letterHeading, runningHead: `${packName} · ${labels.letterHeading}`, pages: flow.pages });
    check(labels.letterHeading, pack.pack.letterMarkdown);
  }

  const featured = pack.featured ?? [];
  const groupPages = layoutFromTheGroup(featured, breaker, labels);
  if (groupPages.length > 0) {
    sections.push({ kind: "group", title: labels.fromTheGroup, runningHead: `${packName} · ${labels.fromTheGroup}`, pages: groupPages });
    check(labels.fromTheGroup, ...discussionTexts(featured, []));
  }

  const total = pack.lessons.reduce((sum, lesson) => sum + lesson.prompts.length, 0);
  let question = 0;
  for (const lesson of pack.lessons) {
    const lessonName = labels.lesson(lesson.position, lesson.title);
    lesson.readings.forEach((reading, index) => {
      const title = labels.readingTitle(reading.title);
      const runningHead = `${lessonName} · ${reading.title}`;
      check(title, reading.title, reading.author, reading.source, reading.bodyMarkdown ?? "");
      if (reading.bodyMarkdown === null && reading.pdfPageCount) {
        sections.push(pdfReading(reading, reading.pdfPageCount, index === 0 ? lesson : null, lessonName, title, runningHead));
        return;
      }
      const flow = new Flow();
      if (index === 0) lessonIntro(flow, lesson, lessonName);
      readingSection(flow, reading, breaker, labels, uploaded);
      sections.push({ kind: "reading", title, runningHead, pages: flow.pages, readingId: reading.id, splittable: true });
    });
    lesson.prompts.forEach((prompt, index) => {
      question++;
      const reading = prompt.readingId ? lesson.readings.find((r) => r.id === prompt.readingId) : undefined;
      const summary = index === 0 && lesson.readings.length === 0 && lesson.summary.trim() ? lesson.summary : null;
      const pages = layoutSheet(
        { promptId: prompt.id, text: prompt.text, number: question, total, lesson: lessonName, readingTitle: reading?.title ?? null, summary },
        breaker,
        labels,
      );
      const title = labels.question(question, total);
      sections.push({ kind: "sheet", title, runningHead: `${packName} · ${labels.responseSheet}`, pages, promptId: prompt.id, question });
      check(title, prompt.text);
    });
  }

  return { pack, type, breaker, labels, sections, promptIds: sections.flatMap((s) => (s.promptId ? [s.promptId] : [])), missing, uploaded, imported };

  /**
   * An uploaded PDF: its pages as they are (imported-pages.ts), after a page with the lesson's
   * heading when it opens the lesson (otherwise the running head names the reading, and no
   * sheet of a tight envelope goes to a title).
   */
  function pdfReading(reading: PrintReading, count: number, opens: PrintLesson | null, lessonName: string, title: string, runningHead: string): Section {
    const heading = (extra: string | null): Page[] => {
      const flow = new Flow();
      if (opens) lessonIntro(flow, opens, lessonName);
      readingHeading(flow, reading);
      if (extra) text(flow, extra, BODY_TEXT);
      return flow.pages;
    };
    const scanned = reading.pdfHasText === false;
    imported.push({ readingId: reading.id, title: reading.title, pages: count, scanned });
    const pages: Page[] = [
      ...(opens ? heading(labels.importedReading(count)) : []),
      ...Array.from({ length: count }, (_, index): Page => ({ ops: [], imported: { readingId: reading.id, index } })),
    ];
    return {
      kind: "reading",
      title,
      runningHead,
      pages,
      readingId: reading.id,
      splittable: true,
      ...(scanned ? { leftOut: heading(labels.scannedLeftOut(reading.title, count)) } : {}),
    };
  }

  function readingHeading(flow: Flow, reading: PrintReading) {
    text(flow, reading.title, READING_TITLE);
    if (reading.author.trim()) {
      flow.gap(2);
      text(flow, labels.readingBy(reading.author), BYLINE);
    }
    const meta = [reading.source, reading.pageRange].filter((part) => part.trim()).join(" · ");
    if (meta) text(flow, meta, META);
    flow.gap(16);
  }

  function lessonIntro(flow: Flow, lesson: PrintLesson, lessonName: string) {
    text(flow, lessonName, LESSON);
    if (lesson.summary.trim()) {
      flow.gap(4);
      text(flow, lesson.summary, SUMMARY);
    }
    flow.gap(10);
    flow.add({ t: "rule", x1: BODY.left, y1: flow.y, x2: BODY.right, y2: flow.y, width: 0.6 });
    flow.gap(16);
  }

  function readingSection(flow: Flow, reading: PrintReading, breaker: LineBreaker, labels: Labels, uploaded: PackLayout["uploaded"]) {
    readingHeading(flow, reading);
    if (reading.bodyMarkdown === null) {
      uploaded.push({ title: reading.title, pages: reading.pdfPageCount });
      text(flow, labels.uploadedReading(reading.title, reading.pdfPageCount), BODY_TEXT);
      return;
    }
    new MarkdownLayout(flow, breaker).render(reading.bodyMarkdown, frame);
  }
}

const memberCache = new WeakMap<PrintMember, { base: PackLayout; layout: PackLayout }>();

/**
 * The pack as one member gets it: the shared layout plus their own "Replies to your response",
 * placed after the opening sections (letter, "From the group") and before the readings. Members
 * without replies get the shared layout itself, so a print run still shares its pages.
 */
export function layoutForMember(shared: PackLayout, member: PrintMember): PackLayout {
  return withCertificates(withReplies(shared, member), member);
}

const certificateCache = new WeakMap<PrintMember, { base: PackLayout; layout: PackLayout }>();

/**
 * Certificates to go with this pack ("include in next pack", docs/decisions/047): one page each,
 * after everything else, counted, enveloped and stamped with the member's name and ID like any
 * other page of theirs.
 */
function withCertificates(base: PackLayout, member: PrintMember): PackLayout {
  const certificates = member.certificates ?? [];
  if (certificates.length === 0) return base;
  const cached = certificateCache.get(member);
  if (cached?.base === base) return cached.layout;
  const packName = base.labels.packName(base.pack.pack.number, base.pack.pack.title);
  const sections: Section[] = certificates.map((certificate) => {
    const title = certificateLabels(certificate.locale).title;
    return { kind: "certificate", title, runningHead: `${packName} · ${title}`, pages: [{ ops: certificateOps(base.type, certificate, PACK_FRAME) }] };
  });
  const characters = new Set(certificates.flatMap((c) => base.type.missingCharacters(`${c.printedName} ${c.courseTitle} ${c.organizationName} ${c.signerName} ${c.signerTitle}`)));
  const layout: PackLayout = {
    ...base,
    sections: [...base.sections, ...sections],
    missing: characters.size > 0 ? [...base.missing, { where: sections[0]!.title, characters: [...characters] }] : base.missing,
  };
  certificateCache.set(member, { base, layout });
  return layout;
}

function withReplies(shared: PackLayout, member: PrintMember): PackLayout {
  const base = withoutReadings(shared, member.leaveOut ?? []);
  const threads = member.replies ?? [];
  if (threads.length === 0) return base;
  const cached = memberCache.get(member);
  if (cached?.base === base) return cached.layout;
  const pages = layoutReplies(threads, base.breaker, base.labels);
  if (pages.length === 0) return base;
  const packName = base.labels.packName(base.pack.pack.number, base.pack.pack.title);
  const at = base.sections.findIndex((section) => section.kind !== "letter" && section.kind !== "group");
  const index = at === -1 ? base.sections.length : at;
  const section: Section = { kind: "replies", title: base.labels.repliesHeading, runningHead: `${packName} · ${base.labels.repliesHeading}`, pages };
  const characters = new Set(discussionTexts([], threads).flatMap((text) => base.type.missingCharacters(printable(text))));
  const layout: PackLayout = {
    ...base,
    sections: [...base.sections.slice(0, index), section, ...base.sections.slice(index)],
    missing: characters.size > 0 ? [...base.missing, { where: base.labels.repliesHeading, characters: [...characters] }] : base.missing,
  };
  memberCache.set(member, { base, layout });
  return layout;
}

const leftOutCache = new WeakMap<PackLayout, Map<string, PackLayout>>();

/**
 * The layout with these scanned readings replaced by their "left out" page. One per set of
 * readings (in practice: per facility rule), cached, so members who get the same pack still
 * share its pages in a print run.
 */
function withoutReadings(base: PackLayout, readingIds: string[]): PackLayout {
  const ids = new Set(readingIds.filter((id) => base.sections.some((section) => section.readingId === id && section.leftOut)));
  if (ids.size === 0) return base;
  const key = [...ids].sort().join(" ");
  let variants = leftOutCache.get(base);
  if (!variants) leftOutCache.set(base, (variants = new Map()));
  const cached = variants.get(key);
  if (cached) return cached;
  const layout: PackLayout = {
    ...base,
    sections: base.sections.map((section) =>
      section.readingId && ids.has(section.readingId) && section.leftOut ? { ...section, pages: section.leftOut, splittable: false, leftOut: undefined } : section,
    ),
  };
  variants.set(key, layout);
  return layout;
}
