// Starts Studypack the way an operator does — the launcher (scripts/serve.ts) with the embedded
// PostgreSQL, migrations, demo data unless DEMO_DATA=off, then Next.js — in a folder of its own
// on ports of its own, and waits until /api/health answers 200. For the tools that need a whole
// installation: the load and crash tests (scripts/test-load.ts, scripts/test-crash.ts) and the
// operations tests' harness (tests/ops/studypack.ts).
//
// The launcher runs as `npm start` runs it (scripts/start.mjs, decision 052): one Node process
// (not the tsx command, which would sit in between and turn its exit code into 143 on SIGTERM),
// so its exit code is the launcher's own.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";

export type LauncherExit = { code: number | null; signal: NodeJS.Signals | null; at: number };

export type LaunchOptions = {
  port: number;
  pgPort: number;
  /** The installation's folder: `pg/` (EMBEDDED_PG_DIR) and `files/` (STORAGE_DIR) go in it. */
  dir: string;
  authSecret: string;
  /** More environment for the launcher (DEMO_DATA, WEB_CONCURRENCY, S3_*, STUDYPACK_DIST_DIR, …). */
  env?: Record<string, string>;
  /** Each chunk the launcher and its children print (besides what `output()` keeps). */
  onOutput?: (chunk: Buffer) => void;
  /** How long to wait for health 200 (a first start builds the app). Default 10 minutes. */
  timeoutMs?: number;
};

export type Launched = {
  url: string;
  port: number;
  pgPort: number;
  dir: string;
  dataDir: string;
  storageDir: string;
  databaseUrl: string;
  launcher: ChildProcess;
  /** Resolves when the launcher process has ended. */
  exited: Promise<LauncherExit>;
  /** The last 200,000 characters the launcher and its children printed. */
  output: () => string;
  /** SIGTERM to the launcher; resolves with its exit once it has stopped (SIGKILL after `graceMs`). */
  stop: (graceMs?: number) => Promise<LauncherExit>;
};

const KEEP_OUTPUT = 200_000;

export async function launchStudypack(options: LaunchOptions): Promise<Launched> {
  const { port, pgPort, dir } = options;
  mkdirSync(dir, { recursive: true });
  const dataDir = path.join(dir, "pg");
  const storageDir = path.join(dir, "files");
  const url = `http://localhost:${port}`;
  const launcher = spawn(process.execPath, ["scripts/start.mjs", "start"], {
    env: {
      ...process.env,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      EMBEDDED_PG_DIR: dataDir,
      STORAGE_DIR: storageDir,
      DATABASE_URL: "",
      NEXTAUTH_URL: url,
      AUTH_SECRET: options.authSecret,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const take = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-KEEP_OUTPUT);
    options.onOutput?.(chunk);
  };
  launcher.stdout?.on("data", take);
  launcher.stderr?.on("data", take);
  const exited = new Promise<LauncherExit>((resolve) => launcher.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })));
  let ended: LauncherExit | undefined;
  void exited.then((exit) => (ended = exit));

  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  for (;;) {
    if (ended) throw new Error(`the launcher ended before the app answered (code ${ended.code}, signal ${ended.signal}):\n${log.slice(-4000)}`);
    if (Date.now() > deadline) {
      launcher.kill("SIGKILL");
      throw new Error(`the app did not answer ${url}/api/health in time:\n${log.slice(-4000)}`);
    }
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  return {
    url,
    port,
    pgPort,
    dir,
    dataDir,
    storageDir,
    databaseUrl: `postgresql://postgres:studypack@127.0.0.1:${pgPort}/studypack`,
    launcher,
    exited,
    output: () => log,
    stop: async (graceMs = 20_000) => {
      if (ended) return ended;
      launcher.kill("SIGTERM");
      const timer = setTimeout(() => launcher.kill("SIGKILL"), graceMs);
      const exit = await exited;
      clearTimeout(timer);
      return exit;
    },
  };
}
