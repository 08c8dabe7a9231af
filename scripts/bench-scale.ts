// `npm run bench`: the built app against the scale database of `npm run seed:scale`.
// (The pack-PDF benchmark is `npm run bench:pdf`.)
//
// Starts the scale database, and the app on a free port as `npm start` does (scripts/start.mjs,
// with WEB_CONCURRENCY Next.js processes: --web-concurrency or the environment, default 1; it
// builds first when the build is missing or older than the code; --build forces one), signs in
// by minting next-auth session cookies with AUTH_SECRET (as the app makes them), warms up, then
// prints:
// - for the group progress page, the organization dashboard and a member timeline (as the
//   organizer): p50 / p95 / p99 one request at a time and requests/s at 10 concurrent, each beside
//   the same run's figures for /api/health, and the same for the signed-in floor page (the
//   organizer's notifications: the layout and session alone, near enough); the statements one request runs and the time
//   PostgreSQL logged for them, and the time of replaying its SELECTs directly with pg;
// - for submitting a response through the route the answer editor posts to (the same request as
//   components/responses/post-response.ts makes, with the session cookie and Origin): requests/s
//   with 50 concurrent writers and p95 at 100 submits/s offered. Writers are signed-in online
//   members, each submit a distinct member × prompt cell not answered yet (a new response).
//
// - the web server's memory (RSS of its process tree, from /proc) at the start, peak and end.
//
//   npm run bench [-- --build] [-- --duration 10] [-- --group network-100] [-- --web-concurrency 2]
//   npm run bench -- --pages-only --page floor --page progress   (only those pages, no submits)
//   npm run bench -- --scale 10          (the 10× database of `npm run seed:scale -- --scale 10`)
//   npm run bench -- --submit-only --writers 50 --rate 300 --pg-set commit_delay=1000 --pg-set commit_siblings=5
//   npm run bench -- --soak 600          (only the soak: mixed reads and submits at a steady rate,
//                                         the server's RSS every --rss-every seconds)
// --pg-set changes a PostgreSQL setting for the run (ALTER SYSTEM, reloaded; reset at the end).
// The submit runs also print the WAL they wrote per submit (pg_current_wal_lsn, pg_stat_wal),
// where it went (pg_walinspect, by table and index) and what the busy backends waited on.
// The submits add responses to the scale database; `npm run seed:scale` makes it fresh again.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { freePort } from "../lib/db/free-port";
import { applyMigrations } from "../lib/db/migrate";
import { openScaleDatabase, parseScale, scaleSettings, type ScaleDatabase } from "./scale/database";
import { cpuMs, rssMb, slope } from "./scale/proc";
import { responsesPath } from "../components/responses/post-response";
import { load, paced, parseStatements, percentiles, profileStatements, type LoadRequest, type LoadResult, type SqlProfile } from "./scale/load";
import { sampleWaits, walProbe } from "./scale/wal";

const { values } = parseArgs({
  options: {
    build: { type: "boolean", default: false },
    duration: { type: "string", default: "10" },
    group: { type: "string", default: "network-100" },
    "seq-requests": { type: "string", default: "200" },
    /** Print each captured request's statements, slowest first. */
    "show-sql": { type: "boolean", default: false },
    /** EXPLAIN (ANALYZE, BUFFERS) the slowest SELECTs of each captured request. */
    explain: { type: "boolean", default: false },
    /** Only the submit measurements (skip the pages). */
    "submit-only": { type: "boolean", default: false },
    /** Only the pages (skip the submits), or only the pages whose name contains one of these words. */
    "pages-only": { type: "boolean", default: false },
    page: { type: "string", multiple: true },
    /** Next.js processes behind the port (WEB_CONCURRENCY of scripts/serve.ts). */
    "web-concurrency": { type: "string" },
    /** The data set of `npm run seed:scale -- --scale N` (its own database folder and port). */
    scale: { type: "string", default: "1" },
    /** Concurrent writers of the closed-loop submit run. */
    writers: { type: "string", default: "50" },
    /** Submits per second of the steady (open-loop) run. */
    rate: { type: "string", default: "100" },
    /** A PostgreSQL setting for this run, name=value (ALTER SYSTEM + reload; reset at the end). Repeatable. */
    "pg-set": { type: "string", multiple: true, default: [] },
    /** Seconds of mixed reads and submits at a steady rate (only that is run), with the server's RSS sampled. */
    soak: { type: "string" },
    /** Requests per second of the soak (one in five a submit). */
    "soak-rate": { type: "string", default: "20" },
    /** Seconds between RSS samples of the soak. */
    "rss-every": { type: "string", default: "15" },
  },
});
const SCALE = parseScale(values.scale);
const WRITERS = Number(values.writers);
const RATE = Number(values.rate);
const DURATION = Number(values.duration);
const SEQ = Number(values["seq-requests"]);
const root = process.cwd();
const distDir = process.env.STUDYPACK_DIST_DIR || ".next";
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const webConcurrency = Number(values["web-concurrency"] ?? process.env.WEB_CONCURRENCY ?? 1);
const say = (line: string) => console.log(`bench: ${line}`);
const ms = (v: number | null | undefined) => (v == null || Number.isNaN(v) ? "–" : v < 10 ? v.toFixed(1) : v.toFixed(0));

let logText = "";
let capturing = false;
let app: ChildProcess | undefined;
let rssTimer: NodeJS.Timeout | undefined;
/** Settings changed with --pg-set, reset at the end on this connection. */
const pgReset: string[] = [];
let resetControl: pg.Client | undefined;
const mb = (v: number | null | undefined) => (v == null || Number.isNaN(v) ? "–" : `${v.toFixed(0)} MB`);
let database: ScaleDatabase | undefined;

async function waitForHealth(base: string) {
  // Up to 10 minutes: scripts/serve.ts builds first when the build is older than the code.
  for (let i = 0; i < 1200; i++) {
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the app did not answer /api/health within 10 minutes");
}

/** Waits until the app answers /api/health quickly again (work left from a load run is done). */
async function settle(base: string) {
  let quick = 0;
  for (let i = 0; i < 240 && quick < 3; i++) {
    const started = performance.now();
    try {
      await (await fetch(`${base}/api/health`)).arrayBuffer();
    } catch {
      // still busy
    }
    quick = performance.now() - started < 50 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 250));
  }
}

function runNext(args: string[], env: NodeJS.ProcessEnv, quiet: boolean): ChildProcess {
  return spawn(process.execPath, [nextBin, ...args], { env, stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit" });
}

async function cookieFor(control: pg.Client, userId: string, secret: string): Promise<string> {
  // What lib/auth/options.ts puts in the cookie: the user id and the id of a Session row.
  const sid = randomBytes(16).toString("base64url");
  await control.query(`INSERT INTO "Session" ("id", "userId", "expiresAt") VALUES ($1, $2, now() + interval '12 hours')`, [sid, userId]);
  const token = await encode({ token: { sub: userId, sid }, secret, maxAge: 12 * 3600 });
  return `next-auth.session-token=${token}`;
}

type PageRow = { name: string; path: string; status: number; kb: number; appCpuMs: number | null; seq: LoadResult; seqHealth: LoadResult; c10: LoadResult; c10Health: LoadResult; sql: SqlProfile | null };

/** The pages' table: each page beside /api/health of its own run and, as "× floor", its p95 over the signed-in floor page's. */
function printPages(rows: PageRow[]) {
  if (!rows.length) return;
  const floorP95 = rows.find((r) => r.path === "/notifications")?.seq.p95;
  console.log("| page | one at a time p50 / p95 / p99 (ms) | /api/health same run | p95 × health, × floor | 10 concurrent req/s (p95) | /api/health same run | statements | SQL: logged / replayed (ms) | app CPU per request (ms) | HTML (KB) |");
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    const flag = (x: LoadResult) => (x.non2xx || x.errors ? ` ⚠ ${x.non2xx} non-2xx, ${x.errors} errors` : "");
    const ratios = `${(r.seq.p95 / r.seqHealth.p95).toFixed(1)}×, ${floorP95 ? `${(r.seq.p95 / floorP95).toFixed(1)}×` : "–"}`;
    console.log(
      `| ${r.name} | ${ms(r.seq.p50)} / ${ms(r.seq.p95)} / ${ms(r.seq.p99)}${flag(r.seq)} | ${ms(r.seqHealth.p50)} / ${ms(r.seqHealth.p95)} / ${ms(r.seqHealth.p99)} | ${ratios} | ${r.c10.rps.toFixed(0)} (${ms(r.c10.p95)})${flag(r.c10)} | ${r.c10Health.rps.toFixed(0)} (${ms(r.c10Health.p95)}) | ${r.sql?.statements ?? "–"} | ${ms(r.sql?.serverMs)} / ${ms(r.sql?.replayMs)} | ${ms(r.appCpuMs)} | ${r.kb.toFixed(0)} |`,
    );
  }
}

async function main() {
  const started = Date.now();
  const settings = scaleSettings(process.env, SCALE);
  database = await openScaleDatabase(settings, {
    onLog: (line) => {
      if (capturing) logText += `${line}\n`;
    },
  });
  // Migrations made since the seed (the app would refuse to run without them).
  const { applied } = await applyMigrations(database.url, { log: () => {} });
  if (applied.length) say(`applied ${applied.length} migration(s) made since the seed: ${applied.join(", ")}`);
  const control = new pg.Client({ connectionString: database.url });
  await control.connect();
  const controlPid = (await control.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;

  const organizer = (await control.query<{ id: string; organizationId: string }>(
    `SELECT u."id", o."organizationId" FROM "User" u JOIN "Organizer" o ON o."userId" = u."id" WHERE u."email" = 'organizer@scale.example.org'`,
  )).rows[0];
  if (!organizer) throw new Error("the scale database is empty: run `npm run seed:scale` first");
  const group = values.group!;
  const member = (await control.query<{ id: string }>(
    `SELECT m."id" FROM "Member" m JOIN "Group" g ON g."id" = m."groupId" JOIN "PersonEvent" e ON e."memberId" = m."id" AND e."kind" = 'TRANSFERRED'
      WHERE g."slug" = $1 ORDER BY m."id" LIMIT 1`,
    [group],
  )).rows[0] ?? (await control.query<{ id: string }>(`SELECT m."id" FROM "Member" m JOIN "Group" g ON g."id" = m."groupId" WHERE g."slug" = $1 LIMIT 1`, [group])).rows[0];
  if (!member) throw new Error(`no group ${group} in the scale database`);

  // The build.
  const secret = randomBytes(32).toString("base64url");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, AUTH_SECRET: secret, NEXTAUTH_URL: base, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
  const buildId = path.join(root, distDir, "BUILD_ID");
  if (values.build) {
    say("building the app (next build)…");
    const code = await new Promise<number>((resolve) => runNext(["build"], env, false).once("exit", (c) => resolve(c ?? 1)));
    if (code !== 0) throw new Error("next build failed");
  } else if (existsSync(buildId)) {
    say(`the build in ${distDir}/ is of ${statSync(buildId).mtime.toISOString()}; npm start rebuilds it if the code is newer (--build to force one)`);
  }

  // As in production: `npm start` (scripts/start.mjs running scripts/serve.ts), which with a
  // DATABASE_URL applies pending migrations (none by now) and runs WEB_CONCURRENCY `next start`
  // processes on the port.
  app = spawn(process.execPath, [path.join(root, "scripts", "start.mjs"), "start"], {
    // No admission limit unless asked for (decision 038): the bench measures what the server
    // can do, and the limit would answer 503 to part of the 50 writers.
    env: { ...env, PORT: String(port), WEB_CONCURRENCY: String(webConcurrency), ADMISSION_MAX_IN_FLIGHT: process.env.ADMISSION_MAX_IN_FLIGHT ?? "0" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForHealth(base);
  say(`app at ${base} (${webConcurrency} Next.js process${webConcurrency > 1 ? "es" : ""}), database ${database.embedded ? `embedded on port ${database.embedded.port}` : "SCALE_DATABASE_URL"}`);

  // The web server's memory: the whole process tree (launcher, Next.js processes), every second.
  const rssStart = rssMb(app.pid);
  let rssPeak = rssStart?.total ?? NaN;
  rssTimer = setInterval(() => {
    const now = rssMb(app?.pid);
    if (now && !(now.total <= rssPeak)) rssPeak = now.total;
  }, 1000);
  say(`web server RSS at start: ${mb(rssStart?.total)} (${rssStart?.processes.map((p) => `${p.name} ${p.pid}: ${mb(p.mb)}`).join(", ")})`);

  for (const setting of values["pg-set"] ?? []) {
    const m = /^([a-z_]+)=(.*)$/.exec(setting);
    if (!m) throw new Error(`--pg-set ${setting}: expected name=value`);
    await control.query(`ALTER SYSTEM SET ${m[1]} = '${m[2]!.replace(/'/g, "''")}'`);
    pgReset.push(m[1]!);
  }
  if (pgReset.length) {
    await control.query("SELECT pg_reload_conf()");
    await new Promise((r) => setTimeout(r, 300));
    const shown = await control.query<{ name: string; setting: string; unit: string | null }>(`SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1)`, [pgReset]);
    say(`PostgreSQL settings for this run: ${shown.rows.map((r) => `${r.name} = ${r.setting}${r.unit ?? ""}`).join(", ")}`);
  }
  resetControl = control;

  const organizerCookie = await cookieFor(control, organizer.id, secret);
  const health: LoadRequest = { path: "/api/health" };

  /** The statements one request runs (from PostgreSQL's log), when the database is ours. */
  async function captureSql(send: () => Promise<unknown>): Promise<SqlProfile | null> {
    if (!database?.embedded) return null;
    await control.query("ALTER SYSTEM SET log_min_duration_statement = 0");
    await control.query("SELECT pg_reload_conf()");
    await new Promise((r) => setTimeout(r, 300));
    logText = "";
    capturing = true;
    await send();
    await new Promise((r) => setTimeout(r, 300));
    capturing = false;
    await control.query("ALTER SYSTEM RESET log_min_duration_statement");
    await control.query("SELECT pg_reload_conf()");
    // pg-boss's job polling (the app's background worker) is not the request's.
    const statements = parseStatements(logText).filter((s) => s.pid !== controlPid && !s.text.includes("pgboss."));
    if (values.explain) {
      const slowest = statements.filter((s) => s.phase === "execute" && /^\s*(SELECT|WITH)\b/i.test(s.text)).sort((a, b) => b.ms - a.ms).slice(0, 3);
      for (const s of slowest) {
        const plan = await control.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.params);
        console.log(`\n  ${s.text}\n  params: ${JSON.stringify(s.params)}\n${plan.rows.map((r) => `    ${r["QUERY PLAN"]}`).join("\n")}\n`);
      }
    }
    if (values["show-sql"]) {
      for (const s of [...statements].sort((a, b) => b.ms - a.ms).slice(0, 25)) console.log(`  ${s.ms.toFixed(2).padStart(8)} ms ${s.phase.padEnd(9)} ${s.text.replace(/\s+/g, " ").slice(0, 220)}`);
    }
    return profileStatements(statements, control);
  }

  // The lightest signed-in page (session, the header's facts, one short list): what Next.js and
  // the layout cost before a page's own data, the floor the issue measures the pages against.
  const floor = { name: "signed-in floor (/notifications)", path: "/notifications" };
  const pages = [
    { name: "group progress", path: `/groups/${group}/progress` },
    { name: "organization dashboard", path: `/dashboard?org=${encodeURIComponent(organizer.organizationId)}` },
    { name: "member timeline", path: `/groups/${group}/members/${member.id}/timeline` },
  ];

  // Submits: online members' unanswered cells of the packs they have (newest first), in about
  // 200 groups at any scale (all of them at 1×; at 10× a tenth, picked by a hash of the id).
  const cells = (await control.query<{ userId: string; slug: string; number: number; promptId: string }>(
    `SELECT u."id" AS "userId", g."slug", k."number", q."id" AS "promptId"
       FROM "Member" m
       JOIN "Person" p ON p."id" = m."personId"
       JOIN "User" u ON u."id" = p."userId"
       JOIN "Group" g ON g."id" = m."groupId"
       JOIN "Organization" o ON o."id" = g."organizationId" AND o."slug" = 'network'
       JOIN "Pack" k ON k."groupId" = g."id" AND k."status" = 'PUBLISHED' AND k."number" >= 20
       JOIN "PackLesson" pl ON pl."packId" = k."id"
       JOIN "Prompt" q ON q."lessonId" = pl."lessonId"
      WHERE m."status" = 'ACTIVE' AND m."channel" = 'ONLINE' AND abs(hashtext(g."id")) % $1 = 0
        AND NOT EXISTS (SELECT 1 FROM "Response" r WHERE r."packId" = k."id" AND r."memberId" = m."id" AND r."promptId" = q."id")
      ORDER BY md5(m."id" || q."id") LIMIT 40000`,
    [SCALE],
  )).rows;
  say(`${cells.length.toLocaleString("en")} unanswered cells of online members to submit into`);
  const cookies = new Map<string, string>();
  for (const c of cells) if (!cookies.has(c.userId)) cookies.set(c.userId, await cookieFor(control, c.userId, secret));
  let nextCell = 0;
  const submit = (): LoadRequest => {
    const c = cells[nextCell++ % cells.length]!;
    const body = JSON.stringify({ promptId: c.promptId, body: `Benchmark answer ${nextCell}: the reading shows how time at work is counted and paid.`, submitKey: randomUUID() });
    return {
      method: "POST",
      path: responsesPath(c.slug, c.number),
      headers: { cookie: cookies.get(c.userId)!, "content-type": "application/json", origin: base },
      body,
    };
  };
  const machine = () =>
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}; ${new Date().toISOString()}`;

  if (values.soak) {
    const memberUser = (await control.query<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = 'member@scale.example.org'`)).rows[0]!;
    const packPage = { name: "a member's pack page", path: "/groups/network-001/packs/50", cookie: await cookieFor(control, memberUser.id, secret) };
    await soak({ base, reads: [...pages.map((p) => ({ ...p, cookie: organizerCookie })), packPage], submit, machine });
    return;
  }

  const rows: PageRow[] = [];
  const measured = [floor, ...pages].filter((p) => !values.page?.length || values.page.some((w) => p.name.includes(w)));
  for (const page of values["submit-only"] ? [] : measured) {
    const request: LoadRequest = { path: page.path, headers: { cookie: organizerCookie } };
    // As a browser loads the page (Accept: text/html): a payload-only request (Accept: */*) also
    // carries the big tables' markup in its RSC payload (decision 043), and is not what is timed.
    const probe = await fetch(base + page.path, { headers: { cookie: organizerCookie, accept: "text/html" }, redirect: "manual" });
    const html = await probe.arrayBuffer();
    say(`${page.name}: ${(html.byteLength / 1024).toFixed(0)} KB of HTML`);
    if (probe.status !== 200) {
      say(`${page.name} (${page.path}): status ${probe.status}; not measured`);
      continue;
    }
    say(`${page.name}: warming up, then measuring (${SEQ} one at a time, ${DURATION} s at 10 concurrent)…`);
    await load({ url: base, connections: 2, amount: 30, next: () => request });
    const cpuBefore = cpuMs(app?.pid);
    const seq = await load({ url: base, connections: 1, amount: SEQ, next: () => request });
    const cpuAfter = cpuMs(app?.pid);
    const appCpuMs = cpuBefore != null && cpuAfter != null ? (cpuAfter - cpuBefore) / seq.requests : null;
    const seqHealth = await load({ url: base, connections: 1, amount: SEQ, next: () => health });
    const c10 = await load({ url: base, connections: 10, duration: DURATION, next: () => request });
    await settle(base);
    const c10Health = await load({ url: base, connections: 10, duration: DURATION, next: () => health });
    await settle(base);
    const sql = await captureSql(() => fetch(base + page.path, { headers: { cookie: organizerCookie } }).then((r) => r.arrayBuffer()));
    rows.push({ ...page, status: probe.status, kb: html.byteLength / 1024, appCpuMs, seq, seqHealth, c10, c10Health, sql });
  }

  if (values["pages-only"]) {
    console.log("");
    console.log(machine());
    printPages(rows);
    return;
  }

  // One submit checked by hand: the route answers with { ok: true }.
  const first = submit();
  const checked = await fetch(base + first.path, { method: "POST", headers: first.headers, body: first.body });
  const answer = await checked.text();
  say(`one submit answers ${answer.length.toLocaleString("en")} characters`);
  if (checked.status !== 200 || !answer.includes('"ok":true')) throw new Error(`a submit did not succeed (status ${checked.status}): ${answer.slice(0, 500)}`);
  const submitSql = await captureSql(() => {
    const r = submit();
    return fetch(base + r.path, { method: "POST", headers: r.headers, body: r.body }).then((res) => res.text());
  });
  say(`submit: warming up, then ${DURATION} s with ${WRITERS} writers and ${DURATION} s at ${RATE}/s offered (autocannon, steady)…`);
  const walk = await walProbe(control);
  // The postmaster and its children (backends, WAL writer, checkpointer), when the server is ours.
  const pgPid = database.embedded ? Number(readFileSync(path.join(settings.dataDir, "postmaster.pid"), "utf8").split("\n")[0]) : undefined;
  const before = Number((await control.query<{ n: string }>(`SELECT count(*) AS n FROM "Response"`)).rows[0]!.n);
  await load({ url: base, connections: 5, amount: 100, next: submit });
  await settle(base);
  const closedWal = await walk.start();
  const waits = sampleWaits(database.url);
  const submitCpuBefore = cpuMs(app?.pid);
  const pgCpuBefore = cpuMs(pgPid);
  const c50 = await load({ url: base, connections: WRITERS, duration: DURATION, next: submit });
  const c50Ok = c50.requests - c50.non2xx - c50.errors;
  const submitCpu = ((cpuMs(app?.pid) ?? NaN) - (submitCpuBefore ?? NaN)) / c50.requests;
  const pgCpu = ((cpuMs(pgPid) ?? NaN) - (pgCpuBefore ?? NaN)) / c50.requests;
  const waited = await waits.stop();
  const c50Wal = await closedWal.stop(c50Ok);
  await settle(base);
  const c50Health = await load({ url: base, connections: WRITERS, duration: DURATION, next: () => health });
  await settle(base);
  const rate100 = await load({ url: base, connections: 20, duration: DURATION, overallRate: RATE, next: submit });
  await settle(base);
  const rate100Health = await load({ url: base, connections: 20, duration: DURATION, overallRate: RATE, next: () => health });
  await settle(base);
  const steadyWal = await walk.start();
  const paced100 = await paced({ url: base, rate: RATE, duration: DURATION, next: submit });
  const pacedWal = await steadyWal.stop(paced100.requests - paced100.non2xx - paced100.errors);
  await settle(base);
  const paced100Health = await paced({ url: base, rate: RATE, duration: DURATION, next: () => health });
  await settle(base);
  const after = Number((await control.query<{ n: string }>(`SELECT count(*) AS n FROM "Response"`)).rows[0]!.n);
  const made = after - before;
  const sent = 100 + c50.requests + rate100.requests + paced100.requests;
  if (nextCell > cells.length) say(`WARNING: ran out of distinct cells (${nextCell} submits for ${cells.length} cells); later submits repeated cells`);
  const rssEnd = rssMb(app?.pid);

  // The report.
  console.log("");
  console.log(machine());
  console.log(`${webConcurrency} Next.js process${webConcurrency > 1 ? "es" : ""} (WEB_CONCURRENCY). Scale ${SCALE}×. Group ${group}; timeline of member ${member.id}; ${DURATION} s per concurrent run; ${SEQ} requests one at a time.`);
  if (pgReset.length) console.log(`PostgreSQL settings changed for the run: ${(values["pg-set"] ?? []).join(", ")}`);
  console.log("");
  printPages(rows);
  console.log("");
  console.log("| submit a response (POST …/responses) | req/s | p50 / p95 / p99 (ms) | non-2xx | /api/health same run: req/s, p95 | WAL per submit |");
  console.log("|---|---|---|---|---|---|");
  console.log(`| ${WRITERS} concurrent writers | ${c50.rps.toFixed(0)} | ${ms(c50.p50)} / ${ms(c50.p95)} / ${ms(c50.p99)} | ${c50.non2xx + c50.errors} | ${c50Health.rps.toFixed(0)}, ${ms(c50Health.p95)} | ${c50Wal.line} |`);
  console.log(`| ${RATE}/s, steady (open loop) | ${paced100.rps.toFixed(0)} | ${ms(paced100.p50)} / ${ms(paced100.p95)} / ${ms(paced100.p99)} | ${paced100.non2xx + paced100.errors} | ${paced100Health.rps.toFixed(0)}, ${ms(paced100Health.p95)} | ${pacedWal.line} |`);
  console.log(`| ${RATE}/s, autocannon overallRate (bursts at each second) | ${rate100.rps.toFixed(0)} | ${ms(rate100.p50)} / ${ms(rate100.p95)} / ${ms(rate100.p99)} | ${rate100.non2xx + rate100.errors} | ${rate100Health.rps.toFixed(0)}, ${ms(rate100Health.p95)} | |`);
  console.log(`Submit: app CPU per submit ${ms(submitCpu)} ms, PostgreSQL CPU per submit ${ms(pgCpu)} ms (${WRITERS}-writer run, process trees from /proc); answer ${answer.length.toLocaleString("en")} characters; ${submitSql?.statements ?? "–"} statements, ${ms(submitSql?.serverMs)} ms logged by PostgreSQL; ${made} new responses for ${sent} submits sent.`);
  console.log(`Active backends during the ${WRITERS}-writer run (pg_stat_activity every 20 ms, ${waited.samples} samples): ${waited.line}`);
  if (c50Wal.byRelation.length) {
    console.log(`WAL of the ${WRITERS}-writer run by relation (pg_walinspect; block data + full-page images, per submit):`);
    for (const r of c50Wal.byRelation) console.log(`  ${r.relation.padEnd(60)} ${(r.bytes / c50Ok).toFixed(0).padStart(6)} B  (FPI ${(r.fpi / c50Ok).toFixed(0)} B, ${(r.records / c50Ok).toFixed(2)} records)`);
    console.log(`  by resource manager: ${c50Wal.byRmgr}`);
  }
  const rssLine = `Web server RSS (process tree): start ${mb(rssStart?.total)}, peak ${mb(rssPeak)}, end ${mb(rssEnd?.total)} (${rssEnd?.processes.map((p) => `${p.name} ${mb(p.mb)}`).join(", ")})`;
  console.log(rssLine);
  console.log("Targets (issue 19): progress / dashboard / timeline p95 ≤ 25 / 25 / 15 ms at 1× (each ≤ 5× /api/health p95), within 1.5× of that at 10×; ≥ 600 submits/s with 50 writers, p95 ≤ 30 ms at a steady 300/s.");
  console.log("PDF figures: npm run bench:pdf.");

  const out = path.join(root, ".data", `bench-scale-${new Date(started).toISOString().replace(/[:.]/g, "-")}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ started: new Date(started), scale: SCALE, pgSet: values["pg-set"], group, memberId: member.id, rows, webConcurrency, rss: { start: rssStart?.total, peak: rssPeak, end: rssEnd?.total }, submit: { writers: WRITERS, rate: RATE, c50, c50Health, rate100, rate100Health, paced100, paced100Health, submitCpu, pgCpu, waits: waited, wal: { closed: c50Wal, steady: pacedWal }, answerChars: answer.length, sql: submitSql, made, sent } }, null, 2));
  say(`figures also in ${path.relative(root, out)}`);
}

/**
 * --soak: mixed reads (each page of the table, and a member's pack page) and submits, one in
 * five of each, at a steady rate for the given seconds; the web server's RSS every --rss-every
 * seconds, printed as a series with its slope over the last half.
 */
async function soak(o: { base: string; reads: { name: string; path: string; cookie: string }[]; submit: () => LoadRequest; machine: () => string }) {
  const seconds = Number(values.soak);
  const rate = Number(values["soak-rate"]);
  const every = Number(values["rss-every"]);
  const kinds = [...o.reads.map((r) => r.name), "submit"];
  for (const r of o.reads) {
    const res = await fetch(o.base + r.path, { headers: { cookie: r.cookie }, redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${r.name} (${r.path}) answered ${res.status}`);
  }
  let i = 0;
  const kindOf = new WeakMap<LoadRequest, string>();
  const next = (): LoadRequest => {
    const k = i++ % kinds.length;
    const read = o.reads[k];
    const request: LoadRequest = read ? { path: read.path, headers: { cookie: read.cookie } } : o.submit();
    kindOf.set(request, kinds[k]!);
    return request;
  };
  const latencies = new Map<string, number[]>(kinds.map((k) => [k, []]));
  const failed = new Map<string, number>();
  // The tree (launcher under tsx, its esbuild, Next.js) and the Next.js process(es) alone.
  const series: { t: number; mb: number; next: number }[] = [];
  const t0 = performance.now();
  const sample = () => {
    const now = rssMb(app?.pid);
    series.push({ t: (performance.now() - t0) / 1000, mb: now?.total ?? NaN, next: now?.processes.filter((p) => p.name.startsWith("next-server")).reduce((sum, p) => sum + p.mb, 0) ?? NaN });
  };
  sample();
  say(`soak: ${seconds} s at ${rate} requests/s (${kinds.join(", ")} in turn), RSS every ${every} s…`);
  const timer = setInterval(() => {
    sample();
    const last = series[series.length - 1]!;
    say(`soak: ${last.t.toFixed(0)} s, RSS ${mb(last.mb)} (Next.js ${mb(last.next)}) [load ${os.loadavg()[0]!.toFixed(1)}]`);
  }, every * 1000);
  const result = await paced({
    url: o.base,
    rate,
    duration: seconds,
    maxSockets: 256,
    next,
    onAnswer: (request, took, status) => {
      const kind = kindOf.get(request) ?? "?";
      latencies.get(kind)?.push(took);
      if (status < 200 || status >= 300) failed.set(kind, (failed.get(kind) ?? 0) + 1);
    },
  });
  clearInterval(timer);
  sample();
  const lastHalf = series.filter((s) => s.t >= seconds / 2).map((s) => ({ x: s.t / 60, y: s.mb }));
  const perMinute = slope(lastHalf);
  const nextPerMinute = slope(series.filter((s) => s.t >= seconds / 2).map((s) => ({ x: s.t / 60, y: s.next })));
  const end = rssMb(app?.pid);
  console.log("");
  console.log(o.machine());
  console.log(`Soak: ${seconds} s at ${rate}/s offered (${result.rps.toFixed(1)}/s answered), ${webConcurrency} Next.js process${webConcurrency > 1 ? "es" : ""}, scale ${SCALE}×; NODE_OPTIONS ${process.env.NODE_OPTIONS ?? "(none)"}.`);
  console.log("");
  console.log("| request | answered | p50 / p95 / p99 (ms) | failed |");
  console.log("|---|---|---|---|");
  for (const k of kinds) {
    const p = percentiles(latencies.get(k)!);
    console.log(`| ${k} | ${latencies.get(k)!.length} | ${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.p99)} | ${failed.get(k) ?? 0} |`);
  }
  console.log("");
  console.log(`RSS (MB) of the web server's process tree / of the Next.js process(es), every ${every} s: ${series.map((s) => `${s.t.toFixed(0)} s ${s.mb.toFixed(0)}/${s.next.toFixed(0)}`).join(", ")}`);
  console.log(`Slope over the last half: tree ${perMinute.toFixed(2)} MB/min, Next.js ${nextPerMinute.toFixed(2)} MB/min (${lastHalf.length} samples); peak ${mb(Math.max(...series.map((s) => s.mb)))}, end ${mb(end?.total)} (${end?.processes.map((p) => `${p.name} ${p.pid}: ${mb(p.mb)}`).join(", ")})`);
  console.log("Target (issue 19): RSS ≤ 500 MB after 10 minutes and flat over the last 5.");
  const out = path.join(root, ".data", `bench-soak-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ seconds, rate, scale: SCALE, webConcurrency, nodeOptions: process.env.NODE_OPTIONS ?? null, result, series, slopeMbPerMinute: perMinute, nextSlopeMbPerMinute: nextPerMinute, perKind: Object.fromEntries(kinds.map((k) => [k, { ...percentiles(latencies.get(k)!), n: latencies.get(k)!.length, failed: failed.get(k) ?? 0 }])) }, null, 2));
  say(`figures also in ${path.relative(root, out)}`);
}

async function stop(code: number) {
  if (rssTimer) clearInterval(rssTimer);
  if (pgReset.length && resetControl) {
    try {
      for (const name of pgReset) await resetControl.query(`ALTER SYSTEM RESET ${name}`);
      await resetControl.query("SELECT pg_reload_conf()");
    } catch {
      // the server is gone; ALTER SYSTEM's file stays, and the next run resets it
    }
  }
  await resetControl?.end().catch(() => {});
  if (app && app.exitCode === null) {
    app.kill("SIGTERM");
    await new Promise((r) => app?.once("exit", r));
  }
  await database?.stop().catch(() => {});
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(1));

main().then(
  () => stop(0),
  async (error: unknown) => {
    console.error(error);
    await stop(1);
  },
);
