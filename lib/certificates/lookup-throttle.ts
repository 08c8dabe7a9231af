// Rate limit of /verify lookups per client address (docs/decisions/047-certificates.md).
// A code has 31^11 possibilities, so guessing is hopeless anyway; the limit keeps a script from
// walking the space cheaply and keeps the audit log readable. Counted in PostgreSQL, as sign-in
// attempts are (lib/auth/throttle.ts), so every web process sees the same count; the address is
// read the same way (lib/auth/client-address.ts), "unknown" when it cannot be known.
//
// Rule: at most LOOKUP_LIMIT lookups per address in a sliding window of LOOKUP_WINDOW_SECONDS.
// A refused lookup is told how long until its oldest counted lookup leaves the window, and is
// not counted itself (so waiting always works). A parole officer checking a stack of
// certificates does a few dozen at most.
import "server-only";
import { db } from "@/lib/db";

export const LOOKUP_LIMIT = 20;
export const LOOKUP_WINDOW_SECONDS = 10 * 60;
export const UNKNOWN_SOURCE = "unknown";

export type LookupTurn = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Asks for one lookup from `source` (null: unknown); when allowed it is already counted. */
export async function takeLookupTurn(source: string | null, limit: number = LOOKUP_LIMIT): Promise<LookupTurn> {
  const from = source ?? UNKNOWN_SOURCE;
  return db.$transaction(async (tx) => {
    // One lookup of an address at a time, so a burst is counted as it arrives.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(7311, hashtext(${from}))`;
    const [row] = await tx.$queryRaw<{ n: number; oldest: Date | null; now: Date }[]>`
      SELECT count(*)::int AS n, min("createdAt") AS oldest, now() AS now FROM (
        SELECT "createdAt" FROM "CertificateLookup"
         WHERE "source" = ${from} AND "createdAt" > now() - make_interval(secs => ${LOOKUP_WINDOW_SECONDS})
         ORDER BY "createdAt" DESC LIMIT ${limit}) recent`;
    if (row && row.n >= limit && row.oldest) {
      const wait = Math.ceil((row.oldest.getTime() + LOOKUP_WINDOW_SECONDS * 1000 - row.now.getTime()) / 1000);
      return { allowed: false as const, retryAfterSeconds: Math.max(1, wait) };
    }
    await tx.$executeRaw`DELETE FROM "CertificateLookup" WHERE "createdAt" < now() - make_interval(secs => ${LOOKUP_WINDOW_SECONDS})`;
    await tx.certificateLookup.create({ data: { source: from } });
    return { allowed: true as const };
  });
}
