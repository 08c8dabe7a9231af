// Deleting stored bytes waits while a backup copies the stored files (lib/backup/storage-lock.ts):
// a backup's database may still name a file whose row went after the backup's moment.
import { rmSync } from "node:fs";
import pg from "pg";
import { afterAll, expect, it, vi } from "vitest";
import { STORAGE_BACKUP_LOCK_SQL, STORAGE_BACKUP_UNLOCK_SQL } from "@/lib/backup/storage-lock";
import { databaseUrl } from "@/lib/env";
import { deleteStoredBytes } from "@/lib/retention/stored-files";
import { newStorageKey, storage } from "@/lib/storage";

const { storageDir } = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const os = await import("node:os");
  const nodePath = await import("node:path");
  const dir = mkdtempSync(nodePath.join(os.tmpdir(), "studypack-stored-files-"));
  process.env.STORAGE_DIR = dir;
  return { storageDir: dir };
});
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

it("waits for a backup that is copying the files, then deletes", async () => {
  const key = newStorageKey("print-runs");
  await storage().put(key, Buffer.from("a print run"), "application/pdf");
  const backup = new pg.Client({ connectionString: databaseUrl() });
  await backup.connect();
  try {
    await backup.query(STORAGE_BACKUP_LOCK_SQL);
    let done = false;
    const deleting = deleteStoredBytes([key], "test").then((n) => ((done = true), n));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(done).toBe(false);
    expect(await storage().exists(key)).toBe(true);
    await backup.query(STORAGE_BACKUP_UNLOCK_SQL);
    expect(await deleting).toBe(1);
    expect(await storage().exists(key)).toBe(false);
  } finally {
    await backup.end();
  }
});
