// Slows password guessing without letting a stranger lock out the rightful owner
// (docs/decisions/018-sessions-passwords-and-throttling.md). Attempts are rows in PostgreSQL, so
// every web process sees the same counts. A "source" is the client address
// (lib/auth/client-address.ts), or "unknown".
//
// Nothing is ever locked for good: a refused attempt is told how long to wait, and waits grow
// (1 s, 2 s, 4 s … at most 15 minutes) with the failures of the rule that refused it:
//
//   A. account + source: after 5 failures of this email from this source (since its last
//      success, within a day). An attacker elsewhere never slows the owner down this way.
//   B. one source across accounts: after failures for 10 different emails from this source,
//      every attempt from it for an email not known there (see below) waits.
//   C. an account under attack: once an email has 20 failures from anywhere in a day, a source
//      it is not known at gets 1 free failure instead of 5.
//
// "Known" means this email signed in successfully from this source within 30 days: the owner at
// their usual address passes rules B and C untouched, whatever an attacker does elsewhere.
//
// The refusal and its wait are the same whether or not the email has an account (the rules
// never read User), so they reveal nothing. A refused attempt checks no password and writes
// nothing. An allowed one is written as a failure before the password is checked, under an
// advisory lock per source and per account+source, so a burst of simultaneous guesses is counted
// as it arrives rather than after; a success then replaces it.
//
// Pruning is done on write: each allowed attempt deletes failures older than a day and
// successes older than 30 days (an index on createdAt keeps that cheap).
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";

export const RULES = {
  /** How long a failure counts. */
  failureWindowHours: 24,
  /** How long a success makes a source "known" for that email. */
  knownSourceDays: 30,
  /** A: failures of an email from one source before waits begin. */
  freeFailuresPerAccountAndSource: 5,
  /** C: the same, for a source the email is not known at, while the account is under attack. */
  freeFailuresUnderAttack: 1,
  /** C: failures of an email from anywhere that mean it is under attack. */
  accountUnderAttackAt: 20,
  /** B: different emails failing from one source before waits begin. */
  freeAccountsPerSource: 10,
  firstDelaySeconds: 1,
  maxDelaySeconds: 15 * 60,
} as const;

export const UNKNOWN_SOURCE = "unknown";

/** What the rules need to know about an attempt, read in one statement. */
export type AttemptState = {
  /** Failures of this email from this source within the window. */
  pairFailures: number;
  pairLastFailure: Date | null;
  /** This email signed in from this source within knownSourceDays. */
  known: boolean;
  /** Failures of this email from any source within the window. */
  accountFailures: number;
  /** Different emails with failures from this source within the window. */
  sourceAccounts: number;
  sourceLastFailure: Date | null;
};

/** A wait that doubles with each step past the free ones: 0, then 1 s, 2 s, 4 s … capped. */
export function delaySeconds(count: number, free: number): number {
  if (count < free) return 0;
  return Math.min(RULES.maxDelaySeconds, RULES.firstDelaySeconds * 2 ** Math.min(30, count - free));
}

/** Seconds until an attempt in `state` may be tried, at time `now`; 0 when it may be tried now. */
export function secondsToWait(state: AttemptState, now: Date): number {
  const remaining = (last: Date | null, delay: number) => (last && delay > 0 ? Math.max(0, Math.ceil((last.getTime() + delay * 1000 - now.getTime()) / 1000)) : 0);
  const underAttack = !state.known && state.accountFailures >= RULES.accountUnderAttackAt;
  const free = underAttack ? RULES.freeFailuresUnderAttack : RULES.freeFailuresPerAccountAndSource;
  const pairWait = remaining(state.pairLastFailure, delaySeconds(state.pairFailures, free));
  const sourceWait = state.known ? 0 : remaining(state.sourceLastFailure, delaySeconds(state.sourceAccounts, RULES.freeAccountsPerSource));
  return Math.max(pairWait, sourceWait);
}

type StateRow = {
  now: Date;
  pairFailures: number;
  pairLastFailure: Date | null;
  known: boolean;
  accountFailures: number;
  sourceAccounts: number;
  sourceLastFailure: Date | null;
};

async function readState(tx: Prisma.TransactionClient, email: string, source: string): Promise<{ state: AttemptState; now: Date }> {
  const failureHours = RULES.failureWindowHours;
  const knownDays = RULES.knownSourceDays;
  const [row] = await tx.$queryRaw<StateRow[]>`
    SELECT now() AS "now",
      count(*) FILTER (WHERE "email" = ${email} AND "ip" = ${source} AND NOT "succeeded" AND "createdAt" >= now() - make_interval(hours => ${failureHours}))::int AS "pairFailures",
      max("createdAt") FILTER (WHERE "email" = ${email} AND "ip" = ${source} AND NOT "succeeded") AS "pairLastFailure",
      coalesce(bool_or("succeeded") FILTER (WHERE "email" = ${email} AND "ip" = ${source}), false) AS "known",
      count(*) FILTER (WHERE "email" = ${email} AND NOT "succeeded" AND "createdAt" >= now() - make_interval(hours => ${failureHours}))::int AS "accountFailures",
      count(DISTINCT "email") FILTER (WHERE "ip" = ${source} AND NOT "succeeded" AND "createdAt" >= now() - make_interval(hours => ${failureHours}))::int AS "sourceAccounts",
      max("createdAt") FILTER (WHERE "ip" = ${source} AND NOT "succeeded") AS "sourceLastFailure"
    FROM "SignInAttempt"
    WHERE ("email" = ${email} AND "createdAt" >= now() - make_interval(days => ${knownDays}))
       OR ("ip" = ${source} AND "createdAt" >= now() - make_interval(days => ${knownDays}))`;
  const { now, ...state } = row!;
  return { state, now };
}

export type Gate = { allowed: true; attemptId: string } | { allowed: false; retryAfterSeconds: number };

/**
 * Asks to try a password for `email` from `source` (null: unknown). When allowed, the attempt is
 * already counted as a failure; call succeed() with its id if the password is right.
 */
export async function beginAttempt(email: string, source: string | null): Promise<Gate> {
  const from = source ?? UNKNOWN_SOURCE;
  return db.$transaction(async (tx) => {
    // Always the source first, then the account+source: one order, so no deadlock.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(7301, hashtext(${from}))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(7302, hashtext(${`${email}\n${from}`}))`;
    const { state, now } = await readState(tx, email, from);
    const wait = secondsToWait(state, now);
    if (wait > 0) return { allowed: false as const, retryAfterSeconds: wait };
    await tx.$executeRaw`
      DELETE FROM "SignInAttempt"
       WHERE "createdAt" < now() - make_interval(days => ${RULES.knownSourceDays})
          OR (NOT "succeeded" AND "createdAt" < now() - make_interval(hours => ${RULES.failureWindowHours}))`;
    const attempt = await tx.signInAttempt.create({ data: { email, ip: from, succeeded: false }, select: { id: true } });
    return { allowed: true as const, attemptId: attempt.id };
  });
}

/**
 * The password was right: this email's failures from this source are forgiven, and the source
 * becomes known for it (one success row per email and source is kept).
 */
export async function succeed(attemptId: string): Promise<void> {
  const attempt = await db.signInAttempt.findUnique({ where: { id: attemptId }, select: { email: true, ip: true } });
  if (!attempt) return;
  await db.$transaction([
    db.signInAttempt.deleteMany({ where: { email: attempt.email, ip: attempt.ip } }),
    db.signInAttempt.create({ data: { email: attempt.email, ip: attempt.ip, succeeded: true } }),
  ]);
}
