// The parts /api/health reports (app/api/health/route.ts): is PostgreSQL answering, and why not;
// is the job queue being worked. Nothing here names a group, a member or what a job is for.
import "server-only";
import { db } from "@/lib/db";

export type Part = { status: "ok" | "down"; reason?: string; [detail: string]: unknown };

/** A probe that takes longer than this is reported as down rather than holding the check open. */
const PROBE_MS = 5_000;
/** A job waiting longer than this means no worker is taking jobs (a print run starts within seconds). */
const STALLED_JOB_SECONDS = 15 * 60;

function withinTime<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${PROBE_MS / 1000} s`)), PROBE_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * What went wrong, as the driver adapter classified it: Prisma puts it in
 * meta.driverAdapterError.cause ({kind, code?}); a plain pg or socket error has a code.
 */
function classify(error: unknown): { kind?: string; code?: string; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } } } | null)?.meta;
  const cause = meta?.driverAdapterError?.cause;
  const kind = typeof cause?.kind === "string" ? cause.kind : undefined;
  const code = typeof cause?.code === "string" ? cause.code : typeof (error as { code?: unknown })?.code === "string" ? (error as { code: string }).code : undefined;
  return { kind, code, message };
}

const KNOWN: Record<string, string> = {
  DatabaseNotReachable: "connection refused: PostgreSQL is not running or not listening on its port",
  ECONNREFUSED: "connection refused: PostgreSQL is not running or not listening on its port",
  ConnectionClosed: "the connection was cut: PostgreSQL stopped or restarted",
  ECONNRESET: "the connection was cut: PostgreSQL stopped or restarted",
  SocketTimeout: "PostgreSQL did not answer in time",
  DatabaseDoesNotExist: "the database does not exist",
  AuthenticationFailed: "PostgreSQL refused the user name or password",
  DatabaseAccessDenied: "PostgreSQL refused access to the database",
  TooManyConnections: "PostgreSQL has no free connections",
  "57P01": "PostgreSQL ended the connection: it is shutting down, or it crashed",
  "57P02": "PostgreSQL is restarting after a crash",
  "57P03": "PostgreSQL is starting up and not yet accepting connections",
};

/** Why PostgreSQL did not answer, in words an operator can act on; never the URL or a password. */
export function databaseReason(error: unknown): string {
  const { kind, code, message } = classify(error);
  const known = (code && KNOWN[code]) || (kind && KNOWN[kind]);
  if (known) return known;
  if (/timeout|did not answer|timed out/i.test(message)) return "PostgreSQL did not answer in time";
  // Unknown: the driver's own words (Prisma's last line), without anything that looks like a URL.
  const line = message.split("\n").map((l) => l.trim()).filter(Boolean).at(-1) ?? "unknown error";
  return `PostgreSQL did not answer: ${line.replace(/\w+:\/\/\S+/g, "…").slice(0, 200)}`;
}

export async function database(): Promise<Part> {
  try {
    await withinTime(db.$queryRaw`SELECT 1`, "PostgreSQL");
    return { status: "ok" };
  } catch (error) {
    return { status: "down", reason: databaseReason(error) };
  }
}

/** The job queue's state is read at most this often: health is polled often, and load runs compare against it. */
const JOBS_FRESH_MS = 10_000;
let lastJobs: { at: number; part: Part } | undefined;

/**
 * The job queue (pg-boss, in the same database: print runs, e-mail): how many jobs are due and
 * how long the oldest has waited. Jobs that wait for a quarter of an hour mean no worker takes them.
 * Only asked while the database answers, and at most every JOBS_FRESH_MS.
 */
export async function jobs(): Promise<Part> {
  if (lastJobs && Date.now() - lastJobs.at < JOBS_FRESH_MS) return lastJobs.part;
  const part = await readJobs();
  lastJobs = { at: Date.now(), part };
  return part;
}

async function readJobs(): Promise<Part> {
  try {
    const [row] = await withinTime(
      db.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS "exists"`,
      "the job queue",
    );
    if (!row?.exists) return { status: "down", reason: "the job queue is not set up: no job worker has started" };
    // state < 'active' (created, retry) is the predicate of pg-boss's own index on due jobs.
    const [due] = await withinTime(
      db.$queryRaw<{ waiting: bigint; oldest: number | null }[]>`
        SELECT count(*) AS waiting, extract(epoch FROM now() - min(start_after))::float8 AS oldest
        FROM pgboss.job WHERE state < 'active' AND start_after <= now()`,
      "the job queue",
    );
    const waiting = Number(due?.waiting ?? 0);
    const oldestWaitingSeconds = Math.max(0, Math.round(due?.oldest ?? 0));
    if (oldestWaitingSeconds > STALLED_JOB_SECONDS) {
      return { status: "down", reason: `${waiting} job(s) due, the oldest for ${Math.round(oldestWaitingSeconds / 60)} minutes: no job worker is taking them`, waiting, oldestWaitingSeconds };
    }
    return { status: "ok", waiting, oldestWaitingSeconds };
  } catch (error) {
    return { status: "down", reason: databaseReason(error) };
  }
}
