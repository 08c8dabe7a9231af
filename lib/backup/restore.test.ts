// Restore's refusals and its --force, on real folders and a real archive (files only, so no
// database needs to start; the database part is proven by the drill, tests/ops/backup-drill.spec.ts).
import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../db/free-port";
import { createBackup } from "./create";
import { restoreBackup, restoreRefusal } from "./restore";

let work: string;
let archive: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "studypack-restore-test-"));
  const source = path.join(work, "source-files");
  await mkdir(path.join(source, "org"), { recursive: true });
  await writeFile(path.join(source, "org", "print-run.pdf"), "backed up");
  archive = path.join(work, "files-only.tar.gz");
  await createBackup({ out: archive, storageDir: source });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("when a restore refuses", () => {
  const empty = { path: "/srv/pg", what: "database folder" as const, hasContent: false };
  const full = { path: "/srv/files", what: "storage folder" as const, hasContent: true };

  it("refuses while the database runs, even with --force", () => {
    expect(restoreRefusal({ serverRunning: "process 42", targets: [empty], force: true })).toMatch(/is running.*Stop Studypack first/);
  });

  it("refuses to replace a folder that holds something, unless --force", () => {
    expect(restoreRefusal({ serverRunning: null, targets: [empty, full], force: false })).toMatch(/storage folder \/srv\/files is not empty.*--force/);
    expect(restoreRefusal({ serverRunning: null, targets: [empty, full], force: true })).toBeNull();
    expect(restoreRefusal({ serverRunning: null, targets: [empty], force: false })).toBeNull();
  });
});

describe("restoring the stored files", () => {
  it("refuses a storage folder that holds files, and changes nothing", async () => {
    const storageDir = path.join(work, "occupied");
    await mkdir(storageDir);
    await writeFile(path.join(storageDir, "mine.pdf"), "present");
    await expect(restoreBackup({ file: archive, dataDir: path.join(work, "pg-unused"), port: await freePort(), storageDir, externalDatabase: true, force: false })).rejects.toThrow(/not empty.*--force/);
    expect(await readdir(storageDir)).toEqual(["mine.pdf"]);
    expect((await readdir(work)).filter((name) => name.includes(".restoring-"))).toEqual([]);
  });

  it("with --force moves the present folder aside and puts the backup's files in place", async () => {
    const storageDir = path.join(work, "forced");
    await mkdir(storageDir);
    await writeFile(path.join(storageDir, "mine.pdf"), "present");
    const result = await restoreBackup({ file: archive, dataDir: path.join(work, "pg-unused"), port: await freePort(), storageDir, externalDatabase: true, force: true });
    expect(result.movedAside).toHaveLength(1);
    expect(await readFile(path.join(result.movedAside[0]!, "mine.pdf"), "utf8")).toBe("present");
    expect(await readFile(path.join(storageDir, "org", "print-run.pdf"), "utf8")).toBe("backed up");
    expect(await readdir(storageDir)).toEqual(["org"]);
  });

  it("restores into a new folder without --force", async () => {
    const storageDir = path.join(work, "new", "files");
    const result = await restoreBackup({ file: archive, dataDir: path.join(work, "pg-unused"), port: await freePort(), storageDir, externalDatabase: true, force: false });
    expect(result.movedAside).toEqual([]);
    expect(await readFile(path.join(storageDir, "org", "print-run.pdf"), "utf8")).toBe("backed up");
  });

  it("refuses a damaged file, leaving the target as it was", async () => {
    const damaged = path.join(work, "damaged.tar.gz");
    await writeFile(damaged, await readFile(archive));
    await truncate(damaged, 60);
    const storageDir = path.join(work, "after-damaged");
    await expect(restoreBackup({ file: damaged, dataDir: path.join(work, "pg-unused"), port: await freePort(), storageDir, externalDatabase: true, force: false })).rejects.toThrow();
    expect(await readdir(storageDir).catch(() => "absent")).toBe("absent");
    expect((await readdir(work)).filter((name) => name.includes(".restoring-"))).toEqual([]);
  });

  it("refuses a backup that holds no database when the database is to be restored", async () => {
    await expect(
      restoreBackup({ file: archive, dataDir: path.join(work, "pg-new"), port: await freePort(), storageDir: path.join(work, "files-new"), externalDatabase: false, force: false }),
    ).rejects.toThrow(/holds no database/);
    expect(await readdir(path.join(work, "pg-new")).catch(() => "absent")).toBe("absent");
  });
});

describe("restoring the database", () => {
  it("refuses while the installation's server runs (a live postmaster.pid)", async () => {
    const dataDir = path.join(work, "pg-live");
    await mkdir(dataDir);
    await writeFile(path.join(dataDir, "postmaster.pid"), `${process.pid}\n${dataDir}\n`);
    await expect(restoreBackup({ file: archive, dataDir, port: await freePort(), storageDir: path.join(work, "files-live"), externalDatabase: false, force: true })).rejects.toThrow(/is running/);
    expect(await readdir(dataDir)).toEqual(["postmaster.pid"]);
  });
});
