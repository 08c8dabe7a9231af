// `npm run test:crash -- --kills K --writers N`: does a crash lose an acknowledged write?
// Starts a Studypack with the demo data (the launcher, the embedded PostgreSQL, Next.js, in its
// own folder on its own ports), lets N signed-in demo members submit answers through the route
// the answer editor posts to (components/responses/post-response.ts), and kill -9s the web server
// and PostgreSQL in turn, K kills in all, while they write. After a web server kill the launcher
// must exit non-zero by itself and is started again, as systemd would; after a PostgreSQL kill
// the launcher starts PostgreSQL again and the same web server must answer again. Then every
// submit that was acknowledged (200 with ok:true) must be in the database, as the version it was
// acknowledged as. Prints acknowledged vs present and the recovery times; exits non-zero on any
// loss or any recovery that did not happen. tests/ops/crash.spec.ts runs a short one in CI.
//
// Options: --kills (6), --writers (20), --seconds of writing before each kill and after the
// last (5), --port (3470), --pg-port (54470), --dir (.data/crash-test, emptied first);
// --unsafe-commits turns PostgreSQL's synchronous_commit off, to see the check catch a loss.
import { randomBytes, randomUUID } from "node:crypto";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { responsesPath } from "../components/responses/post-response";
import { launchStudypack, type LauncherExit } from "./lib/launch";
import { childrenOf, isAlive, portOpen, postmasterPid, sleep, webServerPid } from "./lib/processes";

export type { LauncherExit } from "./lib/launch";

/** A running Studypack as the crash test needs it (the ops harness's Instance has all of this). */
export type CrashTarget = {
  url: string;
  databaseUrl: string;
  dataDir: string;
  pgPort: number;
  launcherPid: number;
  exited: Promise<LauncherExit>;
  stop(): Promise<LauncherExit>;
};

export type CrashOptions = {
  kills: number;
  writers: number;
  /** Seconds of writing before each kill, and after the last one. */
  seconds: number;
  /** The AUTH_SECRET the instance signs sessions with (the test signs members in with it). */
  secret: string;
  /**
   * Let PostgreSQL acknowledge commits before they are durable (synchronous_commit=off), so a
   * PostgreSQL kill loses the last acknowledged writes: shows that the check finds a loss.
   */
  unsafeCommits?: boolean;
  /** Starts the instance: fresh the first time, on the same folder after a web server kill. */
  start(fresh: boolean): Promise<CrashTarget>;
  log?: (line: string) => void;
};

export type Kill = {
  part: "web server" | "PostgreSQL";
  /** Web server: kill → launcher gone. PostgreSQL: kill → health 200 again. */
  recoveredMs: number | null;
  /** Web server: the launcher's exit code. */
  exitCode?: number | null;
  /** Web server: the new launcher's start → health 200. */
  restartMs?: number;
  problem?: string;
};

export type CrashReport = {
  attempted: number;
  acknowledged: number;
  present: number;
  missing: string[];
  kills: Kill[];
  problems: string[];
  seconds: number;
};

type Cell = { userId: string; slug: string; number: number; promptId: string };
type Ack = { body: string; version: number };

async function healthStatus(url: string): Promise<number | null> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
}

/** Online members' cells (member × published pack × prompt) in the demo data, and a signed-in cookie for each member. */
async function signInWriters(databaseUrl: string, secret: string): Promise<{ cells: Cell[]; cookies: Map<string, string> }> {
  const control = new pg.Client({ connectionString: databaseUrl });
  await control.connect();
  try {
    const cells = (await control.query<Cell>(
      `SELECT u."id" AS "userId", g."slug", k."number", q."id" AS "promptId"
         FROM "Member" m
         JOIN "Person" p ON p."id" = m."personId"
         JOIN "User" u ON u."id" = p."userId"
         JOIN "Group" g ON g."id" = m."groupId" AND g."archivedAt" IS NULL
         JOIN "Pack" k ON k."groupId" = g."id" AND k."status" = 'PUBLISHED'
         JOIN "PackLesson" pl ON pl."packId" = k."id"
         JOIN "Prompt" q ON q."lessonId" = pl."lessonId"
        WHERE m."status" = 'ACTIVE' AND m."channel" = 'ONLINE'
        ORDER BY md5(m."id" || q."id")`,
    )).rows;
    if (cells.length === 0) throw new Error("no online member with a published pack: the crash test needs the demo data (DEMO_DATA=on)");
    const cookies = new Map<string, string>();
    for (const { userId } of cells) {
      if (cookies.has(userId)) continue;
      // What lib/auth/options.ts puts in the cookie: the user id and the id of a Session row.
      const sid = randomBytes(16).toString("base64url");
      await control.query(`INSERT INTO "Session" ("id", "userId", "expiresAt") VALUES ($1, $2, now() + interval '12 hours')`, [sid, userId]);
      cookies.set(userId, `next-auth.session-token=${await encode({ token: { sub: userId, sid }, secret, maxAge: 12 * 3600 })}`);
    }
    return { cells, cookies };
  } finally {
    await control.end();
  }
}

export async function runCrashTest(options: CrashOptions): Promise<CrashReport> {
  const log = options.log ?? ((line: string) => console.log(`test:crash: ${line}`));
  const began = Date.now();
  let target = await options.start(true);
  let writing = false;
  try {
    const { url } = target;
    if (options.unsafeCommits) {
      const admin = new pg.Client({ connectionString: target.databaseUrl });
      await admin.connect();
      await admin.query("ALTER SYSTEM SET synchronous_commit = off");
      await admin.query("SELECT pg_reload_conf()");
      await admin.end();
      log("synchronous_commit=off: PostgreSQL kills should now lose acknowledged writes, and this run fail");
    }
    const { cells, cookies } = await signInWriters(target.databaseUrl, options.secret);
    const run = randomBytes(4).toString("hex");
    log(`${options.writers} writers over ${cells.length} answer cells of ${cookies.size} online demo members; run ${run}`);

    const acknowledged: Ack[] = [];
    const problems: string[] = [];
    let attempted = 0;
    writing = true;
    const writer = async (index: number) => {
      for (let turn = 0; writing; turn++) {
        const cell = cells[(index + turn * options.writers) % cells.length]!;
        const body = `crash ${run} ${index}.${turn}: the reading shows how time at work is counted and paid.`;
        attempted++;
        try {
          const response = await fetch(url + responsesPath(cell.slug, cell.number), {
            method: "POST",
            headers: { cookie: cookies.get(cell.userId)!, "content-type": "application/json", origin: url },
            body: JSON.stringify({ promptId: cell.promptId, body, submitKey: randomUUID() }),
            signal: AbortSignal.timeout(15_000),
          });
          const answer = (await response.json().catch(() => null)) as { ok?: boolean; data?: { version?: number } } | null;
          if (response.status === 200 && answer?.ok === true && typeof answer.data?.version === "number") {
            acknowledged.push({ body, version: answer.data.version });
            continue;
          }
        } catch {
          // Refused or cut off while a part is down: not acknowledged, so not counted.
        }
        await sleep(100);
      }
    };
    const writers = Array.from({ length: options.writers }, (_, i) => writer(i));

    const kills: Kill[] = [];
    for (let k = 1; k <= options.kills; k++) {
      await sleep(options.seconds * 1000);
      const part: Kill["part"] = k % 2 === 1 ? "web server" : "PostgreSQL";
      const before = acknowledged.length;
      if (part === "web server") {
        const pid = webServerPid(target.launcherPid);
        if (!pid) throw new Error(`kill ${k}: no web server child of the launcher (${JSON.stringify(childrenOf(target.launcherPid))})`);
        const killedAt = Date.now();
        process.kill(pid, "SIGKILL");
        const exit = await Promise.race([target.exited, sleep(30_000).then(() => null)]);
        const kill: Kill = { part, recoveredMs: exit ? exit.at - killedAt : null, exitCode: exit?.code };
        if (!exit) {
          kill.problem = "the launcher did not exit within 30 s (killed now)";
          process.kill(target.launcherPid, "SIGKILL");
          await target.exited;
        } else if (exit.code === 0 || exit.code === null) kill.problem = `the launcher exited with ${exit.code ?? exit.signal}, not a failure code`;
        if (await portOpen(target.pgPort)) kill.problem ??= "PostgreSQL still listens after the launcher exited";
        // What systemd's Restart=on-failure does: start it again on the same folder.
        const restartAt = Date.now();
        target = await options.start(false);
        kill.restartMs = Date.now() - restartAt;
        kills.push(kill);
        log(`kill ${k}: web server (pid ${pid}) → launcher exited in ${kill.recoveredMs ?? "–"} ms with code ${kill.exitCode ?? "–"}; started again, answering in ${kill.restartMs} ms (${acknowledged.length - before} acks meanwhile)${kill.problem ? ` PROBLEM: ${kill.problem}` : ""}`);
      } else {
        const pid = postmasterPid(target.dataDir);
        if (!pid) throw new Error(`kill ${k}: no postmaster.pid in ${target.dataDir}`);
        const killedAt = Date.now();
        process.kill(pid, "SIGKILL");
        let recoveredMs: number | null = null;
        // The health answer may still be 200 for a moment; wait for PostgreSQL to be gone first.
        while (isAlive(pid) && Date.now() - killedAt < 5_000) await sleep(20);
        while (Date.now() - killedAt < 60_000) {
          if ((await healthStatus(url)) === 200) {
            recoveredMs = Date.now() - killedAt;
            break;
          }
          await sleep(100);
        }
        const kill: Kill = { part, recoveredMs };
        if (recoveredMs === null) kill.problem = "health did not answer 200 within 60 s";
        if (!isAlive(target.launcherPid)) kill.problem = "the launcher exited instead of restarting PostgreSQL";
        kills.push(kill);
        log(`kill ${k}: PostgreSQL (pid ${pid}) → health 200 again in ${recoveredMs ?? "–"} ms${kill.problem ? ` PROBLEM: ${kill.problem}` : ""}`);
      }
      if (kills.at(-1)?.problem) problems.push(`kill ${k} (${part}): ${kills.at(-1)!.problem}`);
    }
    await sleep(options.seconds * 1000);
    writing = false;
    await Promise.all(writers);

    // Every acknowledged submit, as the version it was acknowledged as.
    const check = new pg.Client({ connectionString: target.databaseUrl });
    await check.connect();
    const stored = new Map<string, number>();
    try {
      const rows = await check.query<{ body: string; version: number }>(`SELECT "body", "version" FROM "ResponseVersion" WHERE "body" LIKE $1`, [`crash ${run} %`]);
      for (const row of rows.rows) stored.set(row.body, row.version);
    } finally {
      await check.end();
    }
    const missing = acknowledged.filter((ack) => stored.get(ack.body) !== ack.version).map((ack) => `${ack.body.slice(0, 30)}… v${ack.version}`);
    const exit = await target.stop();
    if (exit.code !== 0) problems.push(`the launcher's last stop (SIGTERM) ended with ${exit.code ?? exit.signal}, not 0`);
    return { attempted, acknowledged: acknowledged.length, present: acknowledged.length - missing.length, missing, kills, problems, seconds: (Date.now() - began) / 1000 };
  } catch (error) {
    // Leave nothing running behind a failed run.
    writing = false;
    await target.stop().catch(() => undefined);
    throw error;
  }
}

export function summarize(report: CrashReport): string {
  const times = (part: Kill["part"]) => report.kills.filter((k) => k.part === part).map((k) => k.recoveredMs ?? "–").join(", ");
  const restarts = report.kills.filter((k) => k.restartMs !== undefined).map((k) => k.restartMs).join(", ");
  return [
    `${report.kills.length} kills in ${report.seconds.toFixed(0)} s: ${report.attempted} submits sent, ${report.acknowledged} acknowledged, ${report.present} present, ${report.missing.length} missing`,
    `web server kill → launcher exit (ms): ${times("web server") || "–"}; launcher start again → health 200 (ms): ${restarts || "–"}`,
    `PostgreSQL kill → health 200 (ms): ${times("PostgreSQL") || "–"}`,
    ...report.missing.slice(0, 20).map((m) => `MISSING: ${m}`),
    ...report.problems.map((p) => `PROBLEM: ${p}`),
  ].join("\n");
}

/** The command line: its own instance, started the way an operator starts one. */
async function main() {
  const { values } = parseArgs({
    options: {
      kills: { type: "string", default: "6" },
      writers: { type: "string", default: "20" },
      seconds: { type: "string", default: "5" },
      port: { type: "string", default: "3470" },
      "pg-port": { type: "string", default: "54470" },
      dir: { type: "string", default: ".data/crash-test" },
      "unsafe-commits": { type: "boolean", default: false },
    },
  });
  const number = (name: keyof typeof values, min: number) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number of at least ${min}`);
    return value;
  };
  const port = number("port", 1);
  const pgPort = number("pg-port", 1);
  const dir = path.resolve(values.dir!);
  const url = `http://localhost:${port}`;
  const secret = randomBytes(32).toString("base64url");
  let starts = 0;
  const start = async (fresh: boolean): Promise<CrashTarget> => {
    if (fresh) rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const logFile = path.join(dir, `launcher-${++starts}.log`);
    const out = createWriteStream(logFile);
    try {
      const launched = await launchStudypack({ port, pgPort, dir, authSecret: secret, env: { DEMO_DATA: "on" }, onOutput: (chunk) => out.write(chunk) });
      return { ...launched, launcherPid: launched.launcher.pid!, stop: () => launched.stop(30_000) };
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message.split("\n")[0] : error}; see ${logFile}`);
    }
  };
  console.log(`test:crash: starting Studypack on ${url} (PostgreSQL on ${pgPort}, folder ${dir}; launcher logs there)…`);
  const report = await runCrashTest({ kills: number("kills", 0), writers: number("writers", 1), seconds: number("seconds", 1), secret, start, unsafeCommits: values["unsafe-commits"] });
  console.log(summarize(report));
  process.exit(report.missing.length || report.problems.length || report.acknowledged === 0 ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
