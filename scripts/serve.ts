// `npm start` and `npm run dev`. Makes the README's promise true: with no configuration, it
// starts an embedded PostgreSQL in .data/, applies migrations, loads the demo data into an
// empty database (unless DEMO_DATA=off), builds the app when the build is missing or older than
// the code, and runs Next.js. With DATABASE_URL it uses that server (migrations applied, no demo
// data). While no organizer exists it prints a one-time link to first-run setup.
// Ctrl-C or SIGTERM stops Next.js first, then PostgreSQL.
import { spawn, type ChildProcess } from "node:child_process";
import cluster, { type Worker } from "node:cluster";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedServer } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { EnvError, parseEnv } from "../lib/env";
import { issueSetupToken } from "../lib/setup/setup-token";
import { clientFor, isEmpty, seedDemo } from "../prisma/seed";
import { EMBEDDED_DATABASE } from "./lib/database";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
let embedded: EmbeddedServer | undefined;
let child: ChildProcess | undefined;
const workers: Worker[] = [];
let stopping = false;

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

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [nextBin, ...args], { stdio: "inherit", env });
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((resolve) => child?.once("exit", resolve));
  }
  await Promise.all(
    workers
      .filter((w) => w.process.exitCode === null && w.process.signalCode === null)
      .map((w) => new Promise((resolve) => {
        w.process.once("exit", resolve);
        w.process.kill("SIGTERM");
      })),
  );
  if (embedded) {
    say("stopping the embedded PostgreSQL");
    await embedded.stop().catch(() => {});
  }
  process.exit(code);
}

async function main() {
  const env = parseEnv(process.env);
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    say(`starting the embedded PostgreSQL (data in ${env.EMBEDDED_PG_DIR}, port ${env.EMBEDDED_PG_PORT})`);
    embedded = await startEmbeddedPostgres({ dataDir: env.EMBEDDED_PG_DIR, port: env.EMBEDDED_PG_PORT });
    await embedded.ensureDatabase(EMBEDDED_DATABASE);
    databaseUrl = embedded.url(EMBEDDED_DATABASE);
  }

  const { applied } = await applyMigrations(databaseUrl, { log: (line) => say(line) });
  if (applied.length) say(`applied ${applied.length} migration(s)`);

  const siteUrl = (env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
  const db = clientFor(databaseUrl);
  try {
    // Demo data only into an empty embedded database, and only unless DEMO_DATA=off.
    if (embedded && env.DEMO_DATA === "on" && (await isEmpty(db))) {
      await seedDemo(db);
      say("loaded the demo data (see README for the demo accounts)");
    }
    // Until the first organizer exists, a one-time link to first-run setup (lib/setup/setup-token.ts).
    const setupToken = await issueSetupToken(db);
    if (setupToken) say(`not set up yet. Open this link to set up your organization and its first organizer (it works once; a new one is printed at each start):\n\n    ${siteUrl}/setup/${setupToken}\n`);
  } finally {
    await db.$disconnect();
  }

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: env.AUTH_SECRET ?? localAuthSecret(),
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };

  if (mode === "start" && !buildIsCurrent()) {
    say("building the app (first start, or the code changed)…");
    const code = await new Promise<number>((resolve) => run(["build"], { ...childEnv, NODE_ENV: "production" }).once("exit", (c) => resolve(c ?? 1)));
    if (code !== 0) {
      say("the build failed; see the messages above");
      return shutdown(code);
    }
  }

  if (mode === "start" && env.WEB_CONCURRENCY > 1) {
    cluster.setupPrimary({ exec: nextBin, args: ["start", "--port", String(env.PORT)], execArgv: [] });
    for (let i = 0; i < env.WEB_CONCURRENCY; i++) workers.push(cluster.fork({ ...childEnv, NODE_ENV: "production" }));
    cluster.on("exit", (_worker, code) => {
      if (!stopping) say(`a Next.js process stopped (exit code ${code}); stopping the others`);
      void shutdown(code || 1);
    });
    say(`Studypack is at http://localhost:${env.PORT} (${env.WEB_CONCURRENCY} Next.js processes)`);
    return;
  }
  child = run([mode, "--port", String(env.PORT)], { ...childEnv, NODE_ENV: mode === "dev" ? "development" : "production" });
  say(`Studypack is at http://localhost:${env.PORT}`);
  child.once("exit", (code) => void shutdown(code ?? 0));
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(0));

main().catch(async (error: unknown) => {
  const known = error instanceof EnvError || (error instanceof Error && error.name === "PortInUseError");
  console.error(known ? (error as Error).message : error);
  await shutdown(1);
});
