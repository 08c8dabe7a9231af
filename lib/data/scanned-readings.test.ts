// Uploaded PDF readings through the real print path: stored through lib/storage, loaded by
// loadPrintData, printed by the print-run job into one stored PDF, read back with poppler. And
// the scanned-reading rule: reported before printing, chosen per facility, recorded, applied.
import { writeFile, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { storeGeneratedFile } from "@/lib/data/scans";
import { chooseScannedReading, scannedReadingsForPack } from "@/lib/data/scanned-readings";
import { startPrintRun } from "@/lib/data/print-runs";
import { runPrintRun } from "@/lib/jobs/print-run-job";
import { queue } from "@/lib/jobs/queue";
import { storage } from "@/lib/storage";
import { makeFacility, makeMailMember } from "@/tests/factories/mail";
import { makePackScenario } from "@/tests/factories/pack";
import { scannedPdf, textPdf } from "@/tests/factories/pdf-reading";
import { pdfImages, pdfPages, tempDir } from "@/tests/setup/pdf-tools";

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await (await queue()).stop({ graceful: false, wait: true });
});

type Scenario = Awaited<ReturnType<typeof makePackScenario>>;

/** An uploaded PDF reading, as the upload stores it: the file through lib/storage, then the rows. */
async function uploadReading(s: Scenario, bytes: Uint8Array, pages: number, hasText: boolean, title: string) {
  const file = await storeGeneratedFile(s.group.organizationId, "readings", "application/pdf", Readable.from(Buffer.from(bytes)), { filename: `${title}.pdf` });
  const last = await db.reading.findFirst({ where: { lessonId: s.lesson.id }, orderBy: { position: "desc" }, select: { position: true } });
  return db.reading.create({
    data: { lessonId: s.lesson.id, position: (last?.position ?? 0) + 1, title, bodyMarkdown: null, pdfFileId: file.id, pdfPageCount: pages, pdfHasText: hasText },
    select: { id: true },
  });
}

/** Runs the print-run job for the pack and returns the text of the stored PDF, page by page, and its file. */
async function printRun(s: Scenario): Promise<{ pages: string[]; file: string }> {
  const run = await db.printRun.create({ data: { packId: s.pack.id, createdById: s.facilitator.user.id }, select: { id: true } });
  await runPrintRun(run.id);
  const done = await db.printRun.findUniqueOrThrow({ where: { id: run.id }, select: { status: true, error: true, file: { select: { storageKey: true } } } });
  expect(done.error).toBeNull();
  expect(done.status).toBe("DONE");
  const chunks: Buffer[] = [];
  for await (const chunk of await storage().get(done.file!.storageKey)) chunks.push(chunk as Buffer);
  const file = path.join(dir, `${run.id}.pdf`);
  await writeFile(file, Buffer.concat(chunks));
  return { pages: (await pdfPages(file)).map(squash), file };
}

/** The pages of one member's pack in a print run's file (their name is on every page of it). */
const packOf = (pages: string[], legalName: string) => pages.filter((text) => text.includes(`${legalName} · ID`) && !text.includes("do not mail it"));

describe("an uploaded 12-page PDF reading", () => {
  it("is printed, page by page, in a mail member's pack, every page with name, ID and page n of N", async () => {
    const s = await makePackScenario({ published: true });
    const facility = await makeFacility(s.group.organizationId, { name: `Open ${s.group.id}`, maxPagesPerEnvelope: null });
    await makeMailMember(s.group, { facilityId: facility.id, legalName: "Ana Díaz", idNumber: "A-1001" });
    await uploadReading(s, await textPdf(12, "UPLOADED"), 12, true, "The Uploaded Chapter");

    const { pages } = await printRun(s);
    const mine = packOf(pages, "Ana Díaz");
    const first = mine.findIndex((text) => text.includes("UPLOADED page 1 of 12"));
    expect(first).toBeGreaterThan(0);
    for (let n = 1; n <= 12; n++) expect(mine[first + n - 1]).toContain(`UPLOADED page ${n} of 12`);
    mine.forEach((text, index) => {
      expect(text).toContain("Ana Díaz · ID A-1001");
      expect(text).toContain(`Page ${index + 1} of ${mine.length}`);
    });
  });
});

describe("a scanned reading for facilities that forbid images", () => {
  it("is reported before printing, blocks the run until chosen, and is sent or left out per facility, recorded", async () => {
    const s = await makePackScenario({ published: true });
    const org = s.group.organizationId;
    const strict = await makeFacility(org, { name: `Cedar Creek ${s.group.id}`, maxPagesPerEnvelope: 10 });
    const other = await makeFacility(org, { name: `Pine Ridge ${s.group.id}`, maxPagesPerEnvelope: 10 });
    const open = await makeFacility(org, { name: `Mountain View ${s.group.id}`, maxPagesPerEnvelope: null });
    await db.facility.update({ where: { id: open.id }, data: { imagesAllowed: true } });
    await makeMailMember(s.group, { facilityId: strict.id, legalName: "Carl Strict" });
    await makeMailMember(s.group, { facilityId: other.id, legalName: "Pia Other" });
    await makeMailMember(s.group, { facilityId: open.id, legalName: "Olga Open" });
    const reading = await uploadReading(s, await scannedPdf(3), 3, false, "Scanned Chapter");

    // The report: the reading once per facility that forbids images, with its rule's facility.
    const report = await scannedReadingsForPack(s.facilitator, 1);
    expect(report.map((item) => [item.title, item.facilityName, item.members, item.choice])).toEqual([
      ["Scanned Chapter", strict.name, 1, null],
      ["Scanned Chapter", other.name, 1, null],
    ]);
    await expect(startPrintRun(s.facilitator, 1)).rejects.toMatchObject({ code: "CONFLICT", message: "mail.errors.scannedUndecided" });

    // Members cannot choose; a facility that allows images or a reading with text is not a choice.
    await expect(chooseScannedReading(s.memberCtx, { packNumber: 1, readingId: reading.id, facilityId: strict.id, send: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(chooseScannedReading(s.facilitator, { packNumber: 1, readingId: reading.id, facilityId: open.id, send: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.scannedReadingChoice.count({ where: { packId: s.pack.id } })).toBe(0);

    await chooseScannedReading(s.facilitator, { packNumber: 1, readingId: reading.id, facilityId: strict.id, send: true });
    await chooseScannedReading(s.facilitator, { packNumber: 1, readingId: reading.id, facilityId: other.id, send: false });
    const recorded = await db.scannedReadingChoice.findMany({ where: { packId: s.pack.id }, orderBy: { send: "desc" } });
    expect(recorded.map((c) => [c.facilityId, c.send, c.chosenById])).toEqual([
      [strict.id, true, s.facilitator.user.id],
      [other.id, false, s.facilitator.user.id],
    ]);
    const audit = await db.auditLog.findMany({ where: { entityId: reading.id }, select: { action: true, actorId: true } });
    expect(audit).toEqual(expect.arrayContaining([{ action: "scannedReading.send", actorId: s.facilitator.user.id }, { action: "scannedReading.leaveOut", actorId: s.facilitator.user.id }]));
    const after = await scannedReadingsForPack(s.facilitator, 1);
    expect(after.map((item) => item.choice && { send: item.choice.send, by: item.choice.by })).toEqual([
      { send: true, by: s.facilitator.user.name },
      { send: false, by: s.facilitator.user.name },
    ]);

    // Now the run starts; the job prints the scan for Cedar Creek ("send anyway") and Mountain
    // View (images allowed), and for Pine Ridge a page saying it is left out.
    await expect(startPrintRun(s.facilitator, 1)).resolves.toMatchObject({ status: "QUEUED" });
    await db.printRun.updateMany({ where: { packId: s.pack.id }, data: { status: "FAILED" } });
    const { pages, file } = await printRun(s);
    const leftOut = `The reading "Scanned Chapter" (3 pages) is not in this pack`;
    expect(packOf(pages, "Pia Other").join(" ")).toContain(leftOut);
    expect(packOf(pages, "Carl Strict").join(" ")).not.toContain(leftOut);
    expect(packOf(pages, "Olga Open").join(" ")).not.toContain(leftOut);
    // The scan's image is written once in the file, used by the two members who get it.
    expect((await pdfImages(file)).length).toBeGreaterThan(0);
    const carl = packOf(pages, "Carl Strict").length;
    const pia = packOf(pages, "Pia Other").length;
    expect(carl - pia).toBe(2); // three scanned pages in place of one notice page
    // The run's first sheet says it once for the facility, for the volunteer packing envelopes.
    const sheet = pages.filter((text) => text.includes("do not mail it")).join(" ");
    expect(sheet.split(`Reading: Scanned Chapter is a scanned copy and is left out for the members at ${other.name}`)).toHaveLength(2);
  });
});
