// Makes one backup file of a running Studypack: the embedded database and the stored files
// (layout.ts says what goes where; docs/decisions/036-backup-and-restore.md says why).
//
// The database part is PostgreSQL's low-level online base backup, which needs only a SQL
// session and read access to the data folder (the embedded package ships no pg_basebackup,
// and Debian's pg_dump 15 refuses server 18):
//   1. a temporary physical replication slot, reserving WAL at once: no segment from here on
//      is recycled while the backup runs, however long the copy takes and whatever
//      max_wal_size says. It is dropped with the session, so a crashed backup holds nothing.
//   2. pg_backup_start(fast): a checkpoint; the backup starts at its redo point.
//   3. copy the data folder as it is (pages may be torn; the WAL replay repairs them).
//   4. take the storage lock (storage-lock.ts), then pg_backup_stop: the backup's moment.
//   5. add backup_label (and tablespace_map) from pg_backup_stop, and the WAL segments from the
//      start segment to the stop segment, checked to be all there.
//   6. copy STORAGE_DIR, then release the lock. Files are written before their rows commit and
//      deleted (under the lock) after their rows are gone, so every file a restored row points
//      to is in the archive; a few newer files without a row are harmless.
// The archive is written to NAME.partial and renamed when complete, so a file with the final
// name is always a whole backup.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import pg from "pg";
import tar from "tar-stream";
import {
  archiveName,
  chooseWalFiles,
  FILES_PREFIX,
  FORMAT,
  FORMAT_VERSION,
  isStorageTempFile,
  type Manifest,
  MANIFEST_NAME,
  PG_CONTROL,
  PG_PREFIX,
  pgEntryRule,
  WAL_SUBDIRS,
} from "./layout";
import { STORAGE_BACKUP_LOCK_SQL, STORAGE_BACKUP_UNLOCK_SQL } from "./storage-lock";

export type Progress = { phase: "database" | "wal" | "files" | "done"; done: number; total: number };

export type BackupOptions = {
  /** The backup file to write; refused if it exists. */
  out: string;
  /** A superuser URL of the embedded server; unset: the database is not ours to copy (DATABASE_URL). */
  embeddedUrl?: string;
  /** The local STORAGE_DIR; unset when files live in an S3 bucket. */
  storageDir?: string;
  label?: string;
  onProgress?: (progress: Progress) => void;
};

export type BackupResult = { file: string; bytes: number; seconds: number; manifest: Manifest };

type Listed = { relative: string; full: string; size: number; isDirectory: boolean; mode: number };

const CHUNK = 1 << 20;

async function walk(root: string, relative = ""): Promise<Listed[]> {
  const found: Listed[] = [];
  const entries = await readdir(path.join(root, relative), { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    const full = path.join(root, rel);
    const info = await stat(full).catch(() => null);
    if (!info || !(info.isFile() || info.isDirectory())) continue;
    found.push({ relative: rel, full, size: info.isFile() ? info.size : 0, isDirectory: info.isDirectory(), mode: info.mode & 0o7777 });
  }
  return found;
}

/** Writes archive entries one after another, counting bytes for the progress line. */
class ArchiveWriter {
  readonly pack = tar.pack();
  done = 0;
  total = 0;
  phase: Progress["phase"] = "database";

  /** Rejects when the output fails (disk full…), so a write waiting for room stops waiting. */
  failed: Promise<never> = new Promise<never>(() => {});

  constructor(private readonly onProgress?: (progress: Progress) => void) {}

  private report() {
    this.onProgress?.({ phase: this.phase, done: this.done, total: Math.max(this.total, this.done) });
  }

  async directory(name: string, mode = 0o700): Promise<void> {
    await new Promise<void>((resolve, reject) => this.pack.entry({ name, type: "directory", mode }, (error) => (error ? reject(error) : resolve())));
  }

  async content(name: string, body: string | Buffer, mode = 0o600): Promise<void> {
    const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8");
    await new Promise<void>((resolve, reject) => this.pack.entry({ name, size: buffer.length, mode }, buffer, (error) => (error ? reject(error) : resolve())));
  }

  /**
   * Copies a file as it is now. The size is the one at open; a file that grows is cut there (the
   * rest is in the WAL or was written later), one that shrinks is padded with zeros, as
   * pg_basebackup does (the WAL replay truncates it again). A file gone before it is opened is
   * left out (PostgreSQL dropped it; the WAL says so). Returns false when it was gone.
   */
  async file(name: string, full: string, options: { exactSize?: number } = {}): Promise<boolean> {
    const handle = await open(full, "r").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return null;
      throw error;
    });
    if (!handle) return false;
    try {
      const info = await handle.stat();
      if (options.exactSize !== undefined && info.size !== options.exactSize) {
        throw new Error(`${full} has ${info.size} bytes, expected ${options.exactSize}`);
      }
      const size = info.size;
      let finished!: Promise<void>;
      const entry = await new Promise<NodeJS.WritableStream>((resolve) => {
        finished = new Promise<void>((done, fail) => {
          resolve(this.pack.entry({ name, size, mode: info.mode & 0o7777, mtime: info.mtime }, (error) => (error ? fail(error) : done())));
        });
      });
      let position = 0;
      while (position < size) {
        const want = Math.min(CHUNK, size - position);
        const buffer = Buffer.alloc(want);
        const { bytesRead } = await handle.read(buffer, 0, want, position);
        // bytesRead 0: the file shrank; the rest stays zeros.
        const chunk = bytesRead === 0 ? buffer : buffer.subarray(0, bytesRead);
        position += chunk.length;
        this.done += chunk.length;
        if (!entry.write(chunk)) await Promise.race([once(entry as unknown as NodeJS.EventEmitter, "drain"), this.failed]);
        this.report();
      }
      entry.end();
      await Promise.race([finished, this.failed]);
      return true;
    } finally {
      await handle.close();
    }
  }
}

/** The data folder's folders and files that go into a backup (layout.ts's rules), in order. */
async function listDataFolder(root: string): Promise<Listed[]> {
  const found: Listed[] = [];
  const visit = async (relative: string) => {
    for (const item of await walk(root, relative)) {
      const rule = pgEntryRule(item.relative, item.isDirectory);
      if (rule === "skip") continue;
      found.push(item);
      if (rule === "include" && item.isDirectory) await visit(item.relative);
    }
  };
  await visit("");
  return found;
}

export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const began = Date.now();
  const out = path.resolve(options.out);
  const partial = `${out}.partial`;
  if (await stat(out).then(() => true, () => false)) throw new Error(`${out} exists already; choose another name`);
  await mkdir(path.dirname(out), { recursive: true });

  const writer = new ArchiveWriter(options.onProgress);
  const output = createWriteStream(partial, { flags: "wx", mode: 0o600 });
  const written = pipeline(writer.pack, createGzip({ level: 6 }), output);
  // Keep a failed pipeline from being an unhandled rejection before it is awaited.
  written.catch(() => undefined);
  writer.failed = written.then(
    () => new Promise<never>(() => {}),
    (error: unknown) => Promise.reject(error),
  );
  writer.failed.catch(() => undefined);

  let client: pg.Client | undefined;
  try {
    let postgres: Manifest["postgres"];
    let storageListed: Listed[] = [];
    if (options.embeddedUrl) {
      client = new pg.Client({ connectionString: options.embeddedUrl, application_name: "studypack backup" });
      client.on("error", () => undefined);
      await client.connect();
      const settings = await client.query<{ data_directory: string; server_version: string; segment: string }>(
        "SELECT current_setting('data_directory') AS data_directory, current_setting('server_version') AS server_version, pg_size_bytes(current_setting('wal_segment_size'))::text AS segment",
      );
      const { data_directory: dataDir, server_version: serverVersion } = settings.rows[0]!;
      const segmentBytes = Number(settings.rows[0]!.segment);
      if ((await readdir(path.join(dataDir, "pg_tblspc")).catch(() => [])).length > 0) {
        throw new Error("this database uses tablespaces outside its folder; back it up with PostgreSQL's own tools");
      }

      const slot = `studypack_backup_${process.pid}_${Date.now()}`;
      await client.query("SELECT pg_create_physical_replication_slot($1, true, true)", [slot]);
      const started = await client.query<{ lsn: string }>("SELECT pg_backup_start($1, fast => true)::text AS lsn", [options.label ?? path.basename(out)]);
      const startLsn = started.rows[0]!.lsn;

      // Sizes first, for the progress line: the data folder and the stored files.
      const all = await listDataFolder(dataDir);
      if (options.storageDir) storageListed = await listStorage(options.storageDir, path.dirname(out));
      writer.total = all.reduce((sum, item) => sum + item.size, 0) + storageListed.reduce((sum, item) => sum + item.size, 0);

      await writer.directory(PG_PREFIX.slice(0, -1));
      for (const item of all) {
        if (item.isDirectory) await writer.directory(archiveName(PG_PREFIX, item.relative), item.mode);
        else await writer.file(archiveName(PG_PREFIX, item.relative), item.full);
      }
      for (const dir of WAL_SUBDIRS) await writer.directory(archiveName(PG_PREFIX, dir));
      await writer.file(archiveName(PG_PREFIX, PG_CONTROL), path.join(dataDir, PG_CONTROL));

      if (options.storageDir) await client.query(STORAGE_BACKUP_LOCK_SQL);
      const stopped = await client.query<{ lsn: string; labelfile: string; spcmapfile: string | null; first: string; last: string }>(
        "SELECT s.lsn::text AS lsn, s.labelfile, s.spcmapfile, pg_walfile_name($1::pg_lsn) AS first, pg_walfile_name(s.lsn) AS last FROM pg_backup_stop(wait_for_archive => false) s",
        [startLsn],
      );
      const stop = stopped.rows[0]!;
      await writer.content(archiveName(PG_PREFIX, "backup_label"), stop.labelfile);
      if (stop.spcmapfile) await writer.content(archiveName(PG_PREFIX, "tablespace_map"), stop.spcmapfile);

      writer.phase = "wal";
      const walDir = path.join(dataDir, "pg_wal");
      const wal = chooseWalFiles(await readdir(walDir), stop.first, stop.last, segmentBytes);
      writer.total += wal.segments.length * segmentBytes;
      for (const name of wal.segments) {
        const copied = await writer.file(archiveName(PG_PREFIX, `pg_wal/${name}`), path.join(walDir, name), { exactSize: segmentBytes });
        if (!copied) throw new Error(`the WAL segment ${name} went missing during the backup`);
      }
      for (const name of wal.history) await writer.file(archiveName(PG_PREFIX, `pg_wal/${name}`), path.join(walDir, name));
      await client.query("SELECT pg_drop_replication_slot($1)", [slot]);
      postgres = { serverVersion, startLsn, stopLsn: stop.lsn, walSegments: wal.segments };
    } else if (options.storageDir) {
      storageListed = await listStorage(options.storageDir, path.dirname(out));
      writer.total = storageListed.reduce((sum, item) => sum + item.size, 0);
    }

    writer.phase = "files";
    let files = 0;
    let bytes = 0;
    if (options.storageDir) {
      await writer.directory(FILES_PREFIX.slice(0, -1), 0o750);
      // Listed again now, after the backup's moment: files added since the first listing count.
      storageListed = await listStorage(options.storageDir, path.dirname(out));
      for (const item of storageListed) {
        if (item.isDirectory) {
          await writer.directory(archiveName(FILES_PREFIX, item.relative), item.mode);
          continue;
        }
        if (await writer.file(archiveName(FILES_PREFIX, item.relative), item.full)) {
          files++;
          bytes += item.size;
        }
      }
    }
    if (client && options.storageDir) await client.query(STORAGE_BACKUP_UNLOCK_SQL);

    const manifest: Manifest = {
      format: FORMAT,
      version: FORMAT_VERSION,
      createdAt: new Date(began).toISOString(),
      database: options.embeddedUrl ? "embedded" : "external",
      ...(postgres ? { postgres } : {}),
      storage: options.storageDir
        ? { kind: "local", files, bytes }
        : { kind: "s3", note: "the stored files are in the S3 bucket; back the bucket up with your S3 provider's tools" },
    };
    await writer.content(MANIFEST_NAME, `${JSON.stringify(manifest, null, 2)}\n`);
    writer.pack.finalize();
    await written;
    const handle = await open(partial, "r+");
    await handle.sync();
    await handle.close();
    await rename(partial, out);
    writer.phase = "done";
    const size = (await stat(out)).size;
    options.onProgress?.({ phase: "done", done: writer.done, total: writer.done });
    return { file: out, bytes: size, seconds: (Date.now() - began) / 1000, manifest };
  } catch (error) {
    writer.pack.destroy(error as Error);
    await written.catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  } finally {
    // Ending the session also aborts a backup left started, drops the temporary slot and
    // releases the lock.
    await client?.end().catch(() => undefined);
  }
}

/**
 * STORAGE_DIR's folders and files, without the temporary files of puts under way, and without
 * the backups' own folder should it lie inside (a backup must not hold the earlier ones, or itself).
 */
async function listStorage(root: string, backupDir: string): Promise<Listed[]> {
  const found: Listed[] = [];
  const skip = path.resolve(backupDir);
  const visit = async (relative: string) => {
    for (const item of await walk(root, relative)) {
      if (isStorageTempFile(path.basename(item.relative)) || path.resolve(item.full) === skip) continue;
      found.push(item);
      if (item.isDirectory) await visit(item.relative);
    }
  };
  await visit("");
  return found;
}
