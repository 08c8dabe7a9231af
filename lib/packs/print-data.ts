// Loads what a print of a pack needs (the types of lib/packs/print-types.ts) from the database:
// the pack's shared content and, for each mail member, the mailing block, the facility's mail
// rules, the member's response codes and the replies to print.
//
// No authorization here: this returns legal names, ID numbers and addresses, so callers (the
// print-run job, the per-member download route) check the caller's role with lib/authz first
// and write the audit log entry for the export (PRODUCT.md, "Sensitive data").
//
// Queries: one for the pack, one for the members, and ensureResponseCodes' constant few for the
// codes, one for "From the group" and two for the members' replies, however many members there are;
// one for the scanned-reading choices when the pack has a scanned reading (scanned-readings.ts).
//
// Uploaded PDF readings: planning needs only their page count; with `files`, for printing, their
// bytes are read from storage too (once for the run: the renderer embeds them once per file).
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ensureResponseCodes } from "@/lib/data/response-codes";
import { featuredForPack } from "@/lib/data/featured";
import { certificatesForNextPack } from "@/lib/certificates/in-packs";
import { repliesForPack } from "@/lib/data/discussion-print";
import { env } from "@/lib/env";
import { postageFromOrganization } from "@/lib/packs/postage";
import { readingsLeftOut } from "@/lib/data/scanned-readings";
import { storage } from "@/lib/storage";
import type { PrintMember, PrintPack, PrintReading } from "@/lib/packs/print-types";

export async function loadPrintData(packId: string, memberIds?: string[], options: { files?: boolean } = {}): Promise<{ pack: PrintPack; members: PrintMember[] }> {
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
      group: {
        select: {
          name: true,
          organization: { select: { name: true, returnAddressLines: true, paperGramsPerSheet: true, envelopeGrams: true, postageCurrency: true, postageRates: true } },
        },
      },
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
                select: {
                  id: true,
                  title: true,
                  author: true,
                  source: true,
                  pageRange: true,
                  bodyMarkdown: true,
                  pdfPageCount: true,
                  pdfHasText: true,
                  pdfFile: { select: { storageKey: true } },
                },
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
    organization: { name: row.group.organization.name, returnAddressLines: row.group.organization.returnAddressLines, postage: postageFromOrganization(row.group.organization) },
    group: { name: row.group.name },
    pack: { id: row.id, number: row.number, title: row.title, letterMarkdown: row.letterMarkdown, dueDate: row.dueDate },
    lessons: await Promise.all(
      row.lessons.map(async ({ lesson }) => ({
        ...lesson,
        readings: await Promise.all(lesson.readings.map(async ({ pdfFile, ...reading }): Promise<PrintReading> => ({ ...reading, pdf: options.files && pdfFile && reading.bodyMarkdown === null ? await readAll(pdfFile.storageKey) : null }))),
      })),
    ),
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
          locale: true,
          idNumber: true,
          housingUnit: true,
          facility: { select: { id: true, name: true, addressLines: true, maxPagesPerEnvelope: true, nameAndIdOnEveryPage: true, imagesAllowed: true, notes: true } },
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

  // Scanned readings for facilities that forbid images: left out unless the facilitators chose to send them.
  const scanned = row.lessons.flatMap(({ lesson }) => lesson.readings.filter((r) => r.bodyMarkdown === null && r.pdfFile && r.pdfHasText === false).map((r) => r.id));
  const strict = [...new Set(rows.flatMap((m) => (m.person.facility && !m.person.facility.imagesAllowed ? [m.person.facility.id] : [])))];
  const leftOut = await readingsLeftOut(row.id, scanned, strict);

  const replies = await repliesForPack({ id: row.id, groupId: row.groupId, number: row.number, publishedAt: row.publishedAt }, rows.map((member) => member.id));
  const certificates = await certificatesForNextPack(rows.map((member) => member.id), env().NEXTAUTH_URL ?? "http://localhost:3000");
  const members: PrintMember[] = rows.map((member) => ({
    memberId: member.id,
    locale: member.person.locale,
    legalName: member.person.legalName,
    idNumber: member.person.idNumber,
    housingUnit: member.person.housingUnit,
    facility: member.person.facility && (({ id: _id, ...facility }) => facility)(member.person.facility),
    leaveOut: (member.person.facility && leftOut.get(member.person.facility.id)) || [],
    codes: Object.fromEntries(
      promptIds.flatMap((promptId) => {
        const code = codes.get(`${member.id}:${promptId}`);
        return code === undefined ? [] : [[promptId, code]];
      }),
    ),
    replies: replies.get(member.id) ?? [],
    certificates: certificates.get(member.id) ?? [],
  }));
  return { pack, members };
}

async function readAll(storageKey: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of await storage().get(storageKey)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
