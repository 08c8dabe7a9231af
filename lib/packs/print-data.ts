// What a print of a pack needs, as plain data: the pack's shared content (letter, lessons,
// readings, prompts) and, for each mail member, the mailing block, the facility's mail rules and
// the member's response codes. The PDF renderer (lib/packs/pdf) takes only these types, so it
// can be tested and benchmarked with plain objects and no database.
//
// No authorization here: this returns legal names, ID numbers and addresses, so callers (the
// print-run job, the per-member download route) check the caller's role with lib/authz first
// and write the audit log entry for the export (PRODUCT.md, "Sensitive data").
//
// Queries: one for the pack, one for the members, and ensureResponseCodes' constant few for the
// codes, one for "From the group" and two for the members' replies, however many members there are.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ensureResponseCodes } from "@/lib/data/response-codes";
import { featuredForPack } from "@/lib/data/featured";
import { repliesForPack } from "@/lib/data/discussion-print";

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
  legalName: string;
  idNumber: string | null;
  housingUnit: string | null;
  /** Null for a mail member with no facility on record: the cover then has no address. */
  facility: PrintFacility | null;
  /** Response code (8 characters, unformatted) per prompt id. */
  codes: Record<string /* promptId */, string>;
  /** Replies to this member's shared responses, printed under "Replies to your response". */
  replies?: PrintReplyThread[];
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
  /** Null when the reading is an uploaded PDF (printed separately, see planPack's problems). */
  bodyMarkdown: string | null;
  pdfPageCount: number | null;
};

export type PrintPrompt = { id: string; text: string; readingId: string | null };

/** `position` is the lesson's place in the course ("Lesson 3"), not in the pack. */
export type PrintLesson = { position: number; title: string; summary: string; readings: PrintReading[]; prompts: PrintPrompt[] };

/** Treat as immutable once rendering starts: its layout is cached per object (pdf/layout.ts). */
export type PrintPack = {
  organization: { name: string; returnAddressLines: string[] };
  group: { name: string };
  pack: { id: string; number: number; title: string; letterMarkdown: string; dueDate: Date | null };
  lessons: PrintLesson[];
  /** "From the group": the same for every member. */
  featured?: PrintFeatured[];
};

export async function loadPrintData(packId: string, memberIds?: string[]): Promise<{ pack: PrintPack; members: PrintMember[] }> {
  const row = await db.pack.findUnique({
    where: { id: packId },
    select: {
      id: true,
      number: true,
      title: true,
      letterMarkdown: true,
      dueDate: true,
      publishedAt: true,
      groupId: true,
      group: { select: { name: true, organization: { select: { name: true, returnAddressLines: true } } } },
      lessons: {
        orderBy: { position: "asc" },
        select: {
          lesson: {
            select: {
              position: true,
              title: true,
              summary: true,
              readings: {
                orderBy: { position: "asc" },
                select: { id: true, title: true, author: true, source: true, pageRange: true, bodyMarkdown: true, pdfPageCount: true },
              },
              prompts: { orderBy: { position: "asc" }, select: { id: true, text: true, readingId: true } },
            },
          },
        },
      },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");

  const pack: PrintPack = {
    organization: { name: row.group.organization.name, returnAddressLines: row.group.organization.returnAddressLines },
    group: { name: row.group.name },
    pack: { id: row.id, number: row.number, title: row.title, letterMarkdown: row.letterMarkdown, dueDate: row.dueDate },
    lessons: row.lessons.map(({ lesson }) => lesson),
    featured: (await featuredForPack(row.id)).map(({ id: _id, ...entry }) => entry),
  };

  // Given ids are printed whatever their channel or status (a resend to one member), but only
  // if they belong to this pack's group; otherwise every active mail member whose personal
  // data has not been erased.
  const rows = await db.member.findMany({
    where: memberIds
      ? { groupId: row.groupId, id: { in: memberIds } }
      : { groupId: row.groupId, status: "ACTIVE", channel: "MAIL", person: { erasedAt: null } },
    select: {
      id: true,
      person: {
        select: {
          legalName: true,
          idNumber: true,
          housingUnit: true,
          facility: { select: { name: true, addressLines: true, maxPagesPerEnvelope: true, nameAndIdOnEveryPage: true, imagesAllowed: true, notes: true } },
        },
      },
    },
  });
  if (memberIds && rows.length !== new Set(memberIds).size) throw new AppError("NOT_FOUND", "errors.notFound");

  // Mailing order: by facility, because one facility's envelopes go out (and come back from its
  // mailroom) together; then by housing unit, because the mailroom hands mail out unit by unit;
  // then by legal name, so a volunteer can find a person in the stack. Sorted here rather than
  // in SQL so the order does not depend on the database's collation, and "Unit 9" comes before
  // "Unit 10". Members without a facility come last.
  const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
  const compare = (a: string | null | undefined, b: string | null | undefined) =>
    a == null || b == null ? (a == null ? 1 : 0) - (b == null ? 1 : 0) : collator.compare(a, b);
  rows.sort(
    (a, b) =>
      compare(a.person.facility?.name, b.person.facility?.name) ||
      compare(a.person.housingUnit, b.person.housingUnit) ||
      collator.compare(a.person.legalName, b.person.legalName) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );

  const promptIds = pack.lessons.flatMap((lesson) => lesson.prompts.map((prompt) => prompt.id));
  const codes = await ensureResponseCodes(
    db,
    row.id,
    rows.flatMap((member) => promptIds.map((promptId) => ({ memberId: member.id, promptId }))),
  );

  const replies = await repliesForPack({ id: row.id, groupId: row.groupId, number: row.number, publishedAt: row.publishedAt }, rows.map((member) => member.id));
  const members: PrintMember[] = rows.map((member) => ({
    memberId: member.id,
    legalName: member.person.legalName,
    idNumber: member.person.idNumber,
    housingUnit: member.person.housingUnit,
    facility: member.person.facility,
    codes: Object.fromEntries(
      promptIds.flatMap((promptId) => {
        const code = codes.get(`${member.id}:${promptId}`);
        return code === undefined ? [] : [[promptId, code]];
      }),
    ),
    replies: replies.get(member.id) ?? [],
  }));
  return { pack, members };
}
