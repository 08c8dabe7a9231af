// What a print of a pack is made of, as plain data: the pack's shared content (letter, lessons,
// readings, prompts, "From the group") and, for each mail member, the mailing block, the
// facility's mail rules, the response codes and the replies to print. The PDF renderer
// (lib/packs/pdf) takes only these types, so it can be tested and benchmarked with plain objects
// and no database. Types only: the loaders (print-data.ts, lib/data/discussion-print.ts) both
// import them from here, and neither imports the other's module for a type.
import type { PrintCertificate } from "@/lib/packs/pdf/certificate";
import type { PostageSettings } from "@/lib/packs/postage";

export type PrintFacility = {
  name: string;
  addressLines: string[];
  /** Null = no limit. Counts every sheet in an envelope, its slip included. */
  maxPagesPerEnvelope: number | null;
  nameAndIdOnEveryPage: boolean;
  imagesAllowed: boolean;
  notes: string;
};

export type PrintMember = {
  memberId: string;
  /** The language of their pack's own words (Person.locale); English when not set. */
  locale?: "EN" | "ES" | null;
  legalName: string;
  idNumber: string | null;
  housingUnit: string | null;
  /** Null for a mail member with no facility on record: the cover then has no address. */
  facility: PrintFacility | null;
  /** Response code (8 characters, unformatted) per prompt id. */
  codes: Record<string /* promptId */, string>;
  /** Replies to this member's shared responses, printed under "Replies to your response". */
  replies?: PrintReplyThread[];
  /**
   * Scanned readings left out of this member's pack because their facility forbids images and
   * the facilitators chose (or have not yet chosen) not to send them: a page says so in their place.
   */
  leaveOut?: string[] /* readingId */;
  /** Certificates to print after the pack ("include in next pack", docs/decisions/047). */
  certificates?: PrintCertificate[];
};

/** A featured response or reply, by pen name only (never a legal name). */
export type PrintFeatured = { penName: string; text: string; note: string; promptText: string; packNumber: number; replyTo: string | null };

/** One of the member's responses with the replies it got that this pack prints. */
export type PrintReplyThread = { packNumber: number; promptText: string; yourText: string; replies: { penName: string; body: string }[] };

export type PrintReading = {
  id: string;
  title: string;
  author: string;
  source: string;
  pageRange: string;
  /** Null when the reading is an uploaded PDF: its pages are placed into the pack as they are. */
  bodyMarkdown: string | null;
  pdfPageCount: number | null;
  /** False for a scan (pages that are only pictures): facilities that forbid images may refuse it. */
  pdfHasText?: boolean | null;
  /** The uploaded PDF's bytes, loaded only to print (planning needs only the page count). */
  pdf?: Uint8Array | null;
};

export type PrintPrompt = { id: string; text: string; readingId: string | null };

/** `position` is the lesson's place in the course ("Lesson 3"), not in the pack. */
export type PrintLesson = { position: number; title: string; summary: string; readings: PrintReading[]; prompts: PrintPrompt[] };

/** Treat as immutable once rendering starts: its layout is cached per object (pdf/layout.ts). */
export type PrintPack = {
  /** `postage`: for the run sheet's postage estimate (lib/packs/postage.ts); its defaults when absent. */
  organization: { name: string; returnAddressLines: string[]; postage?: PostageSettings };
  group: { name: string };
  pack: { id: string; number: number; title: string; letterMarkdown: string; dueDate: Date | null };
  lessons: PrintLesson[];
  /** "From the group": the same for every member. */
  featured?: PrintFeatured[];
};
