// Scans against the real test database and a temporary storage folder (never .data/).
// MAX_UPLOAD_MB is 1 here so the size limit can be tested with small buffers.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { loadGroupContext, type GroupContext } from "@/lib/authz";
import type { CurrentUser } from "@/lib/auth/session";
import { attachScan, listScans, openScanForDownload, storeGeneratedFile } from "@/lib/data/scans";
import { StorageNotFoundError } from "@/lib/storage";
import { makeFacilitator, makeMember, makeOrganizer, makeUser } from "@/tests/factories";
import { makeScanScenario, tinyJpeg, tinyPdf, tinyPng } from "@/tests/factories/scan";

const { storageDir } = await vi.hoisted(async () => {
  // Before any lib module reads the environment.
  const { mkdtempSync } = await import("node:fs");
  const os = await import("node:os");
  const nodePath = await import("node:path");
  const dir = mkdtempSync(nodePath.join(os.tmpdir(), "studypack-scans-test-"));
  process.env.STORAGE_DIR = dir;
  process.env.MAX_UPLOAD_MB = "1";
  return { storageDir: dir };
});
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

const MB = 1024 * 1024;

function filesOnDisk(): string[] {
  return readdirSync(storageDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(storageDir, path.join(e.parentPath, e.name)))
    .sort();
}

async function contextOf(user: CurrentUser, slug: string): Promise<GroupContext> {
  const ctx = await loadGroupContext(user, slug);
  if (!ctx) throw new Error("no access");
  return ctx;
}

/** Runs `attempt`, which must fail, and checks that no row and no file were written. */
async function expectNothingWritten(organizationId: string, attempt: () => Promise<unknown>, error: object) {
  const files = filesOnDisk();
  const rows = await db.storedFile.count({ where: { organizationId } });
  await expect(attempt()).rejects.toMatchObject(error);
  expect(await db.storedFile.count({ where: { organizationId } })).toBe(rows);
  expect(filesOnDisk()).toEqual(files);
}

describe("attachScan", () => {
  it("a facilitator attaches a real PNG, PDF and JPEG; rows and bytes are stored", async () => {
    const s = await makeScanScenario();
    const files = [
      { name: "page 1.png", bytes: tinyPng(), type: "image/png" },
      { name: "Carta de María.pdf", bytes: tinyPdf(), type: "application/pdf" },
      { name: "IMG_0042.JPG", bytes: tinyJpeg(), type: "image/jpeg" },
    ];
    for (const file of files) {
      const scan = await attachScan(s.facilitator, s.response.id, { name: file.name, bytes: file.bytes });
      expect(scan).toEqual({ id: expect.any(String), filename: file.name, contentType: file.type, byteSize: file.bytes.length });
      const row = await db.storedFile.findUniqueOrThrow({ where: { id: scan.id } });
      expect(row).toMatchObject({ organizationId: s.group.organizationId, createdById: s.facilitator.user.id, contentType: file.type });
      expect(row.storageKey).toMatch(/^scans\/\d{4}\/\d{2}\/[A-Za-z0-9_-]{22}$/);
      expect(readFileSync(path.join(storageDir, row.storageKey)).equals(file.bytes)).toBe(true);
    }
    const listed = await listScans(s.facilitator, s.response.id);
    expect(listed.map((l) => [l.filename, l.contentType])).toEqual(files.map((f) => [f.name, f.type]));
  });

  it("takes the type from the content, and fixes the name to match", async () => {
    const s = await makeScanScenario();
    const scan = await attachScan(s.facilitator, s.response.id, { name: "../../scan.pdf", bytes: tinyPng() });
    expect(scan).toMatchObject({ contentType: "image/png", filename: "scan.pdf.png" });
  });

  it("refuses HTML renamed to .pdf, and SVG, with a clear message; nothing is written", async () => {
    const s = await makeScanScenario();
    const html = Buffer.from("<!DOCTYPE html><html><body><script>fetch('/api/files')</script></body></html>");
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    for (const [name, bytes] of [["letter.pdf", html], ["scan.png", svg]] as const) {
      await expectNothingWritten(s.group.organizationId, () => attachScan(s.facilitator, s.response.id, { name, bytes }), {
        code: "INVALID",
        message: "mail.scans.errors.unsupportedType",
      });
    }
    expect(await db.responseScan.count({ where: { responseId: s.response.id } })).toBe(0);
  });

  it("refuses a file over MAX_UPLOAD_MB, and an empty file; the limit itself is allowed", async () => {
    const s = await makeScanScenario();
    const pngOfSize = (size: number) => Buffer.concat([tinyPng(), Buffer.alloc(size - tinyPng().length)]);
    await expectNothingWritten(s.group.organizationId, () => attachScan(s.facilitator, s.response.id, { name: "big.png", bytes: pngOfSize(MB + 1) }), {
      code: "INVALID",
      message: "mail.scans.errors.tooLarge",
    });
    await expectNothingWritten(s.group.organizationId, () => attachScan(s.facilitator, s.response.id, { name: "empty.png", bytes: Buffer.alloc(0) }), {
      code: "INVALID",
      message: "mail.scans.errors.empty",
    });
    await expect(attachScan(s.facilitator, s.response.id, { name: "limit.png", bytes: pngOfSize(MB) })).resolves.toMatchObject({ byteSize: MB });
  });

  it("a member of the group cannot attach: NOT_FOUND, nothing written", async () => {
    const s = await makeScanScenario();
    await expectNothingWritten(s.group.organizationId, () => attachScan(s.memberCtx, s.response.id, { name: "x.png", bytes: tinyPng() }), { code: "NOT_FOUND" });
  });

  it("a facilitator of another group gets NOT_FOUND, even with a valid file; nothing written", async () => {
    const s = await makeScanScenario();
    const other = await makeScanScenario();
    await expectNothingWritten(s.group.organizationId, () => attachScan(other.facilitator, s.response.id, { name: "x.png", bytes: tinyPng() }), {
      code: "NOT_FOUND",
    });
    // The organizer of another organization, too; and the refusal comes before the file is looked at.
    const stranger = await contextOf(await makeOrganizer(other.group.organizationId), other.group.slug);
    await expectNothingWritten(s.group.organizationId, () => attachScan(stranger, s.response.id, { name: "x.html", bytes: Buffer.from("<html>") }), {
      code: "NOT_FOUND",
    });
    await expectNothingWritten(s.group.organizationId, () => attachScan(s.facilitator, "no-such-response", { name: "x.png", bytes: tinyPng() }), {
      code: "NOT_FOUND",
    });
  });

  it("the organizer of the group's organization may attach", async () => {
    const s = await makeScanScenario();
    const organizer = await contextOf(await makeOrganizer(s.group.organizationId), s.group.slug);
    await expect(attachScan(organizer, s.response.id, { name: "a.pdf", bytes: tinyPdf() })).resolves.toMatchObject({ contentType: "application/pdf" });
  });

  it("the same bytes sent again (double click, retry, at once) make one scan and one stored file", async () => {
    const s = await makeScanScenario();
    const files = filesOnDisk();
    const bytes = tinyJpeg();
    const results = await Promise.all(Array.from({ length: 6 }, () => attachScan(s.facilitator, s.response.id, { name: "scan.jpg", bytes })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db.responseScan.count({ where: { responseId: s.response.id } })).toBe(1);
    expect(filesOnDisk().length).toBe(files.length + 1);
    // Different bytes are a different scan.
    await attachScan(s.facilitator, s.response.id, { name: "scan.jpg", bytes: tinyPdf("page two") });
    expect(await db.responseScan.count({ where: { responseId: s.response.id } })).toBe(2);
  });

  it("when the database write fails, no row remains and the stored bytes are deleted", async () => {
    const s = await makeScanScenario();
    // A real failure inside the transaction, after the StoredFile row is made: a trigger that
    // refuses the ResponseScan row of this one response.
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION studypack_test_refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER studypack_test_refuse BEFORE INSERT ON "ResponseScan" FOR EACH ROW WHEN (NEW."responseId" = '${s.response.id.replace(/[^a-z0-9]/g, "")}') EXECUTE FUNCTION studypack_test_refuse()`,
    );
    try {
      const files = filesOnDisk();
      await expect(attachScan(s.facilitator, s.response.id, { name: "x.png", bytes: tinyPng() })).rejects.toThrow(/refused by test/);
      expect(await db.storedFile.count({ where: { organizationId: s.group.organizationId } })).toBe(0);
      expect(filesOnDisk()).toEqual(files);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS studypack_test_refuse ON "ResponseScan"`);
      await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS studypack_test_refuse()`);
    }
  });
});

describe("listScans", () => {
  it("is for staff of the response's group only", async () => {
    const s = await makeScanScenario();
    await attachScan(s.facilitator, s.response.id, { name: "a.png", bytes: tinyPng() });
    expect(await listScans(s.facilitator, s.response.id)).toHaveLength(1);
    await expect(listScans(s.memberCtx, s.response.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const other = await makeScanScenario();
    await expect(listScans(other.facilitator, s.response.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("openScanForDownload", () => {
  async function scenarioWithScan() {
    const s = await makeScanScenario();
    const bytes = tinyPdf("My letter");
    const scan = await attachScan(s.facilitator, s.response.id, { name: "Carta de María.pdf", bytes });
    return { ...s, scan, bytes };
  }

  it("gives the facilitators and organizers of the group the bytes, type, name and size", async () => {
    const s = await scenarioWithScan();
    const organizer = await makeOrganizer(s.group.organizationId);
    const secondFacilitator = await makeFacilitator(s.group.id);
    for (const user of [s.facilitator.user, organizer, secondFacilitator]) {
      const file = await openScanForDownload(user, s.scan.id);
      expect(file).toMatchObject({ contentType: "application/pdf", filename: "Carta de María.pdf", byteSize: s.bytes.length });
      expect((await buffer(file.stream)).equals(s.bytes)).toBe(true);
    }
    // Each download is in the audit log, naming the writer whose letter it is.
    const audit = await db.auditLog.findMany({ where: { action: "scan.download", entityId: s.scan.id }, select: { actorId: true, groupId: true, personId: true } });
    expect(audit).toHaveLength(3);
    expect(new Set(audit.map((a) => a.actorId))).toEqual(new Set([s.facilitator.user.id, organizer.id, secondFacilitator.id]));
    expect(audit.every((a) => a.groupId === s.group.id && a.personId === s.mailMember.personId)).toBe(true);
  });

  it("is NOT_FOUND for members of the group, staff of other groups, strangers and unknown ids", async () => {
    const s = await scenarioWithScan();
    const other = await makeScanScenario();
    const { user: anotherMember } = await makeMember(s.group);
    const otherOrganizer = await makeOrganizer(other.group.organizationId);
    const denied: CurrentUser[] = [s.memberCtx.user, anotherMember!, other.facilitator.user, otherOrganizer, await makeUser()];
    for (const user of denied) {
      await expect(openScanForDownload(user, s.scan.id)).rejects.toMatchObject({ code: "NOT_FOUND", message: "errors.notFound" });
    }
    await expect(openScanForDownload(s.facilitator.user, "cnosuchfile0000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditLog.count({ where: { action: "scan.download", entityId: s.scan.id } })).toBe(0);
  });

  it("a facilitator removed from the group loses access at once", async () => {
    const s = await scenarioWithScan();
    await db.facilitator.deleteMany({ where: { groupId: s.group.id, userId: s.facilitator.user.id } });
    await expect(openScanForDownload(s.facilitator.user, s.scan.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a member who is also a facilitator of another group gets nothing here", async () => {
    const s = await scenarioWithScan();
    const other = await makeScanScenario();
    await makeFacilitator(other.group.id, s.memberCtx.user);
    await expect(openScanForDownload(s.memberCtx.user, s.scan.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("serves only scans: a generated file is NOT_FOUND here, even for the organizer", async () => {
    const s = await makeScanScenario();
    const organizer = await makeOrganizer(s.group.organizationId);
    const generated = await storeGeneratedFile(s.group.organizationId, "print-runs", "application/pdf", Readable.from([tinyPdf()]));
    await expect(openScanForDownload(organizer, generated.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a row whose bytes are missing is a server error, not a quiet 404", async () => {
    const s = await scenarioWithScan();
    const row = await db.storedFile.findUniqueOrThrow({ where: { id: s.scan.id }, select: { storageKey: true } });
    rmSync(path.join(storageDir, row.storageKey));
    await expect(openScanForDownload(s.facilitator.user, s.scan.id)).rejects.toBeInstanceOf(StorageNotFoundError);
  });
});

describe("storeGeneratedFile", () => {
  it("streams a generated file to storage and records its size and hash", async () => {
    const s = await makeScanScenario();
    const parts = [tinyPdf("page 1"), Buffer.alloc(300_000, 0x20)];
    const all = Buffer.concat(parts);
    const file = await storeGeneratedFile(s.group.organizationId, `print-runs/${s.pack.id}`, "application/pdf", Readable.from(parts), {
      filename: "Pack 1 – print run",
      createdById: s.facilitator.user.id,
    });
    expect(file).toMatchObject({ filename: "Pack 1 – print run.pdf", contentType: "application/pdf", byteSize: all.length });
    expect(file.storageKey.startsWith(`print-runs/${s.pack.id}/`)).toBe(true);
    const { createHash } = await import("node:crypto");
    expect(file.sha256).toBe(createHash("sha256").update(all).digest("hex"));
    expect(readFileSync(path.join(storageDir, file.storageKey)).equals(all)).toBe(true);
  });

  it("a generator that fails half-way leaves no row and no file", async () => {
    const s = await makeScanScenario();
    const failing = new Readable({
      read() {
        this.push(tinyPdf());
        this.destroy(new Error("renderer crashed"));
      },
    });
    await expectNothingWritten(s.group.organizationId, () => storeGeneratedFile(s.group.organizationId, "print-runs", "application/pdf", failing), {
      message: "renderer crashed",
    });
  });

  it("refuses key prefixes and content types that are not plain", async () => {
    const s = await makeScanScenario();
    for (const prefix of ["../x", "/abs", "Scans", "a/b/c/d", ""]) {
      await expect(storeGeneratedFile(s.group.organizationId, prefix, "application/pdf", Readable.from([]))).rejects.toThrow(/bad key prefix/);
    }
    await expect(storeGeneratedFile(s.group.organizationId, "print-runs", "text/html\r\nX: y", Readable.from([]))).rejects.toThrow(/bad content type/);
  });
});

describe("a letter's scan (the transcription desk, decision 032)", () => {
  it("is stored once and attached to every answer of the letter; sending it again adds nothing", async () => {
    const { letterResponseIds } = await import("@/lib/data/transcriptions");
    const s = await makeScanScenario();
    const ids = await letterResponseIds(s.facilitator, { packNumber: 1, memberId: s.mailMember.id });
    expect(ids).toHaveLength(s.prompts.length);
    expect(ids).toContain(s.response.id);
    const before = filesOnDisk().length;
    const scan = await attachScan(s.facilitator, ids, { name: "letter.png", bytes: tinyPng() });
    const again = await attachScan(s.facilitator, ids, { name: "letter.png", bytes: tinyPng() });
    expect(again.id).toBe(scan.id);
    expect(filesOnDisk().length).toBe(before + 1);
    expect(await db.responseScan.count({ where: { fileId: scan.id } })).toBe(s.prompts.length);
    // The empty rows are drafts with nothing typed: not answers.
    expect(await db.response.count({ where: { memberId: s.mailMember.id, status: "SUBMITTED" } })).toBe(1);
  });
});
