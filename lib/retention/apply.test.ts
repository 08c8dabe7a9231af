// The daily retention job on a known set of files in a real storage folder: old and new print-run
// PDFs, old and new scans (and old scans of an organization that keeps them), a reading's PDF,
// unreferenced bytes old and new, an unreferenced row, and sign-in attempts of every age. Exactly
// the ones past their time go; the records that stay say what happened.
import { randomUUID } from "node:crypto";
import { readdirSync, rmSync } from "node:fs";
import { utimes } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { attachScan } from "@/lib/data/scans";
import { applyRetention } from "@/lib/retention/apply";
import { queue, stopQueue } from "@/lib/jobs/queue";
import { RETENTION_QUEUE, startRetention } from "@/lib/jobs/retention-job";
import { newStorageKey, storage } from "@/lib/storage";
import { makePackScenario } from "@/tests/factories/pack";
import { makeScanScenario, tinyPng } from "@/tests/factories/scan";

const { storageDir } = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const os = await import("node:os");
  const nodePath = await import("node:path");
  const dir = mkdtempSync(nodePath.join(os.tmpdir(), "studypack-retention-"));
  process.env.STORAGE_DIR = dir;
  return { storageDir: dir };
});
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

const DAY = 24 * 60 * 60 * 1000;
const now = new Date();
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

function keysOnDisk(): string[] {
  return readdirSync(storageDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(storageDir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

/** Bytes under a fresh key, written `age` days ago. */
async function bytes(prefix: string, age: number): Promise<string> {
  const key = newStorageKey(prefix);
  await storage().put(key, Buffer.from(`file ${key}`), "application/pdf");
  await utimes(path.join(storageDir, ...key.split("/")), daysAgo(age), daysAgo(age));
  return key;
}

/** Bytes and their StoredFile row, both `age` days old. */
async function storedFile(organizationId: string, prefix: string, age: number) {
  const storageKey = await bytes(prefix, age);
  return db.storedFile.create({ data: { organizationId, storageKey, filename: "f.pdf", contentType: "application/pdf", byteSize: 10, sha256: "0".repeat(64), createdAt: daysAgo(age) }, select: { id: true, storageKey: true } });
}

async function doneRun(packId: string, organizationId: string, age: number) {
  const file = await storedFile(organizationId, `print-runs/${packId}`, age);
  const run = await db.printRun.create({ data: { packId, status: "DONE", fileId: file.id, summary: [], createdAt: daysAgo(age), finishedAt: daysAgo(age) }, select: { id: true } });
  return { run, file };
}

/** A scan attached through the real upload, then aged `age` days (row and bytes). */
async function agedScan(s: Awaited<ReturnType<typeof makeScanScenario>>, age: number) {
  const png = tinyPng();
  png.writeUInt32BE(age, png.length - 4); // different bytes, so not the same scan again
  const scan = await attachScan(s.facilitator, s.response.id, { name: "letter.png", bytes: png });
  const file = await db.storedFile.update({ where: { id: scan.id }, data: { createdAt: daysAgo(age) }, select: { id: true, storageKey: true } });
  await utimes(path.join(storageDir, ...file.storageKey.split("/")), daysAgo(age), daysAgo(age));
  return file;
}

describe("the daily retention job", () => {
  it("removes exactly the files past their time, keeps the records, and prunes sign-in attempts", async () => {
    // Organization A: the defaults (print-run PDFs 90 days, scans 365 days).
    const a = await makeScanScenario();
    const orgA = a.group.organizationId;
    const oldRun = await doneRun(a.pack.id, orgA, 91);
    const newRun = await doneRun(a.pack.id, orgA, 89);
    const oldScan = await agedScan(a, 366);
    const newScan = await agedScan(a, 300);
    const reading = await storedFile(orgA, "readings", 1000);
    await db.reading.updateMany({ where: { lesson: { id: a.lesson.id } }, data: { pdfFileId: reading.id } });
    const orphanRow = await storedFile(orgA, "print-runs", 2);
    const freshRow = await storedFile(orgA, "print-runs", 0);
    const orphanOld = await bytes("scans", 2);
    const orphanNew = await bytes("scans", 0);

    // Organization B keeps scans, and its print-run PDFs for 10 days.
    const b = await makeScanScenario();
    await db.organization.update({ where: { id: b.group.organizationId }, data: { scanRetentionDays: null, printRunRetentionDays: 10 } });
    const bOldScan = await agedScan(b, 3000);
    const bRun = await doneRun(b.pack.id, b.group.organizationId, 11);
    const bNewRun = await doneRun(b.pack.id, b.group.organizationId, 9);

    const email = `retention-${randomUUID()}@example.test`;
    await db.signInAttempt.createMany({
      data: [
        { email, ip: "old-success", succeeded: true, createdAt: daysAgo(31) },
        { email, ip: "known-success", succeeded: true, createdAt: daysAgo(29) },
        { email, ip: "old-failure", succeeded: false, createdAt: daysAgo(1.5) },
        { email, ip: "new-failure", succeeded: false, createdAt: new Date(now.getTime() - 60 * 60 * 1000) },
      ],
    });

    const before = keysOnDisk();
    const result = await applyRetention(now);

    const gone = [oldRun.file.storageKey, oldScan.storageKey, orphanRow.storageKey, orphanOld, bRun.file.storageKey].sort();
    expect(before.filter((k) => !keysOnDisk().includes(k)).sort()).toEqual(gone);
    expect(keysOnDisk()).toEqual(
      [newRun.file.storageKey, newScan.storageKey, reading.storageKey, freshRow.storageKey, orphanNew, bOldScan.storageKey, bNewRun.file.storageKey].sort(),
    );
    expect(result).toMatchObject({ printRunPdfs: 2, scans: 1, orphanBytes: 1 });
    expect(result.orphanRows).toBeGreaterThanOrEqual(1);

    // Rows follow the files; the runs' records stay and say why.
    expect(await db.storedFile.count({ where: { id: { in: [oldRun.file.id, oldScan.id, orphanRow.id, bRun.file.id] } } })).toBe(0);
    expect(await db.storedFile.count({ where: { id: { in: [newRun.file.id, newScan.id, reading.id, freshRow.id, bOldScan.id, bNewRun.file.id] } } })).toBe(6);
    expect(await db.printRun.findUniqueOrThrow({ where: { id: oldRun.run.id } })).toMatchObject({ status: "DONE", fileId: null, fileRemovedReason: "RETENTION" });
    expect(await db.printRun.findUniqueOrThrow({ where: { id: newRun.run.id } })).toMatchObject({ fileId: newRun.file.id, fileRemovedAt: null });
    // The scanned letter's response and its text stay; only its old scan is gone.
    expect((await db.responseScan.findMany({ where: { responseId: a.response.id } })).map((s) => s.fileId)).toEqual([newScan.id]);
    expect(await db.response.findUniqueOrThrow({ where: { id: a.response.id } })).toMatchObject({ body: "Transcribed from a letter." });
    const audit = await db.auditLog.findFirstOrThrow({ where: { organizationId: orgA, action: "retention.apply" } });
    expect(audit).toMatchObject({ actorId: null, details: { printRunPdfs: 1, scans: 1, printRunRetentionDays: 90, scanRetentionDays: 365 } });

    expect((await db.signInAttempt.findMany({ where: { email }, orderBy: { ip: "asc" } })).map((s) => s.ip)).toEqual(["known-success", "new-failure"]);

    // A second round the same day finds nothing more to do.
    expect(await applyRetention(now)).toMatchObject({ printRunPdfs: 0, scans: 0, orphanBytes: 0, orphanRows: 0 });
    expect(keysOnDisk()).toHaveLength(7);
  });

  it("leaves a run that is being made alone", async () => {
    const s = await makePackScenario({ published: true });
    const running = await db.printRun.create({ data: { packId: s.pack.id, status: "RUNNING", createdAt: daysAgo(400) }, select: { id: true } });
    await applyRetention(now);
    expect(await db.printRun.findUniqueOrThrow({ where: { id: running.id } })).toMatchObject({ status: "RUNNING", fileRemovedAt: null });
  });

  it("is scheduled once a day when a process starts its workers", async () => {
    const boss = await queue();
    try {
      await startRetention(boss);
      expect((await boss.getSchedules()).find((x) => x.name === RETENTION_QUEUE)).toMatchObject({ cron: "17 3 * * *" });
    } finally {
      await boss.offWork(RETENTION_QUEUE);
      await boss.unschedule(RETENTION_QUEUE);
      await stopQueue();
    }
  });
});
