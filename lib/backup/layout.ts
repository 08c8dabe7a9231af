// What a Studypack backup file holds and where (docs/decisions/036-backup-and-restore.md).
// Pure rules, no I/O, so they are tested on their own (layout.test.ts).
//
// One gzip-compressed tar:
//   pg/…                        the embedded PostgreSQL's data folder, copied during an online
//                               base backup (pg_backup_start … pg_backup_stop), without what the
//                               server rebuilds at start (PostgreSQL's own exclusion list,
//                               src/backend/backup/basebackup.c), plus backup_label and the WAL
//                               from the backup's start to its end: replaying that WAL makes
//                               the torn copy consistent as of pg_backup_stop.
//   pg/global/pg_control        last of the database part, as pg_basebackup sends it.
//   files/…                     STORAGE_DIR, copied after pg_backup_stop (see create.ts: why).
//   studypack-backup.json       the manifest, last: what the archive holds, and the WAL range.

export const MANIFEST_NAME = "studypack-backup.json";
export const PG_PREFIX = "pg/";
export const FILES_PREFIX = "files/";
export const FORMAT = "studypack-backup";
export const FORMAT_VERSION = 1;

export type Manifest = {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  createdAt: string;
  /** "embedded": the archive holds the database. "external": DATABASE_URL's server, not in here. */
  database: "embedded" | "external";
  postgres?: {
    serverVersion: string;
    startLsn: string;
    stopLsn: string;
    /** WAL segment files in pg/pg_wal, first to last; all needed to reach stopLsn. */
    walSegments: string[];
  };
  storage: { kind: "local"; files: number; bytes: number } | { kind: "s3"; note: string };
};

// Directories whose contents the server removes or rebuilds at start: kept as empty folders
// (their permissions matter), contents left out. pg_wal is filled separately with the WAL the
// backup needs.
const EMPTY_DIRS = new Set(["pg_stat_tmp", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans", "pg_wal"]);
// Folders inside pg_wal that must exist for the server to start.
export const WAL_SUBDIRS = ["pg_wal/archive_status", "pg_wal/summaries"];
// Files left out wherever they are: a running server's lock and options, temporary files, and
// a backup_label/tablespace_map that belong to another backup (ours come from pg_backup_stop).
const SKIPPED_FILES = new Set(["postgresql.auto.conf.tmp", "current_logfiles.tmp", "backup_label", "tablespace_map", "backup_manifest", "postmaster.pid", "postmaster.opts"]);
const SKIPPED_PREFIXES = ["pg_internal.init", "pgsql_tmp"];
export const PG_CONTROL = "global/pg_control";

export type PgEntryRule = "include" | "empty-dir" | "skip";

/** What to do with a path under the data folder (posix, relative, no leading slash). */
export function pgEntryRule(relative: string, isDirectory: boolean): PgEntryRule {
  const parts = relative.split("/");
  const name = parts[parts.length - 1]!;
  if (SKIPPED_PREFIXES.some((prefix) => name.startsWith(prefix))) return "skip";
  if (parts.length === 1 && isDirectory && EMPTY_DIRS.has(name)) return "empty-dir";
  if (parts.length > 1 && EMPTY_DIRS.has(parts[0]!)) return "skip";
  if (!isDirectory && SKIPPED_FILES.has(name)) return "skip";
  // pg_control goes last (create.ts adds it after everything else).
  if (relative === PG_CONTROL) return "skip";
  return "include";
}

/** Files the storage writes while a put is under way (lib/storage/local.ts): never a key. */
export function isStorageTempFile(name: string): boolean {
  return name.startsWith(".") && name.endsWith(".tmp");
}

const WAL_SEGMENT = /^[0-9A-F]{24}$/;
const WAL_HISTORY = /^[0-9A-F]{8}\.history$/;

/** The segment number of a WAL file name (timeline ignored). */
export function walSegmentNumber(name: string, segmentBytes: number): bigint {
  const log = BigInt(`0x${name.slice(8, 16)}`);
  const seg = BigInt(`0x${name.slice(16, 24)}`);
  return log * (0x1_0000_0000n / BigInt(segmentBytes)) + seg;
}

/**
 * The WAL files a backup needs: every segment from the one holding its start to the one holding
 * its end (as pg_walfile_name gives them), whatever their timeline, and the timeline history
 * files. Throws when one in the range is missing: such a backup could not be restored.
 */
export function chooseWalFiles(names: string[], first: string, last: string, segmentBytes: number): { segments: string[]; history: string[] } {
  const segments = names
    .filter((name) => WAL_SEGMENT.test(name) && name.slice(8) >= first.slice(8) && name.slice(8) <= last.slice(8))
    .sort((a, b) => a.slice(8).localeCompare(b.slice(8)));
  const history = names.filter((name) => WAL_HISTORY.test(name)).sort();
  const from = walSegmentNumber(first, segmentBytes);
  const to = walSegmentNumber(last, segmentBytes);
  const present = new Set(segments.map((name) => walSegmentNumber(name, segmentBytes)));
  for (let n = from; n <= to; n++) {
    if (!present.has(n)) throw new Error(`the WAL segment ${n - from + 1n} of ${to - from + 1n} the backup needs (from ${first} to ${last}) is missing in pg_wal`);
  }
  return { segments, history };
}

/** "studypack-20261206-101500Z.tar.gz"; daily ones "studypack-daily-…". Sorting the names sorts by time. */
export function backupFileName(at: Date, kind: "manual" | "daily"): string {
  const stamp = at.toISOString().replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "").replace("T", "-");
  return `studypack-${kind === "daily" ? "daily-" : ""}${stamp}.tar.gz`;
}

const DAILY_NAME = /^studypack-daily-\d{8}-\d{6}Z\.tar\.gz$/;

/**
 * The daily backups to delete so that the newest `keep` remain. Only files the daily job named
 * count: a backup made by hand, or anything else in the folder, is never deleted.
 */
export function backupsToDelete(names: string[], keep: number): string[] {
  return names
    .filter((name) => DAILY_NAME.test(name))
    .sort()
    .reverse()
    .slice(Math.max(0, keep));
}

/**
 * Daily backups a killed process left half-written ("….tar.gz.partial"): removed before the next
 * round starts (one round at a time: pg-boss hands the day's job to one process).
 */
export function abandonedDailyPartials(names: string[]): string[] {
  return names.filter((name) => name.endsWith(".partial") && DAILY_NAME.test(name.slice(0, -".partial".length)));
}

/** The archive name of a file under a folder ("pg/base/1/1259"), posix separators. */
export function archiveName(prefix: string, relative: string): string {
  return prefix + relative.split("\\").join("/");
}

/**
 * The path an archive entry extracts to under `root`, or null when the name would leave it
 * (an absolute path or "..": a damaged or hostile archive).
 */
export function safeRelative(name: string): string | null {
  const parts = name.split("/").filter((part) => part !== "" && part !== ".");
  if (name.startsWith("/") || parts.some((part) => part === "..")) return null;
  return parts.join("/");
}

export function parseManifest(text: string): Manifest {
  const value = JSON.parse(text) as Partial<Manifest>;
  if (value.format !== FORMAT) throw new Error("this is not a Studypack backup (no studypack-backup.json manifest)");
  if (value.version !== FORMAT_VERSION) throw new Error(`this backup has format version ${value.version}; this Studypack reads version ${FORMAT_VERSION}`);
  return value as Manifest;
}
