// The launcher's one-off work, in a process of its own that ends before Next.js starts
// (docs/decisions/052-launcher-memory.md). The launcher (scripts/serve.ts) stays for the server's
// whole life doing nothing but supervise; what it would load for this work (zod with the settings'
// schema, Prisma's client, the demo data) would stay in its memory for as long. Started by it with
// an IPC channel, this process:
// 1. checks the settings (lib/env.ts) and sends the launcher the ones it needs (or prints what is
//    wrong and exits 1);
// 2. waits for the database the launcher has made ready (the embedded PostgreSQL, or DATABASE_URL);
// 3. applies pending migrations, loads the demo data into an empty embedded database when asked
//    to, and while no organizer exists prints a one-time link to first-run setup;
// 4. exits 0 (1 with a message when any of it failed).
//
// A stop asked for while a migration runs (the launcher sends SIGTERM on any stop it is asked for)
// lets the migrations finish first, then ends it: cut off halfway, a migration leaves its row in
// _prisma_migrations unfinished, and every later start refuses to migrate until someone resolves
// it by hand (before this, 6 stops of 6 during the first start's migrations did that). The
// launcher kills it after 15 s all the same. Ctrl-C in a terminal is not covered: it reaches the
// embedded PostgreSQL too, which ends the session itself. The demo data and the setup link are
// each one transaction, so stopping during them leaves nothing behind.
import { constants } from "node:os";
import { EnvError, parseEnv, type Env } from "../lib/env";

/** Step 1's message: the settings the launcher itself uses. */
export type LauncherSettings = Pick<
  Env,
  "DATABASE_URL" | "EMBEDDED_PG_DIR" | "EMBEDDED_PG_PORT" | "EMBEDDED_PG_RESTARTS" | "DEMO_DATA" | "PORT" | "NEXTAUTH_URL" | "AUTH_SECRET" | "WEB_CONCURRENCY" | "WEB_MAX_HEAP_MB"
>;
/** Step 2's message, from the launcher. `demoData`: the embedded database with DEMO_DATA=on. */
export type DatabaseReady = { databaseUrl: string; demoData: boolean };

function say(line: string) {
  console.log(`studypack: ${line}`);
}

let migrating = false;
let stopAsked: NodeJS.Signals | undefined;
const stop = (signal: NodeJS.Signals) => process.exit(128 + constants.signals[signal]);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => (migrating ? (stopAsked ??= signal) : stop(signal)));
}

async function main() {
  if (!process.send) throw new Error("scripts/serve-prepare.ts is started by scripts/serve.ts (npm start), not on its own");
  const env = parseEnv(process.env);
  const settings: LauncherSettings = {
    DATABASE_URL: env.DATABASE_URL,
    EMBEDDED_PG_DIR: env.EMBEDDED_PG_DIR,
    EMBEDDED_PG_PORT: env.EMBEDDED_PG_PORT,
    EMBEDDED_PG_RESTARTS: env.EMBEDDED_PG_RESTARTS,
    DEMO_DATA: env.DEMO_DATA,
    PORT: env.PORT,
    NEXTAUTH_URL: env.NEXTAUTH_URL,
    AUTH_SECRET: env.AUTH_SECRET,
    WEB_CONCURRENCY: env.WEB_CONCURRENCY,
    WEB_MAX_HEAP_MB: env.WEB_MAX_HEAP_MB,
  };
  const ready = new Promise<DatabaseReady>((resolve) => process.once("message", (message) => resolve(message as DatabaseReady)));
  process.send(settings);
  // Loaded while the launcher starts PostgreSQL, not before: the settings go first.
  const [{ applyMigrations }, { issueSetupToken }, { clientFor, isEmpty, seedDemo }] = await Promise.all([
    import("../lib/db/migrate"),
    import("../lib/setup/setup-token"),
    import("../prisma/seed"),
  ]);
  const { databaseUrl, demoData } = await ready;
  process.disconnect();

  migrating = true;
  const { applied } = await applyMigrations(databaseUrl, { log: (line) => say(line) }).finally(() => (migrating = false));
  if (applied.length) say(`applied ${applied.length} migration(s)`);
  if (stopAsked) stop(stopAsked);

  const siteUrl = (env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
  const db = clientFor(databaseUrl);
  try {
    if (demoData && (await isEmpty(db))) {
      await seedDemo(db);
      say("loaded the demo data (see README for the demo accounts)");
    }
    // Until the first organizer exists, a one-time link to first-run setup (lib/setup/setup-token.ts).
    const setupToken = await issueSetupToken(db);
    if (setupToken) say(`not set up yet. Open this link to set up your organization and its first organizer (it works once; a new one is printed at each start):\n\n    ${siteUrl}/setup/${setupToken}\n`);
  } finally {
    await db.$disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof EnvError ? error.message : error);
    process.exit(1);
  },
);
