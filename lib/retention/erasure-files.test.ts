// Erasure reaches stored files (docs/decisions/039): a real print run and a real scan of a mail
// member are written to a real storage folder, the person is erased, and then every file in
// storage is read — PDFs through pdftotext, everything also as raw bytes — for the legal name and
// the ID number (and the pen name, which packs of others print). None may be anywhere; another
// group's print run stays whole.
import { execFile } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { loadGroupContext, type GroupContext } from "@/lib/authz";
import type { CurrentUser } from "@/lib/auth/session";
import { eraseMember } from "@/lib/data/member-data";
import { addMailMember } from "@/lib/data/members";
import { publishPack } from "@/lib/data/packs";
import { attachScan } from "@/lib/data/scans";
import { submitTranscription } from "@/lib/data/transcriptions";
import { runPrintRun } from "@/lib/jobs/print-run-job";
import { makeOrganizer } from "@/tests/factories";
import { makeLessonWithPrompts, makePackScenario } from "@/tests/factories/pack";
import { tinyPdf } from "@/tests/factories/files";

const { storageDir } = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const os = await import("node:os");
  const nodePath = await import("node:path");
  const dir = mkdtempSync(nodePath.join(os.tmpdir(), "studypack-erasure-files-"));
  process.env.STORAGE_DIR = dir;
  return { storageDir: dir };
});
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

const exec = promisify(execFile);

/** Every file under the storage folder with its text: pdftotext's for a PDF, plus the raw bytes. */
async function everyStoredText(): Promise<{ file: string; text: string; pdfText: string }[]> {
  const files = readdirSync(storageDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
  return Promise.all(
    files.map(async (file) => {
      const raw = readFileSync(file);
      const pdf = raw.subarray(0, 5).toString("latin1") === "%PDF-" ? (await exec("pdftotext", ["-raw", file, "-"], { maxBuffer: 64 * 1024 * 1024 })).stdout : "";
      return { file: path.relative(storageDir, file), text: `${pdf}\n${raw.toString("latin1")}`.replace(/\s+/g, " "), pdfText: pdf.replace(/\s+/g, " ") };
    }),
  );
}

const holding = async (...needles: string[]) => (await everyStoredText()).filter(({ text }) => needles.some((n) => text.includes(n))).map((f) => f.file);
// The files whose text layer alone (pdftotext, not the raw bytes) reads `needle`: a name that
// is printed must be found this way, or "not found" after an erasure would prove nothing.
const readableIn = async (needle: string) => (await everyStoredText()).filter(({ pdfText }) => pdfText.includes(needle)).map((f) => f.file);

async function contextOf(user: CurrentUser, slug: string): Promise<GroupContext> {
  const ctx = await loadGroupContext(user, slug);
  if (!ctx) throw new Error("no access");
  return ctx;
}

/** A published pack with mail members (legal name, ID number) in a facility, and a print run of it. */
async function groupWithMail(members: [legalName: string, penName: string, idNumber: string][]) {
  const s = await makePackScenario();
  const facility = await db.facility.create({ data: { organizationId: s.group.organizationId, name: `Facility ${s.group.slug}`, addressLines: ["1 Gate Rd", "Town, ST 00000"], maxPagesPerEnvelope: 20 } });
  const ids: string[] = [];
  for (const [legalName, penName, idNumber] of members) ids.push((await addMailMember(s.facilitator, { legalName, penName, facilityId: facility.id, idNumber, housingUnit: "B-2" })).id);
  await publishPack(s.facilitator, 1);
  const organizer = await contextOf(await makeOrganizer(s.group.organizationId), s.group.slug);
  return { ...s, organizer, ids };
}

async function printRun(packId: string, userId: string) {
  const run = await db.printRun.create({ data: { packId, createdById: userId }, select: { id: true } });
  await runPrintRun(run.id);
  return db.printRun.findUniqueOrThrow({ where: { id: run.id }, select: { id: true, status: true, fileId: true, fileRemovedAt: true, fileRemovedReason: true } });
}

describe("erasure reaches stored files", () => {
  it("leaves neither the legal name nor the ID number in any stored file", async () => {
    const s = await groupWithMail([
      ["Darnell Price", "Heron", "A-20417"],
      ["Ann Keeper", "Wren", "K-31337"],
      // Accents and a bare "u" after "ü": letters a shared font once left out of the text layer.
      ["José Müller de la Cruz y Villanueva", "Lark", "M-4242"],
    ]);
    const [darnell] = s.ids;
    // Another group's run, which never printed Darnell: it must stay whole.
    const other = await groupWithMail([["Otto Stays", "Finch", "O-555"]]);
    const otherRun = await printRun(other.pack.id, other.facilitator.user.id);

    const run = await printRun(s.pack.id, s.facilitator.user.id);
    expect(run).toMatchObject({ status: "DONE", fileRemovedAt: null });
    // His letter, scanned: a PDF with his name and number on it.
    const { responseId } = await submitTranscription(s.facilitator, { packNumber: 1, memberId: darnell!, promptId: s.prompts[0]!, body: "My words.", receivedOn: "2026-11-20", submitKey: randomUUID() });
    await attachScan(s.facilitator, responseId, { name: "letter.pdf", bytes: tinyPdf("From Darnell Price, ID A-20417, unit B-2") });

    // The check can see them before: the run's PDF and the scan both hold name and number.
    expect(await holding("Darnell Price")).toHaveLength(2);
    expect(await holding("A-20417")).toHaveLength(2);
    // And through pdftotext alone: the run's PDF (and his scan) reads every printed name and number.
    for (const [printed, files] of [["Darnell Price", 2], ["A-20417", 2], ["Ann Keeper", 1], ["José Müller de la Cruz y Villanueva", 1], ["M-4242", 1]] as const) {
      expect(await readableIn(printed)).toHaveLength(files);
    }

    await eraseMember(s.organizer, darnell!, "Heron");

    expect(await holding("Darnell Price", "A-20417", "Heron")).toEqual([]);
    // The run's record stays and says why its PDF is gone; the other group's run is untouched.
    const after = await db.printRun.findUniqueOrThrow({ where: { id: run.id }, select: { status: true, fileId: true, fileRemovedAt: true, fileRemovedReason: true, summary: true } });
    expect(after).toMatchObject({ status: "DONE", fileId: null, fileRemovedReason: "ERASURE" });
    expect(after.fileRemovedAt).toBeInstanceOf(Date);
    expect(await db.storedFile.count({ where: { id: run.fileId! } })).toBe(0);
    expect(await holding("Otto Stays")).toHaveLength(1);
    expect((await db.printRun.findUniqueOrThrow({ where: { id: otherRun.id } })).fileId).toBe(otherRun.fileId);

    // Printing again makes a PDF for the members still there, without him.
    const again = await printRun(s.pack.id, s.facilitator.user.id);
    expect(again).toMatchObject({ status: "DONE", fileRemovedAt: null });
    expect(await holding("Ann Keeper")).toHaveLength(1);
    expect(await readableIn("José Müller de la Cruz y Villanueva")).toHaveLength(1);
    expect(await holding("Darnell Price", "A-20417")).toEqual([]);
  });

  it("removes a run's PDF that did not print them but quotes them under their pen name", async () => {
    const s = await groupWithMail([
      ["Darnell Price", "Heron", "A-20417"],
      ["Ann Keeper", "Wren", "K-31337"],
    ]);
    const [darnell] = s.ids;
    // His shared answer to pack 1 (his letter gave consent) is featured in pack 2, printed while
    // he is paused: only Ann's envelope, quoting "Heron".
    await db.member.update({ where: { id: darnell! }, data: { sharingPreference: "GROUP", sharingConsentAt: new Date() } });
    const { responseId } = await submitTranscription(s.facilitator, { packNumber: 1, memberId: darnell!, promptId: s.prompts[0]!, body: "Slow reading is kind.", receivedOn: "2026-11-20", submitKey: randomUUID() });
    const lesson = await makeLessonWithPrompts(s.group.courseId);
    const pack2 = await db.pack.create({ data: { groupId: s.group.id, number: 2, status: "PUBLISHED", publishedAt: new Date(), lessons: { create: { lessonId: lesson.id, position: 1 } } }, select: { id: true } });
    await db.featuredResponse.create({ data: { packId: pack2.id, responseId, position: 1, note: "" } });
    await db.member.update({ where: { id: darnell! }, data: { status: "PAUSED" } });
    const run = await printRun(pack2.id, s.facilitator.user.id);
    expect(run.status).toBe("DONE");
    expect(await holding("Darnell Price")).toEqual([]);
    expect(await holding("Heron")).toHaveLength(1);

    await eraseMember(s.organizer, darnell!, "Heron");

    expect(await holding("Heron", "Darnell Price", "A-20417")).toEqual([]);
    expect(await db.printRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ fileId: null, fileRemovedReason: "ERASURE" });
    // Made again, the pack quotes the kept answer under the neutral name.
    await printRun(pack2.id, s.facilitator.user.id);
    expect(await holding("Slow reading is kind.")).toHaveLength(1);
    expect(await holding("Heron")).toEqual([]);
  });

  it("keeps no PDF of a run that was being made while its member was erased, whichever finishes first", async () => {
    for (let round = 0; round < 3; round++) {
      const s = await groupWithMail([
        [`Dana Gone${round}`, `Kite${round}`, `G-7${round}`],
        [`Ann Stays${round}`, `Moth${round}`, `S-8${round}`],
      ]);
      const run = await db.printRun.create({ data: { packId: s.pack.id, createdById: s.facilitator.user.id }, select: { id: true } });
      await Promise.all([runPrintRun(run.id), eraseMember(s.organizer, s.ids[0]!, `Kite${round}`)]);
      expect(await holding(`Dana Gone${round}`, `G-7${round}`)).toEqual([]);
      const after = await db.printRun.findUniqueOrThrow({ where: { id: run.id }, select: { status: true, fileId: true, fileRemovedReason: true } });
      // Either the run printed before the erasure (and its PDF went) or after (without her).
      if (after.fileId === null) expect(after).toMatchObject({ status: "DONE", fileRemovedReason: "ERASURE" });
      else expect(await holding(`Ann Stays${round}`)).toHaveLength(1);
    }
  });
});
