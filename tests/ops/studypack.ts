// Starts a whole Studypack the way an operator does (`npm start`: the launcher, the embedded
// PostgreSQL, migrations, demo data, Next.js) for the operations tests in tests/ops: backup and
// restore, the launcher's crash handling, load and crash runs, several web processes.
//
// The launcher runs in one Node process (`--import tsx`, not the tsx command, which would sit in
// between and turn its exit code into 143 on SIGTERM), so its exit code is the launcher's own.
//
// Each spec takes its own slot, so instances started by specs running side by side never share
// a port or a folder. The build is the one the browser tests' web server made (E2E.distDir):
// Playwright starts that server, which builds when needed, before any test runs.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { E2E } from "../e2e/env";

export type Exit = { code: number | null; signal: NodeJS.Signals | null; at: number };

export type Instance = {
  url: string;
  port: number;
  pgPort: number;
  /** The instance's folder: `pg/` (the embedded database), `files/` (STORAGE_DIR). */
  dir: string;
  dataDir: string;
  storageDir: string;
  databaseUrl: string;
  launcher: ChildProcess;
  /** Resolves when the launcher process has ended. */
  exited: Promise<Exit>;
  /** Everything the launcher and its children printed so far. */
  output: () => string;
  /** SIGTERM to the launcher; resolves with its exit once it has stopped (SIGKILL after 20 s). */
  stop: () => Promise<Exit>;
};

export type StartOptions = {
  /** 1–40; each spec file uses its own. */
  slot: number;
  /** Extra environment for the launcher (WEB_CONCURRENCY, S3_*, DEMO_DATA, …). */
  env?: Record<string, string>;
  /** Keep the folder from an earlier start (restart of the same installation). Default: fresh. */
  keep?: boolean;
  /** How long to wait for /api/health to answer 200. */
  timeoutMs?: number;
};

export function slotPorts(slot: number): { port: number; pgPort: number } {
  if (!Number.isInteger(slot) || slot < 1 || slot > 40) throw new Error(`slot ${slot}: use 1–40`);
  return { port: E2E.port + 100 + slot, pgPort: E2E.pgPort + 100 + slot };
}

export function slotDir(slot: number): string {
  return path.resolve("tests/.tmp", `ops-${E2E.pgPort}-${slot}`);
}

export async function startStudypack(options: StartOptions): Promise<Instance> {
  const { port, pgPort } = slotPorts(options.slot);
  const dir = slotDir(options.slot);
  if (!options.keep) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const dataDir = path.join(dir, "pg");
  const storageDir = path.join(dir, "files");
  const url = `http://localhost:${port}`;
  let log = "";
  const launcher = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "start"], {
    env: {
      ...process.env,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      EMBEDDED_PG_DIR: dataDir,
      STORAGE_DIR: storageDir,
      STUDYPACK_DIST_DIR: E2E.distDir,
      DATABASE_URL: "",
      NEXTAUTH_URL: url,
      AUTH_SECRET: "ops-secret-ops-secret-ops-secret-00000000",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  launcher.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  launcher.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<Exit>((resolve) => launcher.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })));
  let ended: Exit | undefined;
  void exited.then((exit) => (ended = exit));

  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  for (;;) {
    if (ended) throw new Error(`the launcher ended before the app answered (code ${ended.code}, signal ${ended.signal}):\n${log.slice(-4000)}`);
    if (Date.now() > deadline) {
      launcher.kill("SIGKILL");
      throw new Error(`the app did not answer ${url}/api/health in time:\n${log.slice(-4000)}`);
    }
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }

  const stop = async (): Promise<Exit> => {
    if (ended) return ended;
    launcher.kill("SIGTERM");
    const timer = setTimeout(() => launcher.kill("SIGKILL"), 20_000);
    const exit = await exited;
    clearTimeout(timer);
    return exit;
  };
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
    stop,
  };
}
