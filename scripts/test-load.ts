// `npm run test:load -- --members N --seconds T [--url URL --database-url URL --auth-secret S]`
//
// N signed-in members write answers at once for T seconds, each as the answer editor does
// (components/responses/response-editor.tsx): submit, and when the server says it is busy (503
// with Retry-After) wait as told and send the same text with the same key again. Then what was
// acknowledged is compared with what PostgreSQL holds, and the run fails (exit 1) on any
// difference. A difference is:
//   - an acknowledged submit (200, { ok: true, version }) whose text is not stored as that version;
//   - a stored version whose submit was never acknowledged, unless one of its tries got no answer
//     at all (timed out or the connection broke): the server may have done that one, and the
//     writer could not know;
//   - a submit stored twice (its key must make one version, however often it is sent);
//   - an answer other than 200 or 503-with-Retry-After (a 500, a 503 without Retry-After).
// A submit refused every time until the run ended is not a difference: it was not acknowledged
// and must not be stored, and the check above holds it to that.
//
// Without --url it starts a Studypack of its own the way an operator does (scripts/serve.ts start:
// embedded PostgreSQL, migrations, demo data) in a folder of its own under tests/.tmp on free ports; the environment
// passes through, so ADMISSION_MAX_IN_FLIGHT=0 measures the server without its limit. With --url
// it writes into a running one; --database-url and --auth-secret (the instance's AUTH_SECRET, to
// make session cookies) are then needed too. Writers are members made for the run in the demo's
// "intro" group (--group), so demo data must be there.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { freePort } from "../lib/db/free-port";
import { launchStudypack } from "./lib/launch";
import { percentiles, type Percentiles } from "./scale/load";

export type LoadOptions = {
  url: string;
  databaseUrl: string;
  authSecret: string;
  members: number;
  seconds: number;
  group?: string;
  /** A try with no answer after this long counts as "no answer" (ms). */
  requestTimeoutMs?: number;
  say?: (line: string) => void;
};

export type LoadReport = {
  members: number;
  seconds: number;
  /** Submits (distinct texts) started, and how each ended. */
  submits: number;
  acknowledged: number;
  refusedToTheEnd: number;
  unanswered: number;
  /** HTTP tries: all, answered 200, answered 503 with Retry-After, anything else, no answer. */
  tries: number;
  ok: number;
  busy: number;
  other: number;
  noAnswer: number;
  /** Share of tries answered 503. */
  busyShare: number;
  /** Latency of tries answered 200, and of tries answered 503 (ms). */
  okLatency: Percentiles;
  busyLatency: Percentiles;
  /** Acknowledged submits per second. */
  ackPerSecond: number;
  stored: number;
  differences: string[];
  /** os.loadavg() at the end of the writing. */
  loadAverage: number[];
};

/** One answer a writer sent (with its tries) and how it ended. */
export type Submit = { body: string; key: string; writer: number; tries: number; noAnswer: boolean; ackVersion: number | null };

/** What PostgreSQL holds of one text: its (first) version and how many versions hold it. */
export type Stored = { body: string; version: number; count: number };

/** The differences between what the writers were told and what is stored (see the top of this file). */
export function differencesOf(submits: Submit[], stored: Stored[]): string[] {
  const storedByBody = new Map(stored.map((s) => [s.body, s]));
  const differences: string[] = [];
  for (const s of submits) {
    const row = storedByBody.get(s.body);
    if (s.ackVersion !== null && !row) differences.push(`acknowledged but not stored: writer ${s.writer}, version ${s.ackVersion}`);
    else if (s.ackVersion !== null && row && row.version !== s.ackVersion) differences.push(`acknowledged as version ${s.ackVersion} but stored as ${row.version}: writer ${s.writer}`);
    if (row && row.count > 1) differences.push(`stored ${row.count} times: writer ${s.writer} "${s.body.slice(0, 40)}…"`);
    if (row && s.ackVersion === null && !s.noAnswer) differences.push(`stored but never acknowledged, and every try was answered: writer ${s.writer}`);
  }
  const known = new Set(submits.map((s) => s.body));
  for (const s of stored) if (!known.has(s.body)) differences.push(`stored but never sent: "${s.body.slice(0, 60)}"`);
  return differences;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Makes `count` online members of the group, each with a session; returns their cookies and the prompt they answer. */
async function makeWriters(client: pg.Client, options: LoadOptions, run: string) {
  const group = (await client.query<{ id: string; organizationId: string }>(`SELECT "id", "organizationId" FROM "Group" WHERE "slug" = $1`, [options.group ?? "intro"])).rows[0];
  if (!group) throw new Error(`no group "${options.group ?? "intro"}": the load test writes into the demo data (start without DEMO_DATA=off)`);
  const target = (await client.query<{ number: number; promptId: string }>(
    `SELECT k."number", q."id" AS "promptId" FROM "Pack" k JOIN "PackLesson" pl ON pl."packId" = k."id" JOIN "Prompt" q ON q."lessonId" = pl."lessonId"
      WHERE k."groupId" = $1 AND k."status" = 'PUBLISHED' ORDER BY k."number", q."id" LIMIT 1`,
    [group.id],
  )).rows[0];
  if (!target) throw new Error("the group has no published pack with a prompt to answer");
  const users = (await client.query<{ id: string }>(
    `WITH u AS (
       INSERT INTO "User" ("id", "email", "name", "updatedAt")
       SELECT gen_random_uuid()::text, 'load-' || $1 || '-' || i || '@load.example.org', 'Load writer ' || i, now()
         FROM generate_series(1, $2::int) AS i
       RETURNING "id", "email"),
     p AS (
       INSERT INTO "Person" ("id", "organizationId", "userId", "legalName", "email", "updatedAt")
       SELECT gen_random_uuid()::text, $3, u."id", 'Load writer', u."email", now() FROM u
       RETURNING "id", "userId"),
     m AS (
       INSERT INTO "Member" ("id", "groupId", "personId", "channel", "status", "penName", "updatedAt")
       SELECT gen_random_uuid()::text, $4, p."id", 'ONLINE', 'ACTIVE', 'load-' || $1 || '-' || p."id", now() FROM p
       RETURNING "personId")
     SELECT p."userId" AS "id" FROM p JOIN m ON m."personId" = p."id" ORDER BY p."userId"`,
    [run, options.members, group.organizationId, group.id],
  )).rows;
  const cookies: string[] = [];
  for (const user of users) {
    // What lib/auth/options.ts puts in the cookie: the user id and the id of a Session row.
    const sid = randomBytes(16).toString("base64url");
    await client.query(`INSERT INTO "Session" ("id", "userId", "expiresAt") VALUES ($1, $2, now() + interval '12 hours')`, [sid, user.id]);
    const token = await encode({ token: { sub: user.id, sid }, secret: options.authSecret, maxAge: 12 * 3600 });
    cookies.push(`next-auth.session-token=${token}`);
  }
  const slug = options.group ?? "intro";
  return { cookies, path: `/api/groups/${encodeURIComponent(slug)}/packs/${target.number}/responses`, promptId: target.promptId };
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const say = options.say ?? (() => {});
  const run = randomUUID().slice(0, 8);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const writers = await makeWriters(client, options, run);
    say(`${writers.cookies.length} members of the run ${run} write for ${options.seconds} s into ${options.url}${writers.path}`);
    const submits: Submit[] = [];
    const okTimes: number[] = [];
    const busyTimes: number[] = [];
    const others: string[] = [];
    let tries = 0;
    let noAnswer = 0;
    const started = performance.now();
    const end = started + options.seconds * 1000;
    const timeout = options.requestTimeoutMs ?? 30_000;

    const writer = async (w: number) => {
      let n = 0;
      while (performance.now() < end) {
        const submit: Submit = { body: `load ${run} writer ${w} answer ${++n}: the reading shows how time at work is counted.`, key: randomUUID(), writer: w, tries: 0, noAnswer: false, ackVersion: null };
        submits.push(submit);
        // The same text and key until it is acknowledged or the run is over.
        while (performance.now() < end) {
          submit.tries++;
          tries++;
          const sent = performance.now();
          let response: Response;
          let text: string;
          try {
            response = await fetch(options.url + writers.path, {
              method: "POST",
              headers: { cookie: writers.cookies[w]!, "content-type": "application/json", origin: options.url },
              body: JSON.stringify({ promptId: writers.promptId, body: submit.body, submitKey: submit.key }),
              signal: AbortSignal.timeout(timeout),
            });
            text = await response.text();
          } catch {
            submit.noAnswer = true;
            noAnswer++;
            await sleep(1000);
            continue;
          }
          const took = performance.now() - sent;
          const retryAfter = response.headers.get("retry-after");
          if (response.status === 200) {
            okTimes.push(took);
            const result = JSON.parse(text) as { ok: boolean; data?: { version: number } };
            if (!result.ok || typeof result.data?.version !== "number") others.push(`200 without a version: ${text.slice(0, 200)}`);
            else submit.ackVersion = result.data.version;
            break;
          }
          if (response.status === 503 && retryAfter && /^\d+$/.test(retryAfter)) {
            busyTimes.push(took);
            // As the editor does: the time the server asked for, and a little spread.
            await sleep(Number(retryAfter) * 1000 + Math.random() * 500);
            continue;
          }
          others.push(`${response.status}${response.status === 503 ? " without Retry-After" : ""}: ${text.slice(0, 200)}`);
          break;
        }
      }
    };
    await Promise.all(writers.cookies.map((_, w) => writer(w)));
    const seconds = (performance.now() - started) / 1000;
    const loadAverage = os.loadavg();

    // What PostgreSQL holds of this run: every version whose text names it.
    const stored = (await client.query<{ body: string; version: number; count: string }>(
      `SELECT rv."body", min(rv."version") AS "version", count(*) AS "count" FROM "ResponseVersion" rv WHERE rv."body" LIKE $1 GROUP BY rv."body"`,
      [`load ${run} %`],
    )).rows;
    const differences: string[] = [...others.slice(0, 20).map((o) => `unexpected answer ${o}`)];
    if (others.length > 20) differences.push(`… and ${others.length - 20} more unexpected answers`);
    differences.push(...differencesOf(submits, stored.map((s) => ({ body: s.body, version: s.version, count: Number(s.count) }))));

    const acknowledged = submits.filter((s) => s.ackVersion !== null).length;
    return {
      members: writers.cookies.length,
      seconds,
      submits: submits.length,
      acknowledged,
      refusedToTheEnd: submits.filter((s) => s.ackVersion === null && !s.noAnswer).length,
      unanswered: submits.filter((s) => s.ackVersion === null && s.noAnswer).length,
      tries,
      ok: okTimes.length,
      busy: busyTimes.length,
      other: others.length,
      noAnswer,
      busyShare: tries ? busyTimes.length / tries : 0,
      okLatency: percentiles(okTimes),
      busyLatency: percentiles(busyTimes),
      ackPerSecond: acknowledged / seconds,
      stored: stored.length,
      differences,
      loadAverage,
    };
  } finally {
    await client.end();
  }
}

export function formatReport(r: LoadReport): string {
  const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : "–");
  return [
    `${r.members} members, ${r.seconds.toFixed(1)} s: ${r.submits} submits, ${r.acknowledged} acknowledged (${r.ackPerSecond.toFixed(0)}/s), ${r.refusedToTheEnd} still refused when the run ended, ${r.unanswered} without an answer`,
    `tries: ${r.tries}; 200: ${r.ok} (p50 ${ms(r.okLatency.p50)} ms, p95 ${ms(r.okLatency.p95)} ms, p99 ${ms(r.okLatency.p99)} ms); 503 busy: ${r.busy} = ${(r.busyShare * 100).toFixed(1)} % (p50 ${ms(r.busyLatency.p50)} ms, p95 ${ms(r.busyLatency.p95)} ms); other answers: ${r.other}; no answer: ${r.noAnswer}`,
    `acknowledged ${r.acknowledged}, stored ${r.stored}: ${r.differences.length === 0 ? "no difference" : `${r.differences.length} difference(s)`}`,
    ...r.differences.slice(0, 30).map((d) => `  - ${d}`),
    `load average ${r.loadAverage.map((v) => v.toFixed(2)).join(" ")} (${os.cpus().length} cores), ${new Date().toISOString()}`,
  ].join("\n");
}

/** A Studypack of its own, as `npm start` runs it, in a folder of its own on free ports. */
async function startOwn(say: (line: string) => void): Promise<{ url: string; databaseUrl: string; authSecret: string; stop: () => Promise<void> }> {
  const [port, pgPort] = [await freePort(), await freePort()];
  // Under the project, as the tests' instances are: the embedded PostgreSQL may run as another
  // user, who cannot enter a private folder such as mkdtemp makes.
  const dir = path.resolve("tests/.tmp", `load-${randomUUID().slice(0, 8)}`);
  mkdirSync(dir, { recursive: true });
  const authSecret = randomBytes(32).toString("base64url");
  say(`starting a Studypack at http://localhost:${port} (database on port ${pgPort}, folder ${dir}); a first start builds the app`);
  // Its output is kept by launchStudypack and shown only when the start fails: a stopping
  // server's own messages (the job queue losing its connection as PostgreSQL stops) would bury
  // the report.
  const launched = await launchStudypack({ port, pgPort, dir, authSecret });
  return {
    url: launched.url,
    databaseUrl: launched.databaseUrl,
    authSecret,
    stop: async () => {
      await launched.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      members: { type: "string", default: "200" },
      seconds: { type: "string", default: "60" },
      url: { type: "string" },
      "database-url": { type: "string" },
      "auth-secret": { type: "string" },
      group: { type: "string", default: "intro" },
    },
  });
  const say = (line: string) => console.log(`[test:load] ${line}`);
  const members = Number(values.members);
  const seconds = Number(values.seconds);
  if (!Number.isInteger(members) || members < 1 || !(seconds > 0)) throw new Error("--members must be a whole number ≥ 1 and --seconds a number > 0");
  let target: { url: string; databaseUrl: string; authSecret: string; stop?: () => Promise<void> };
  if (values.url) {
    const authSecret = values["auth-secret"] ?? process.env.AUTH_SECRET;
    if (!values["database-url"] || !authSecret) throw new Error("with --url, give --database-url and --auth-secret (or AUTH_SECRET) of that instance");
    target = { url: values.url.replace(/\/$/, ""), databaseUrl: values["database-url"], authSecret };
  } else {
    target = await startOwn(say);
  }
  try {
    const report = await runLoad({ ...target, members, seconds, group: values.group, say });
    console.log(formatReport(report));
    process.exitCode = report.differences.length === 0 ? 0 : 1;
  } finally {
    await target.stop?.();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
