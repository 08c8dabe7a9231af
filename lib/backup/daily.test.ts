// The daily backup against the test run's real PostgreSQL (a local embedded server, like
// production's): the archive's layout, the retention, and the files-only backup of a database
// that is not ours.
import { createReadStream } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import pg from "pg";
import tar from "tar-stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDailyBackup } from "./daily";
import { parseManifest } from "./layout";

const url = process.env.DATABASE_URL!;
let dataDir: string;
let work: string;

async function entries(file: string): Promise<Map<string, Buffer | null>> {
  const found = new Map<string, Buffer | null>();
  const extract = tar.extract();
  const reading = pipeline(createReadStream(file), createGunzip(), extract);
  for await (const entry of extract) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    found.set(entry.header.name, entry.header.type === "directory" ? null : Buffer.concat(chunks));
  }
  await reading;
  return found;
}

beforeAll(async () => {
  const client = new pg.Client(url);
  await client.connect();
  dataDir = (await client.query<{ dir: string }>("SELECT current_setting('data_directory') AS dir")).rows[0]!.dir;
  await client.end();
  work = await mkdtemp(path.join(os.tmpdir(), "studypack-backup-test-"));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("the daily backup", () => {
  it("writes the database, its WAL and the stored files into one archive, and keeps the newest N daily ones", async () => {
    const backupDir = path.join(work, "backups");
    const storageDir = path.join(work, "files");
    await mkdir(path.join(storageDir, "org1"), { recursive: true });
    await writeFile(path.join(storageDir, "org1", "scan.pdf"), "%PDF scan");
    await writeFile(path.join(storageDir, "org1", ".scan2.pdf.abc123.tmp"), "half");
    await mkdir(backupDir, { recursive: true });
    const older = ["01", "02", "03"].map((day) => `studypack-daily-202612${day}-031500Z.tar.gz`);
    for (const name of [...older, "studypack-20261130-090000Z.tar.gz", "keep-me.txt", "studypack-daily-20261203-031500Z.tar.gz.partial"]) await writeFile(path.join(backupDir, name), "old");

    const { backup, deleted } = await runDailyBackup({ databaseUrl: url, embeddedDataDir: dataDir, storageDir, backupDir, keep: 2, now: new Date("2026-12-04T03:15:00Z") });

    expect(path.basename(backup.file)).toBe("studypack-daily-20261204-031500Z.tar.gz");
    expect(deleted.sort()).toEqual([older[0], older[1]]);
    expect((await readdir(backupDir)).sort()).toEqual([older[2], "keep-me.txt", "studypack-20261130-090000Z.tar.gz", "studypack-daily-20261204-031500Z.tar.gz"].sort());

    const archive = await entries(backup.file);
    const names = [...archive.keys()];
    const manifest = parseManifest(archive.get("studypack-backup.json")!.toString());
    expect(manifest.database).toBe("embedded");
    expect(manifest.storage).toEqual({ kind: "local", files: 1, bytes: 9 });
    expect(archive.get("pg/backup_label")!.toString()).toContain(`START WAL LOCATION`);
    expect(names).toContain("pg/PG_VERSION");
    expect(names).toContain("pg/global/pg_control");
    expect(names.indexOf("pg/global/pg_control")).toBeGreaterThan(names.findLastIndex((name) => name.startsWith("pg/base/")));
    for (const segment of manifest.postgres!.walSegments) expect(archive.get(`pg/pg_wal/${segment}`)!.length).toBe(16 * 1024 * 1024);
    for (const dir of ["pg/pg_wal", "pg/pg_wal/archive_status", "pg/pg_replslot", "pg/pg_stat_tmp"]) expect(archive.get(dir), dir).toBeNull();
    expect(names.filter((name) => /postmaster\.(pid|opts)$/.test(name))).toEqual([]);
    expect(names.filter((name) => name.startsWith("pg/pg_wal/") && !name.endsWith("/archive_status") && !name.endsWith("/summaries"))).toHaveLength(manifest.postgres!.walSegments.length);
    expect(archive.get("files/org1/scan.pdf")!.toString()).toBe("%PDF scan");
    expect(names.some((name) => name.includes(".tmp"))).toBe(false);
    expect(names.at(-1)).toBe("studypack-backup.json");
  });

  it("holds only the stored files when the database is not the embedded one, never the backups folder inside them", async () => {
    const storageDir = path.join(work, "files-external");
    const backupDir = path.join(storageDir, "backups");
    await mkdir(backupDir, { recursive: true });
    await writeFile(path.join(backupDir, "studypack-20261130-090000Z.tar.gz"), "an earlier backup");
    await mkdir(storageDir, { recursive: true });
    await writeFile(path.join(storageDir, "a.pdf"), "A");
    const lines: string[] = [];
    const { backup } = await runDailyBackup({ databaseUrl: url, embeddedDataDir: work, storageDir, backupDir, keep: 7, log: (line) => lines.push(line) });
    const archive = await entries(backup.file);
    expect([...archive.keys()].filter((name) => name.startsWith("pg/"))).toEqual([]);
    expect(parseManifest(archive.get("studypack-backup.json")!.toString()).database).toBe("external");
    expect(archive.get("files/a.pdf")!.toString()).toBe("A");
    expect([...archive.keys()].filter((name) => name.includes("backups"))).toEqual([]);
    expect(lines.join("\n")).toContain("its backup is yours");
  });
});
