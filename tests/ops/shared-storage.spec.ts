// Several web processes, one set of files (issue 18, point 6): two Studypack web processes on
// one database and one S3 bucket (s3rver on loopback, tests/setup/s3rver.ts), as a program with
// a second machine behind a load balancer would run them. A scan uploaded and a print run made
// through either process are downloaded whole from the other, and nothing is written to
// either process's own disk.
//
// Process A is a whole installation (embedded PostgreSQL, demo data, slot 25); process B
// (slot 26) is only a web process: DATABASE_URL points at A's database, so it starts none of its
// own. Both have the same AUTH_SECRET (the harness sets it). A print run is a job that either
// process's worker may take (pg-boss): which one ran it does not matter, which is the point.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, request as http, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { startS3rver, type S3Server } from "../setup/s3rver";
import { E2E } from "../e2e/env";
import { startStudypack, type Instance } from "./studypack";

const STAFF = { email: "facilitator@example.org", password: "studypack-demo" };
const GROUP = "intro";
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

let s3: S3Server | undefined;
let a: Instance | undefined;
let b: Instance | undefined;
let db: pg.Client | undefined;

test.afterAll(async () => {
  await db?.end();
  // B first: it uses A's database.
  await b?.stop();
  await a?.stop();
  await s3?.close();
});

/** An HTTP client signed in as `account` on one instance (next-auth's credentials endpoints). */
async function signedIn(instance: Instance, account: { email: string; password: string }): Promise<APIRequestContext> {
  // Connection: close, so no kept-alive socket is reused just as the server drops it as idle.
  const api = await http.newContext({ baseURL: instance.url, extraHTTPHeaders: { connection: "close" } });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await api.post("/api/auth/callback/credentials", { form: { csrfToken, ...account, json: "true" }, maxRedirects: 0 });
  expect([200, 302]).toContain(response.status());
  expect((await api.storageState()).cookies.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);
  return api;
}

/** The id Next.js gave a server action in this build (its manifest maps ids to export names). */
function actionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(E2E.distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const ids = Object.entries(manifest.node).filter(([, entry]) => entry.exportedName === exportedName);
  expect(ids, `one server action named ${exportedName}`).toHaveLength(1);
  return ids[0]![0];
}

/** Files under a folder (recursively); none when it does not exist. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** A PNG as the desk would upload it: the signature that the sniffing checks, then unique bytes. */
function scanBytes(): Buffer {
  return Buffer.concat([Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"), randomBytes(300_000)]);
}

type Target = { packNumber: number; memberId: string };

/** Through `via`: a letter's scan for the transcription desk; returns the scan's file id. */
async function uploadScan(via: Instance, api: APIRequestContext, target: Target, bytes: Buffer): Promise<string> {
  const response = await api.post(`/api/groups/${GROUP}/packs/${target.packNumber}/scans`, {
    headers: { origin: via.url },
    multipart: { memberId: target.memberId, file: { name: "letter.png", mimeType: "image/png", buffer: bytes } },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { data: { id: string } }).data.id;
}

/** Through `via`: "Make the print run" (the mail page's server action); returns the new run's id. */
async function startPrintRun(via: Instance, api: APIRequestContext, packNumber: number): Promise<string> {
  const before = await db!.query<{ id: string }>(`SELECT "id" FROM "PrintRun"`);
  const response = await api.post(`/groups/${GROUP}/packs/${packNumber}/mail`, {
    headers: { "next-action": actionId("startPrintRunAction"), "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: via.url },
    data: JSON.stringify([{ groupSlug: GROUP, packNumber }]),
  });
  expect(response.status(), await response.text()).toBe(200);
  const known = new Set(before.rows.map((row) => row.id));
  const { rows } = await db!.query<{ id: string }>(`SELECT "id" FROM "PrintRun" ORDER BY "createdAt" DESC LIMIT 5`);
  const fresh = rows.filter((row) => !known.has(row.id));
  expect(fresh, "the action started one new print run").toHaveLength(1);
  return fresh[0]!.id;
}

/** Waits, asking through `via`, until the run is done; returns its PDF as `via` serves it. */
async function printRunPdf(api: APIRequestContext, runId: string): Promise<Buffer> {
  await expect
    .poll(async () => ((await (await api.get(`/api/print-runs/${runId}`)).json()) as { status: string; error: string | null }), { timeout: 60_000, intervals: [250, 500, 1000] })
    .toMatchObject({ status: "DONE" });
  const response = await api.get(`/api/print-runs/${runId}/pdf`);
  expect(response.status()).toBe(200);
  return response.body();
}

async function download(api: APIRequestContext, fileId: string): Promise<Buffer> {
  const response = await api.get(`/api/files/${fileId}`);
  expect(response.status()).toBe(200);
  return response.body();
}

async function storedFile(fileId: string): Promise<{ storageKey: string; sha256: string; byteSize: number }> {
  const { rows } = await db!.query<{ storageKey: string; sha256: string; byteSize: number }>(
    `SELECT "storageKey", "sha256", "byteSize" FROM "StoredFile" WHERE "id" = $1`,
    [fileId],
  );
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

test("two web processes on one database and one S3 bucket serve each other's scans and print runs", async () => {
  test.setTimeout(150_000);
  const started = Date.now();
  s3 = await startS3rver({ bucket: "studypack-ops" });
  const s3Env = { S3_ENDPOINT: s3.endpoint, S3_BUCKET: s3.bucket, S3_ACCESS_KEY_ID: s3.accessKeyId, S3_SECRET_ACCESS_KEY: s3.secretAccessKey };
  a = await startStudypack({ slot: 25, env: s3Env });
  b = await startStudypack({ slot: 26, env: { ...s3Env, DATABASE_URL: a.databaseUrl } });
  const upMs = Date.now() - started;
  db = new pg.Client({ connectionString: a.databaseUrl });
  await db.connect();

  // The demo group's published pack and one of its mail members.
  const { rows } = await db.query<{ packNumber: number; memberId: string }>(
    `SELECT p."number" AS "packNumber", m."id" AS "memberId"
       FROM "Pack" p JOIN "Group" g ON g."id" = p."groupId" JOIN "Member" m ON m."groupId" = g."id"
      WHERE g."slug" = $1 AND p."publishedAt" IS NOT NULL AND m."channel" = 'MAIL' AND m."status" = 'ACTIVE'
      ORDER BY p."number" DESC, m."id" LIMIT 1`,
    [GROUP],
  );
  expect(rows).toHaveLength(1);
  const target = rows[0]!;

  const viaA = await signedIn(a, STAFF);
  const viaB = await signedIn(b, STAFF);
  const directions: [string, Instance, APIRequestContext, APIRequestContext][] = [
    ["A → B", a, viaA, viaB],
    ["B → A", b, viaB, viaA],
  ];
  for (const [direction, writer, writes, reads] of directions) {
    await test.step(`${direction}: a scan`, async () => {
      const bytes = scanBytes();
      const fileId = await uploadScan(writer, writes, target, bytes);
      const served = await download(reads, fileId);
      expect(served.length).toBe(bytes.length);
      expect(sha256(served)).toBe(sha256(bytes));
    });
    await test.step(`${direction}: a print run`, async () => {
      const runId = await startPrintRun(writer, writes, target.packNumber);
      const pdf = await printRunPdf(reads, runId);
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const { rows: runs } = await db!.query<{ fileId: string }>(`SELECT "fileId" FROM "PrintRun" WHERE "id" = $1`, [runId]);
      const file = await storedFile(runs[0]!.fileId);
      expect(pdf.length).toBe(file.byteSize);
      expect(sha256(pdf)).toBe(file.sha256);
      // And the process that started it serves the same bytes.
      expect(sha256(await printRunPdf(writes, runId))).toBe(file.sha256);
    });
  }

  // Every stored file is in the bucket, and none on either process's own disk.
  const { rows: files } = await db.query<{ storageKey: string }>(`SELECT "storageKey" FROM "StoredFile" WHERE "storageKey" LIKE 'scans/%' OR "storageKey" LIKE 'print-runs/%'`);
  expect(files.length).toBeGreaterThanOrEqual(4);
  const inBucket = filesUnder(path.join(s3.directory, s3.bucket));
  for (const { storageKey } of files) {
    expect(inBucket.some((file) => file.includes(storageKey)), `${storageKey} in the bucket`).toBe(true);
  }
  expect(filesUnder(a.storageDir)).toEqual([]);
  expect(filesUnder(b.storageDir)).toEqual([]);
  console.info(`shared storage: both processes up in ${upMs} ms, whole test ${Date.now() - started} ms, ${files.length} stored files in the bucket`);
});
