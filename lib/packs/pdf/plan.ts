// planPack: the dry run. How many pages and envelopes a member's pack takes, and what would go
// wrong, without drawing anything. The shared layout is computed once per pack (layout.ts) and
// the rest is arithmetic, so the pack page can call this for every member of a group and warn
// before anyone starts a print run.
import { AppError } from "@/lib/errors";
import { planEnvelopes, type Envelope } from "@/lib/packs/pdf/envelopes";
import type { Typesetter } from "@/lib/packs/pdf/fonts";
import { labelsFor } from "@/lib/packs/pdf/labels";
import { layoutForMember, layoutPack, type PackLayout, type SectionKind } from "@/lib/packs/pdf/layout";
import { printable } from "@/lib/packs/pdf/text";
import type { PrintMember, PrintPack } from "@/lib/packs/print-types";
import { parseResponseCode } from "@/lib/packs/response-code";
import { printedIdNumber } from "@/lib/people/identity";

export type PackProblem =
  /** A page limit with no room for one page after the envelope's slip: nothing can be printed. */
  | { kind: "limit-too-small"; limit: number; facility: string }
  /** A prompt without a valid response code for this member: nothing can be printed. */
  | { kind: "missing-code"; promptId: string }
  /** Printed, but the cover has no address to show in the envelope window. */
  | { kind: "no-address" }
  /** Printed, but these characters come out as empty boxes (no glyph in DejaVu). */
  | { kind: "missing-characters"; where: string; characters: string[] }
  /** Printed with a notice in place of the reading, which must be printed separately. */
  | { kind: "uploaded-reading"; section: string; pages: number | null }
  /** A scanned reading left out for this member (facility forbids images): a page says so instead. */
  | { kind: "reading-left-out"; section: string; facility: string };

export type PlannedEnvelope = {
  number: number;
  pages: number;
  firstPage: number;
  lastPage: number;
  /** `index` is the section's place in the pack's shared layout (PackPlan.sections). */
  sections: {
    index: number;
    title: string;
    kind: SectionKind;
    firstPage: number;
    lastPage: number;
    question?: number;
    /** Which of the section's pages this envelope holds (a reading may continue across envelopes). */
    offset: number;
    pages: number;
    continuedFrom: number | null;
    continuesIn: number | null;
  }[];
};

export type PackPlan = {
  /** The whole pack, every envelope's slip included. */
  pages: number;
  envelopes: PlannedEnvelope[];
  /** The shared sections in order, with their page counts. */
  sections: { title: string; kind: SectionKind; pages: number }[];
  problems: PackProblem[];
};

const BLOCKING: ReadonlySet<PackProblem["kind"]> = new Set(["limit-too-small", "missing-code"]);

export function isBlocking(problem: PackProblem): boolean {
  return BLOCKING.has(problem.kind);
}

/**
 * Thrown by renderMemberPack for a pack that planPack says cannot be printed. The message is a
 * message key like every AppError's; `problems` says what to fix (describeProblem words it).
 */
export class PackNotPrintableError extends AppError {
  constructor(readonly problems: PackProblem[]) {
    super("CONFLICT", "packs.errors.notPrintable");
    this.name = "PackNotPrintableError";
  }
}

/** One sentence a facilitator can act on (English; the UI may format the fields itself). */
export function describeProblem(problem: PackProblem): string {
  switch (problem.kind) {
    case "limit-too-small":
      return `${problem.facility || "The facility"} allows ${problem.limit} ${problem.limit === 1 ? "page" : "pages"} per envelope; the envelope's slip and one page of the pack need 2.`;
    case "missing-code":
      return `No response code for prompt ${problem.promptId}.`;
    case "no-address":
      return "No facility address on record: the envelope must be addressed by hand.";
    case "missing-characters": {
      // Named by code point: printed as themselves they would be the very boxes in question.
      const named = problem.characters.map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`);
      return `${problem.where}: ${named.join(" ")} cannot be printed (no such letter in the font) and will show as empty boxes.`;
    }
    case "uploaded-reading":
      return `${problem.section} is an uploaded PDF${problem.pages ? ` of ${problem.pages} pages` : ""}: print it separately and add it to the envelope.`;
    case "reading-left-out":
      return `${problem.section} is a scanned copy and is left out for the members at ${problem.facility || "their facility"} (no images allowed there); a page in their packs says so.`;
  }
}

/** A member's pack planned in their language (labelsFor). */
export function planPack(pack: PrintPack, member: PrintMember): PackPlan {
  return planFromLayout(layoutPack(pack, labelsFor(member.locale)), member);
}

export function planFromLayout(base: PackLayout, member: PrintMember): PackPlan {
  const layout = layoutForMember(base, member);
  const limit = member.facility?.maxPagesPerEnvelope ?? null;
  const plan = planEnvelopes(
    layout.sections.map((section) => ({ title: section.title, pages: section.pages.length, question: section.question, splittable: section.splittable })),
    limit,
  );
  const problems: PackProblem[] = [];
  if (plan.impossible) problems.push({ kind: "limit-too-small", limit: limit ?? 0, facility: member.facility?.name ?? "" });
  for (const promptId of layout.promptIds) {
    const code = member.codes[promptId];
    if (code === undefined || !parseResponseCode(code).ok) problems.push({ kind: "missing-code", promptId });
  }
  if (!member.facility || member.facility.addressLines.every((line) => !line.trim())) problems.push({ kind: "no-address" });
  problems.push(...memberCharacters(layout.type, member));
  for (const item of layout.missing) problems.push({ kind: "missing-characters", where: item.where, characters: item.characters });
  for (const item of layout.uploaded) problems.push({ kind: "uploaded-reading", section: layout.labels.readingTitle(item.title), pages: item.pages });
  for (const section of layout.sections) {
    if (section.readingId && member.leaveOut?.includes(section.readingId) && base.sections.some((s) => s.readingId === section.readingId && s.leftOut)) {
      problems.push({ kind: "reading-left-out", section: section.title, facility: member.facility?.name ?? "" });
    }
  }

  return {
    pages: plan.pages,
    envelopes: plan.envelopes.map((envelope) => plannedEnvelope(envelope, layout)),
    sections: layout.sections.map((section) => ({ title: section.title, kind: section.kind, pages: section.pages.length })),
    problems,
  };
}

function plannedEnvelope(envelope: Envelope, layout: PackLayout): PlannedEnvelope {
  return {
    number: envelope.number,
    pages: envelope.pages,
    firstPage: envelope.firstPage,
    lastPage: envelope.lastPage,
    sections: envelope.sections.map((placed) => ({
      index: placed.index,
      title: placed.title,
      kind: layout.sections[placed.index]!.kind,
      firstPage: placed.firstPage,
      lastPage: placed.lastPage,
      question: placed.question,
      offset: placed.offset,
      pages: placed.pages,
      continuedFrom: placed.continuedFrom,
      continuesIn: placed.continuesIn,
    })),
  };
}

function memberCharacters(type: Typesetter, member: PrintMember): PackProblem[] {
  const fields: [string, string | null | undefined][] = [
    ["Legal name", member.legalName],
    ["ID number", printedIdNumber(member.idNumber)],
    ["Housing unit", member.housingUnit],
    ["Facility address", member.facility ? [member.facility.name, ...member.facility.addressLines].join(" ") : null],
  ];
  return fields.flatMap(([where, value]): PackProblem[] => {
    const characters = value ? type.missingCharacters(printable(value)) : [];
    return characters.length > 0 ? [{ kind: "missing-characters", where, characters }] : [];
  });
}
