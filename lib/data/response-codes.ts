// Response codes in the database: which pack × member × prompt a printed code names.
//
// The code is random (lib/packs/response-code.ts says why), so the database is what makes it
// unique: ResponseCode.code is the primary key, and @@unique([packId, memberId, promptId]) keeps
// one code per sheet. Codes are made in bulk with INSERT … ON CONFLICT DO NOTHING
// (createManyAndReturn + skipDuplicates), which settles both kinds of conflict without an error:
//   - the pair already has a code (a second print run, or another request at the same moment):
//     the row is skipped and the existing code is read back, so a pair keeps its code for good;
//   - the random code is already taken by another pair (about 1 in 10^5 codes once a network has
//     a million of them): the row is skipped and that pair alone is retried with a new code.
// A print run covers ~500 members × ~6 prompts, so the statements do not grow with the number of
// pairs: one read of the codes that exist, one insert, and a re-read only when a row was skipped.
//
// Rows are inserted in one fixed order (member, then prompt): two overlapping runs inside
// longer transactions then wait for each other in the same order instead of deadlocking.
//
// No authorization here. ensureResponseCodes trusts its pairs to come from the pack's own roster
// and lessons (the print run reads them from the pack); lookupResponseCode says what a code
// names, and the caller checks the group with lib/authz before showing anything.
import "server-only";
import { db } from "@/lib/db";
import { generateResponseCode, parseResponseCode } from "@/lib/packs/response-code";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export type CodeKey = `${string}:${string}`; // `${memberId}:${promptId}`

type Pair = { memberId: string; promptId: string };
type Client = Prisma.TransactionClient | PrismaClient;

// A collision needs a random code to hit one of the existing ones (~1e-5 at a million codes), so
// five rounds in a row for the same pair means something else is wrong (a broken generator).
const MAX_ATTEMPTS = 5;

const keyOf = (p: Pair): CodeKey => `${p.memberId}:${p.promptId}`;

/** The codes of these pairs that exist, read with one statement. */
async function readCodes(client: Client, packId: string, pairs: Pair[], into: Map<CodeKey, string>, wanted: Set<CodeKey>) {
  // member IN (…) AND prompt IN (…) is a superset of the pairs (their cross product), bounded
  // by the pack's own codes; the extra rows are dropped here instead of sending 3,000 ORs.
  const rows = await client.responseCode.findMany({
    where: { packId, memberId: { in: [...new Set(pairs.map((p) => p.memberId))] }, promptId: { in: [...new Set(pairs.map((p) => p.promptId))] } },
    select: { code: true, memberId: true, promptId: true },
  });
  for (const row of rows) {
    const key = keyOf(row);
    if (wanted.has(key)) into.set(key, row.code);
  }
}

/**
 * Creates missing codes for a pack in bulk (createMany skipDuplicates + re-read, retrying codes
 * that collided), returns all of them. Query count must not grow with the number of pairs beyond
 * a constant (a few statements), because a print run covers 500 members × ~6 prompts.
 *
 * `options.generateCode` exists for tests (to force a collision); the default is the random one.
 */
export async function ensureResponseCodes(
  client: Prisma.TransactionClient | PrismaClient,
  packId: string,
  pairs: { memberId: string; promptId: string }[],
  options: { generateCode?: () => string } = {},
): Promise<Map<CodeKey, string>> {
  const generate = options.generateCode ?? (() => generateResponseCode());
  const wanted = new Map<CodeKey, Pair>();
  for (const p of pairs) wanted.set(keyOf(p), { memberId: p.memberId, promptId: p.promptId });
  const codes = new Map<CodeKey, string>();
  if (wanted.size === 0) return codes;
  const wantedKeys = new Set(wanted.keys());

  await readCodes(client, packId, [...wanted.values()], codes, wantedKeys);

  for (let attempt = 0; ; attempt++) {
    const missing = [...wanted].filter(([key]) => !codes.has(key)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (missing.length === 0) break;
    if (attempt === MAX_ATTEMPTS) throw new Error(`no free response code for ${missing.length} sheet(s) of pack ${packId} after ${MAX_ATTEMPTS} attempts`);

    // Distinct within the batch, so a collision can only be with a row already in the table.
    const fresh = new Set<string>();
    const data = missing.map(([, p]) => {
      let code = generate();
      for (let tries = 0; fresh.has(code) && tries < 100; tries++) code = generate();
      fresh.add(code);
      return { code, packId, memberId: p.memberId, promptId: p.promptId };
    });
    const inserted = await client.responseCode.createManyAndReturn({ data, skipDuplicates: true, select: { code: true, memberId: true, promptId: true } });
    for (const row of inserted) codes.set(keyOf(row), row.code);

    // A skipped row is either a pair that someone else gave a code meanwhile (read it back) or a
    // code that was taken (still missing after the read: the next round retries it).
    if (inserted.length < data.length) {
      await readCodes(
        client,
        packId,
        missing.filter(([key]) => !codes.has(key)).map(([, p]) => p),
        codes,
        wantedKeys,
      );
    }
  }

  // In the order asked for, so a caller that prints in roster order can iterate the map.
  return new Map([...wanted.keys()].map((key) => [key, codes.get(key)!]));
}

/** Finds what a code names; no authorization here — the caller checks the group with lib/authz. */
export async function lookupResponseCode(
  code: string,
): Promise<{ code: string; packId: string; packNumber: number; groupSlug: string; memberId: string; promptId: string } | null> {
  // A typo never reaches the database: the check character catches it first.
  const parsed = parseResponseCode(code);
  if (!parsed.ok) return null;
  const row = await db.responseCode.findUnique({
    where: { code: parsed.code },
    select: { code: true, packId: true, memberId: true, promptId: true, pack: { select: { number: true, group: { select: { slug: true } } } } },
  });
  if (!row) return null;
  return { code: row.code, packId: row.packId, packNumber: row.pack.number, groupSlug: row.pack.group.slug, memberId: row.memberId, promptId: row.promptId };
}
