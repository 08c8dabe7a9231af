// The restore drill (issue 18, point 2; docs/decisions/036-backup-and-restore.md): a running
// Studypack is backed up with `npm run backup` while a writer submits responses, the backup is
// restored with `npm run restore` into a fresh folder, that installation is started, and its
// database is compared with the source:
//   - every table in public except the writer's two equals the source's (row count and an md5
//     over all rows), and every stored file a StoredFile row names is there with its sha256;
//   - each write of the writer (a submit: the response's new version and its ResponseVersion row,
//     one transaction) is judged by its commit's place in the WAL against the backup's end:
//     committed before pg_backup_stop → present, begun after the backup's last WAL segment →
//     absent, and in between either whole or absent; a write acknowledged before the backup
//     began is therefore always there. No response is half-written (its version, its body and
//     its newest ResponseVersion agree).
// The writer writes in SQL straight to the instance's database: each write is one committed
// transaction, and the WAL position before and after it is known exactly.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import PgBoss from "pg-boss";
import { slotDir, slotPorts, startStudypack, type Instance } from "./studypack";

const SOURCE_SLOT = 10;
const RESTORED_SLOT = 11;
// The writer's own tables; its submits also move the progress rollups (Progress*, kept by
// triggers), which are checked against a rebuild from the restored base tables instead.
const WRITER_TABLES = new Set(["Response", "ResponseVersion", "StoredFile"]);
const isRollup = (table: string) => table.startsWith("Progress");

type Write = { id: string; responseId: string; version: number; body: string; lsnBefore: bigint; lsnAfter: bigint; file?: { key: string; sha256: string } };

function lsn(text: string): bigint {
  const [high, low] = text.split("/");
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => resolve({ code, output }));
  });
}

async function tableChecksums(client: pg.Client): Promise<Map<string, string>> {
  const tables = await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
  const sums = new Map<string, string>();
  for (const { name } of tables.rows) {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    const row = await client.query<{ n: string; md5: string }>(`SELECT count(*)::text AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM ${quoted} t`);
    sums.set(name, `${row.rows[0]!.n} rows, md5 ${row.rows[0]!.md5}`);
  }
  return sums;
}

/**
 * Submits responses until stopped: each write gives one response its next version, in one
 * transaction, as a submit does; every tenth also stores a file first and then its StoredFile row.
 */
function startWriter(instance: Instance, client: pg.Client, organizationId: string, responseIds: string[]) {
  const writes: Write[] = [];
  let running = true;
  let n = 0;
  const done = (async () => {
    while (running) {
      const responseId = responseIds[n % responseIds.length]!;
      const id = `drill-${n}-${randomBytes(4).toString("hex")}`;
      const body = `drill answer ${n} ${randomBytes(24).toString("hex")}`;
      const before = await client.query<{ lsn: string }>("SELECT pg_current_wal_insert_lsn()::text AS lsn");
      let file: Write["file"];
      if (n % 10 === 0) {
        const bytes = randomBytes(2048 + (n % 7) * 1000);
        const key = `drill/${id}.bin`;
        mkdirSync(path.join(instance.storageDir, "drill"), { recursive: true });
        writeFileSync(path.join(instance.storageDir, key), bytes);
        file = { key, sha256: createHash("sha256").update(bytes).digest("hex") };
      }
      await client.query("BEGIN");
      const updated = await client.query<{ version: number }>(
        `UPDATE "Response" SET "version" = "version" + 1, "body" = $2, "status" = 'SUBMITTED', "submittedAt" = now(), "updatedAt" = now() WHERE "id" = $1 RETURNING "version"`,
        [responseId, body],
      );
      const version = updated.rows[0]!.version;
      await client.query(`INSERT INTO "ResponseVersion" ("id", "responseId", "version", "body", "createdAt") VALUES ($1, $2, $3, $4, now())`, [id, responseId, version, body]);
      if (file) {
        await client.query(
          `INSERT INTO "StoredFile" ("id", "organizationId", "storageKey", "filename", "contentType", "byteSize", "sha256", "createdAt") VALUES ($1, $2, $3, 'drill.bin', 'application/octet-stream', $4, $5, now())`,
          [id, organizationId, file.key, 2048 + (n % 7) * 1000, file.sha256],
        );
      }
      await client.query("COMMIT");
      const after = await client.query<{ lsn: string }>("SELECT pg_current_wal_insert_lsn()::text AS lsn");
      writes.push({ id, responseId, version, body, lsnBefore: lsn(before.rows[0]!.lsn), lsnAfter: lsn(after.rows[0]!.lsn), file });
      n++;
    }
  })();
  return {
    writes,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

test("a backup made under writes restores into a fresh folder with every table as at the backup's moment", async () => {
  test.setTimeout(300_000);
  const began = Date.now();
  const source = await startStudypack({ slot: SOURCE_SLOT });
  const restoredDir = slotDir(RESTORED_SLOT);
  let restored: Instance | undefined;
  const client = new pg.Client({ connectionString: source.databaseUrl });
  let clientOpen = true;
  try {
    await client.connect();
    const responses = await client.query<{ id: string }>(`SELECT "id" FROM "Response" ORDER BY "id"`);
    expect(responses.rows.length, "the demo data has responses to submit again").toBeGreaterThan(0);
    const organization = await client.query<{ id: string }>(`SELECT "id" FROM "Organization" ORDER BY "id" LIMIT 1`);
    const sumsBeforeWriter = await tableChecksums(client);
    const writer = startWriter(source, client, organization.rows[0]!.id, responses.rows.map((r) => r.id));

    // Some writes acknowledged before the backup begins; the writer goes on during it.
    await expect.poll(() => writer.writes.length, { timeout: 10_000 }).toBeGreaterThan(20);
    const acknowledgedBeforeBackup = writer.writes.length;
    const backupFile = path.join(source.dir, "drill-backup.tar.gz");
    const backupStarted = Date.now();
    const backup = await run("scripts/backup.ts", [backupFile], {
      EMBEDDED_PG_DIR: source.dataDir,
      EMBEDDED_PG_PORT: String(source.pgPort),
      STORAGE_DIR: source.storageDir,
      DATABASE_URL: "",
    });
    const backupSeconds = (Date.now() - backupStarted) / 1000;
    expect(backup.code, backup.output).toBe(0);
    await writer.stop();
    const stopLsnText = /as of WAL position ([0-9A-F]+\/[0-9A-F]+)/.exec(backup.output)?.[1];
    expect(stopLsnText, backup.output).toBeTruthy();
    const stopLsn = lsn(stopLsnText!);
    const segmentBytes = BigInt((await client.query<{ b: string }>("SELECT pg_size_bytes(current_setting('wal_segment_size'))::text AS b")).rows[0]!.b);
    const afterLastSegment = (stopLsn / segmentBytes + 1n) * segmentBytes;
    const writesDuringBackup = writer.writes.length - acknowledgedBeforeBackup;
    expect(writesDuringBackup, "the writer kept writing while the backup ran").toBeGreaterThan(0);

    const sourceSums = await tableChecksums(client);
    await client.end();
    clientOpen = false;
    const sourceExit = await source.stop();
    expect(sourceExit.code).toBe(0);

    // Restore into another slot's fresh folder, with the restore command an operator runs.
    rmSync(restoredDir, { recursive: true, force: true });
    mkdirSync(restoredDir, { recursive: true });
    const { pgPort } = slotPorts(RESTORED_SLOT);
    const restoreEnv = {
      EMBEDDED_PG_DIR: path.join(restoredDir, "pg"),
      EMBEDDED_PG_PORT: String(pgPort),
      STORAGE_DIR: path.join(restoredDir, "files"),
      DATABASE_URL: "",
    };
    const restoreStarted = Date.now();
    const restore = await run("scripts/restore.ts", [backupFile], restoreEnv);
    const restoreSeconds = (Date.now() - restoreStarted) / 1000;
    expect(restore.code, restore.output).toBe(0);

    // A second restore over it is refused without --force, and changes nothing.
    const again = await run("scripts/restore.ts", [backupFile], restoreEnv);
    expect(again.code).toBe(1);
    expect(again.output).toContain("--force");

    // The restored installation runs the daily backup; two older daily ones and a hand-made one are there.
    const backupDir = path.join(restoredDir, "backups");
    mkdirSync(backupDir, { recursive: true });
    const olderDaily = ["studypack-daily-20261201-031500Z.tar.gz", "studypack-daily-20261202-031500Z.tar.gz"];
    for (const name of [...olderDaily, "studypack-20261130-120000Z.tar.gz"]) writeFileSync(path.join(backupDir, name), "older");
    restored = await startStudypack({ slot: RESTORED_SLOT, keep: true, env: { BACKUP_DAILY: "on", BACKUP_KEEP: "2", BACKUP_DIR: backupDir } });
    const check = new pg.Client({ connectionString: restored.databaseUrl });
    await check.connect();
    try {
      // The writer changed its tables and the rollups, and nothing else changed meanwhile.
      const changed = [...sourceSums.keys()].filter((name) => sourceSums.get(name) !== sumsBeforeWriter.get(name));
      expect(changed.filter((name) => !WRITER_TABLES.has(name) && !isRollup(name)), "tables changed by something other than the writer").toEqual([]);
      // Every table the writer did not change is exactly as in the source.
      const restoredSums = await tableChecksums(check);
      const unchanged = (sums: Map<string, string>) => [...sums].filter(([name]) => !changed.includes(name) && !WRITER_TABLES.has(name));
      expect(unchanged(restoredSums)).toEqual(unchanged(sourceSums));
      expect(unchanged(sourceSums).length).toBeGreaterThan(20);
      // The rollups are what a rebuild from the restored base tables gives (tried, then rolled back).
      const rollups = (sums: Map<string, string>) => [...sums].filter(([name]) => isRollup(name));
      await check.query("BEGIN");
      await check.query("SELECT progress_rebuild()");
      const rebuilt = await tableChecksums(check);
      await check.query("ROLLBACK");
      expect(rollups(restoredSums)).toEqual(rollups(rebuilt));
      expect(rollups(restoredSums).length).toBeGreaterThan(3);

      // The writer's writes, judged by where their commits fall in the WAL.
      const present = new Set((await check.query<{ id: string }>(`SELECT "id" FROM "ResponseVersion" WHERE "id" LIKE 'drill-%'`)).rows.map((r) => r.id));
      const mustBeThere = writer.writes.filter((w) => w.lsnAfter <= stopLsn);
      const mustBeGone = writer.writes.filter((w) => w.lsnBefore >= afterLastSegment);
      expect(mustBeThere.length).toBeGreaterThanOrEqual(acknowledgedBeforeBackup);
      expect(mustBeThere.filter((w) => !present.has(w.id)).map((w) => w.id), "committed before the backup's end, missing").toEqual([]);
      expect(mustBeGone.filter((w) => present.has(w.id)).map((w) => w.id), "begun after the backup's last WAL, present").toEqual([]);
      expect(writer.writes.slice(0, acknowledgedBeforeBackup).every((w) => present.has(w.id))).toBe(true);
      for (const id of present) expect(writer.writes.some((w) => w.id === id), `${id} was written by the writer`).toBe(true);

      // Nothing half-written: each response's version and body are those of its newest version row,
      // and every version row of a present write is whole.
      const heads = await check.query<{ id: string; version: number; body: string; newest: number | null; newestBody: string | null }>(
        `SELECT r."id", r."version", r."body", v."version" AS newest, v."body" AS "newestBody"
           FROM "Response" r
           LEFT JOIN LATERAL (SELECT "version", "body" FROM "ResponseVersion" WHERE "responseId" = r."id" ORDER BY "version" DESC LIMIT 1) v ON true`,
      );
      for (const head of heads.rows) {
        if (head.newest === null) continue;
        expect({ id: head.id, version: head.version, body: head.body }).toEqual({ id: head.id, version: head.newest, body: head.newestBody });
      }
      const versions = await check.query<{ id: string; body: string; version: number; responseId: string }>(`SELECT "id", "body", "version", "responseId" FROM "ResponseVersion" WHERE "id" LIKE 'drill-%'`);
      for (const row of versions.rows) {
        const write = writer.writes.find((w) => w.id === row.id)!;
        expect({ body: row.body, version: row.version, responseId: row.responseId }).toEqual({ body: write.body, version: write.version, responseId: write.responseId });
      }

      // Every file a StoredFile row names is there, byte for byte.
      const files = await check.query<{ storageKey: string; sha256: string }>(`SELECT "storageKey", "sha256" FROM "StoredFile"`);
      expect(files.rows.some((f) => f.storageKey.startsWith("drill/"))).toBe(true);
      for (const file of files.rows) {
        const bytes = readFileSync(path.join(restored.storageDir, ...file.storageKey.split("/")));
        expect(createHash("sha256").update(bytes).digest("hex"), file.storageKey).toBe(file.sha256);
      }

      // The restored app answers; a restore into the running installation is refused.
      expect((await fetch(`${restored.url}/api/health`)).status).toBe(200);
      const whileRunning = await run("scripts/restore.ts", [backupFile, "--force"], restoreEnv);
      expect(whileRunning.code).toBe(1);
      expect(whileRunning.output).toContain("is running");

      // The daily backup job, queued now rather than at 03:15: one new file, the oldest daily one deleted.
      const boss = new PgBoss({ connectionString: restored.databaseUrl, schema: "pgboss", supervise: false, schedule: false, migrate: false });
      boss.on("error", () => undefined);
      await boss.start();
      await expect.poll(() => boss.send("daily-backup", {}).then((id) => Boolean(id), () => false), { timeout: 30_000 }).toBe(true);
      await boss.stop({ graceful: false });
      const daily = () => readdirSync(backupDir).filter((name) => /^studypack-daily-\d{8}-\d{6}Z\.tar\.gz$/.test(name) && !olderDaily.includes(name));
      await expect.poll(daily, { timeout: 60_000, message: restored.output().slice(-2000) }).toHaveLength(1);
      expect(readdirSync(backupDir).sort()).toEqual([olderDaily[1], "studypack-20261130-120000Z.tar.gz", daily()[0]].sort());
      expect(statSync(path.join(backupDir, daily()[0]!)).size).toBeGreaterThan(1_000_000);

      console.log(
        `drill: ${writer.writes.length} writes (${acknowledgedBeforeBackup} before the backup, ${writesDuringBackup} during it), ` +
          `${present.size} in the restored database; backup ${backupSeconds.toFixed(1)} s, restore ${restoreSeconds.toFixed(1)} s, ` +
          `drill ${((Date.now() - began) / 1000).toFixed(0)} s\n${backup.output.trim()}`,
      );
    } finally {
      await check.end();
    }
  } finally {
    if (clientOpen) await client.end().catch(() => undefined);
    await source.stop();
    await restored?.stop();
  }
});
