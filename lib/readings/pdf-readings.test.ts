// PDF readings end to end on the server: uploaded through the real route handlers by a
// facilitator, refused with nothing stored, replaced (old row, then old bytes, gone), and served
// to exactly the people who may read them. Real database, real local storage in a temporary
// folder; MAX_READING_MB is 1 so the size limit can be tried with small files.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { authorizeCourse } from "@/lib/authz";
import { updateReading } from "@/lib/data/courses";
import { READING_PDF_POLICY } from "@/lib/readings/http";
import { PDF_READING_ERRORS } from "@/lib/readings/inspect";
import { makeFacilitator, makeGroup, makeMember, makeUser } from "@/tests/factories";
import { makeLesson, makeReading } from "@/tests/factories/course";
import { tinyPng } from "@/tests/factories/files";
import { encryptedPdf, garbagePdf, javascriptPdf, scanPdf, textPdf, truncatedPdf } from "@/tests/factories/pdf-readings";
import { sessionCookie } from "@/tests/factories/session";
import { POST as addRoute } from "@/app/api/courses/[courseId]/lessons/[lessonId]/readings/pdf/route";
import { POST as saveRoute } from "@/app/api/courses/[courseId]/lessons/[lessonId]/readings/[readingId]/pdf/route";
import { GET as serveRoute } from "@/app/api/readings/[readingId]/pdf/route";

const { storageDir } = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const os = await import("node:os");
  const nodePath = await import("node:path");
  const dir = mkdtempSync(nodePath.join(os.tmpdir(), "studypack-readings-test-"));
  process.env.STORAGE_DIR = dir;
  process.env.MAX_READING_MB = "1";
  return { storageDir: dir };
});
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const ORIGIN = "http://studypack.test";

function filesOnDisk(): string[] {
  return readdirSync(storageDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(storageDir, path.join(e.parentPath, e.name)))
    .sort();
}

type Scenario = Awaited<ReturnType<typeof scenario>>;

/** A group whose course has a lesson, its facilitator, and a member. */
async function scenario() {
  const group = await makeGroup();
  const lesson = await makeLesson(group.courseId);
  const facilitator = await makeFacilitator(group.id);
  const { user: member } = await makeMember(group);
  return { group, lesson, facilitator, member: member!, ref: { courseId: group.courseId, lessonId: lesson.id } };
}

async function cookieOf(user: { id: string } | null) {
  return user ? (await sessionCookie(user.id)).cookie : "";
}

function form(fields: Record<string, string>, file?: { bytes: Uint8Array; name: string }): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries({ author: "", source: "", pageRange: "", estimatedMinutes: "", ...fields })) data.set(key, value);
  if (file) data.set("file", new File([Buffer.from(file.bytes)], file.name, { type: "application/pdf" }));
  return data;
}

async function post(route: typeof addRoute, params: Record<string, string>, user: { id: string } | null, body: FormData) {
  const request = new Request(`${ORIGIN}/api/x`, { method: "POST", headers: { host: "studypack.test", origin: ORIGIN, cookie: await cookieOf(user) }, body });
  const response = await route(request, { params: Promise.resolve(params) });
  return { status: response.status, body: (await response.json()) as { ok: boolean; data?: { id: string }; code?: string; fieldErrors?: Record<string, string> } };
}

const upload = (s: Scenario, file: { bytes: Uint8Array; name: string }, title = "Chapter 3") => post(addRoute, s.ref, s.facilitator, form({ title }, file));

async function serve(readingId: string, user: { id: string } | null, query = "", headers: Record<string, string> = {}) {
  return serveRoute(new Request(`${ORIGIN}/api/readings/${readingId}/pdf${query}`, { headers: { host: "studypack.test", cookie: await cookieOf(user), ...headers } }), {
    params: Promise.resolve({ readingId }),
  });
}

describe("uploading a PDF reading", () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario();
  });

  it("a facilitator uploads a 12-page PDF with text: one StoredFile with its sha256, bytes in storage, the reading at the end", async () => {
    await makeReading(s.lesson.id);
    const bytes = await textPdf(12);
    const before = filesOnDisk();
    const { status, body } = await upload(s, { bytes, name: "Chapter 3.pdf" }, "Ch. 3 — <b>\"Naïve\"</b> 'quotes' 👩🏽‍🏫");
    expect(status).toBe(200);
    const reading = await db.reading.findUniqueOrThrow({ where: { id: body.data!.id }, include: { pdfFile: true } });
    expect(reading).toMatchObject({ position: 2, title: "Ch. 3 — <b>\"Naïve\"</b> 'quotes' 👩🏽‍🏫", bodyMarkdown: null, pdfPageCount: 12, pdfHasText: true });
    expect(reading.pdfFile).toMatchObject({
      contentType: "application/pdf",
      filename: "Chapter 3.pdf",
      byteSize: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      organizationId: s.group.organizationId,
      createdById: s.facilitator.id,
    });
    const added = filesOnDisk().filter((f) => !before.includes(f));
    expect(added).toHaveLength(1);
    expect(readFileSync(path.join(storageDir, added[0]!)).equals(Buffer.from(bytes))).toBe(true);
  });

  it("a scan is accepted with no text layer", async () => {
    const { status, body } = await upload(s, { bytes: await scanPdf(4), name: "scan.pdf" });
    expect(status).toBe(200);
    expect(await db.reading.findUniqueOrThrow({ where: { id: body.data!.id } })).toMatchObject({ pdfPageCount: 4, pdfHasText: false });
  });

  it("a PDF with JavaScript is stored without it", async () => {
    const { status, body } = await upload(s, { bytes: await javascriptPdf(3), name: "scripted.pdf" });
    expect(status).toBe(200);
    const reading = await db.reading.findUniqueOrThrow({ where: { id: body.data!.id }, include: { pdfFile: true } });
    expect(reading.pdfPageCount).toBe(3);
    const stored = readFileSync(path.join(storageDir, reading.pdfFile!.storageKey)).toString("latin1");
    expect(stored).not.toMatch(/JavaScript|OpenAction|app\.alert/);
  });

  it.each([
    ["encrypted", () => encryptedPdf(), 400, PDF_READING_ERRORS.encrypted],
    ["truncated", () => truncatedPdf(), 400, PDF_READING_ERRORS.damaged],
    ["garbage", async () => garbagePdf(), 400, PDF_READING_ERRORS.damaged],
    ["a PNG named .pdf", async () => new Uint8Array(tinyPng()), 400, PDF_READING_ERRORS.notPdf],
    ["over MAX_READING_MB", () => textPdf(1, { padBytes: 1100 * 1024 }), 413, PDF_READING_ERRORS.tooLarge],
  ])("refuses %s with its message, and stores nothing", async (_name, make, status, message) => {
    const bytes = await make();
    const [files, rows, readings] = [filesOnDisk(), await db.storedFile.count(), await db.reading.count()];
    const answer = await upload(s, { bytes, name: "reading.pdf" });
    expect(answer).toEqual({ status, body: { ok: false, code: status === 413 ? "TOO_LARGE" : "INVALID", fieldErrors: { file: message }, formError: null } });
    expect(filesOnDisk()).toEqual(files);
    expect(await db.storedFile.count()).toBe(rows);
    expect(await db.reading.count()).toBe(readings);
  });

  it("asks for a file when none is sent, and for a title before looking at the file", async () => {
    expect((await post(addRoute, s.ref, s.facilitator, form({ title: "No file" }))).body.fieldErrors).toEqual({ file: PDF_READING_ERRORS.noFile });
    expect((await post(addRoute, s.ref, s.facilitator, form({ title: "  " }, { bytes: await textPdf(1), name: "a.pdf" }))).body.fieldErrors).toHaveProperty("title");
  });

  it("someone who does not edit the course gets 404 and nothing is stored", async () => {
    const files = filesOnDisk();
    const stranger = await makeUser();
    for (const user of [stranger, s.member, null]) {
      const answer = await post(addRoute, s.ref, user, form({ title: "Mine" }, { bytes: await textPdf(1), name: "a.pdf" }));
      expect(answer.status).toBe(404);
    }
    // A lesson of another course, named with this course: not found either.
    const other = await scenario();
    expect((await post(addRoute, { ...s.ref, lessonId: other.lesson.id }, s.facilitator, form({ title: "x" }, { bytes: await textPdf(1), name: "a.pdf" }))).status).toBe(404);
    expect(filesOnDisk()).toEqual(files);
  });
});

describe("replacing and releasing a reading's PDF", () => {
  it("a new PDF replaces the old: the reading points at it, the old row and then the old bytes are gone", async () => {
    const s = await scenario();
    const first = await upload(s, { bytes: await textPdf(12), name: "first.pdf" });
    const readingId = first.body.data!.id;
    const old = (await db.reading.findUniqueOrThrow({ where: { id: readingId }, include: { pdfFile: true } })).pdfFile!;

    // Details only: the file stays.
    expect((await post(saveRoute, { ...s.ref, readingId }, s.facilitator, form({ title: "Renamed" }))).status).toBe(200);
    expect(await db.reading.findUniqueOrThrow({ where: { id: readingId } })).toMatchObject({ title: "Renamed", pdfFileId: old.id });

    // A refused replacement changes nothing.
    expect((await post(saveRoute, { ...s.ref, readingId }, s.facilitator, form({ title: "Renamed" }, { bytes: await encryptedPdf(), name: "x.pdf" }))).status).toBe(400);
    expect((await db.reading.findUniqueOrThrow({ where: { id: readingId } })).pdfFileId).toBe(old.id);

    const replaced = await post(saveRoute, { ...s.ref, readingId }, s.facilitator, form({ title: "Renamed" }, { bytes: await scanPdf(5), name: "scan.pdf" }));
    expect(replaced.status).toBe(200);
    const now = await db.reading.findUniqueOrThrow({ where: { id: readingId }, include: { pdfFile: true } });
    expect(now).toMatchObject({ pdfPageCount: 5, pdfHasText: false });
    expect(now.pdfFile!.id).not.toBe(old.id);
    expect(await db.storedFile.findUnique({ where: { id: old.id } })).toBeNull();
    expect(filesOnDisk()).not.toContain(old.storageKey);
    expect(filesOnDisk()).toContain(now.pdfFile!.storageKey);
  });

  it("a PDF reading turned into text lets go of its file; a text reading becomes a PDF one with a file", async () => {
    const s = await scenario();
    const readingId = (await upload(s, { bytes: await textPdf(2), name: "a.pdf" })).body.data!.id;
    const key = (await db.reading.findUniqueOrThrow({ where: { id: readingId }, include: { pdfFile: true } })).pdfFile!.storageKey;
    const ctx = await authorizeCourse(s.facilitator, s.ref.courseId);
    const saved = await updateReading(ctx, { ...s.ref, readingId }, { title: "Now text", author: "", source: "", pageRange: "", estimatedMinutes: null, bodyMarkdown: "Typed out." });
    expect(saved.releasedKey).toBe(key);
    expect(await db.reading.findUniqueOrThrow({ where: { id: readingId } })).toMatchObject({ bodyMarkdown: "Typed out.", pdfFileId: null, pdfPageCount: null, pdfHasText: null });

    const text = await makeReading(s.lesson.id);
    expect((await post(saveRoute, { ...s.ref, readingId: text.id }, s.facilitator, form({ title: "T" }))).body.fieldErrors).toEqual({ file: PDF_READING_ERRORS.noFile });
    expect((await post(saveRoute, { ...s.ref, readingId: text.id }, s.facilitator, form({ title: "T" }, { bytes: await textPdf(3), name: "t.pdf" }))).status).toBe(200);
    expect(await db.reading.findUniqueOrThrow({ where: { id: text.id } })).toMatchObject({ bodyMarkdown: null, pdfPageCount: 3, pdfHasText: true });
  });
});

describe("serving a PDF reading", () => {
  let s: Scenario;
  let readingId: string;
  let bytes: Uint8Array;
  let packId: string;
  beforeAll(async () => {
    s = await scenario();
    bytes = await textPdf(12);
    readingId = (await upload(s, { bytes, name: "Reading – Ünïcode.pdf" })).body.data!.id;
    const pack = await db.pack.create({ data: { groupId: s.group.id, number: 1, status: "PUBLISHED", publishedAt: new Date() }, select: { id: true } });
    await db.packLesson.create({ data: { packId: pack.id, lessonId: s.lesson.id, position: 1 } });
    packId = pack.id;
  });

  it("to a member of a group with a published pack holding it: inline, sandboxed, private", async () => {
    const response = await serve(readingId, s.member);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-disposition": expect.stringMatching(/^inline; filename="Reading _ Unicode.pdf"; filename\*=UTF-8''Reading%20%E2%80%93%20%C3%9Cn%C3%AFcode.pdf$/),
      "x-content-type-options": "nosniff",
      "content-security-policy": READING_PDF_POLICY,
      "cache-control": expect.stringMatching(/^private/),
      "content-length": String(bytes.length),
    });
    expect(READING_PDF_POLICY).toMatch(/^sandbox;/);
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);

    const download = await serve(readingId, s.member, "?download=1");
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; /);
    await download.body?.cancel();

    const again = await serve(readingId, s.member, "", { "if-none-match": response.headers.get("etag")! });
    expect(again.status).toBe(304);
  });

  it("404 to a member of another group, to nobody signed in, and for a text reading", async () => {
    const other = await scenario();
    expect((await serve(readingId, other.member)).status).toBe(404);
    expect((await serve(readingId, null)).status).toBe(404);
    const text = await makeReading(s.lesson.id);
    expect((await serve(text.id, s.facilitator)).status).toBe(404);
  });

  it("while the pack is a draft: 404 to its member, still served to the facilitator", async () => {
    await db.pack.update({ where: { id: packId }, data: { status: "DRAFT", publishedAt: null } });
    try {
      expect((await serve(readingId, s.member)).status).toBe(404);
      const staff = await serve(readingId, s.facilitator);
      expect(staff.status).toBe(200);
      await staff.body?.cancel();
    } finally {
      await db.pack.update({ where: { id: packId }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    }
  });

  it("404 to a member who has withdrawn", async () => {
    const { user } = await makeMember(s.group, { status: "WITHDRAWN" });
    expect((await serve(readingId, user)).status).toBe(404);
  });
});
