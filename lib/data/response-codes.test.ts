// Response codes against the real database: stable per sheet, one code per sheet however many
// requests race, a print run in a few statements, and lookup by whatever a person typed.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ensureResponseCodes, lookupResponseCode, type CodeKey } from "@/lib/data/response-codes";
import { CODE_ALPHABET, formatResponseCode, generateResponseCode, parseResponseCode } from "@/lib/packs/response-code";
import { makeGroup, makeMember } from "@/tests/factories";
import { makeLessonWithPrompts, makePackScenario } from "@/tests/factories/pack";
import { statementCounter } from "@/tests/setup/statement-counter";

// A second client that reports every SQL statement, to count what ensureResponseCodes sends.
// ensureResponseCodes takes its client as an argument, so nothing of the project is mocked.
const { client: counted, count: countStatements } = statementCounter({ connections: 2 });

/** A pack for `members` mail members × `prompts` prompts, made with a handful of statements. */
async function makePrintRun(members: number, prompts: number) {
  const group = await makeGroup();
  const lesson = await makeLessonWithPrompts(group.courseId, prompts);
  const pack = await db.pack.create({
    data: { groupId: group.id, number: 1, lessons: { create: { lessonId: lesson.id, position: 1 } } },
    select: { id: true, number: true },
  });
  const tag = randomUUID().slice(0, 8);
  const people = await db.person.createManyAndReturn({
    data: Array.from({ length: members }, (_, i) => ({ organizationId: group.organizationId, legalName: `Person ${tag} ${i}` })),
    select: { id: true },
  });
  const enrolled = await db.member.createManyAndReturn({
    data: people.map((p, i) => ({ groupId: group.id, personId: p.id, channel: "MAIL" as const, penName: `Pen ${tag} ${i}` })),
    select: { id: true },
  });
  const pairs = enrolled.flatMap((m) => lesson.prompts.map((p) => ({ memberId: m.id, promptId: p.id })));
  return { group, pack, pairs };
}

const rowsOf = (packId: string) => db.responseCode.count({ where: { packId } });

describe("ensureResponseCodes", () => {
  it("gives every sheet a valid code, and the same codes the second time (in one statement)", async () => {
    const { pack, pairs } = await makePrintRun(3, 2);
    const first = await countStatements(() => ensureResponseCodes(counted, pack.id, pairs));
    expect(first.result.size).toBe(6);
    expect(first.statements).toBe(2); // read what exists, insert the rest
    expect([...first.result.keys()]).toEqual(pairs.map((p) => `${p.memberId}:${p.promptId}`)); // asked-for order
    for (const code of first.result.values()) expect(parseResponseCode(code)).toEqual({ ok: true, code });
    expect(new Set(first.result.values()).size).toBe(6);

    const second = await countStatements(() => ensureResponseCodes(counted, pack.id, pairs));
    expect(second.result).toEqual(first.result);
    expect(second.statements).toBe(1);
    expect(await rowsOf(pack.id)).toBe(6);
  });

  it("keeps the codes it made when the roster grows, and only adds the new sheets", async () => {
    const { group, pack, pairs } = await makePrintRun(2, 2);
    const before = await ensureResponseCodes(db, pack.id, pairs);
    const { member } = await makeMember(group, { channel: "MAIL" });
    const promptIds = [...new Set(pairs.map((p) => p.promptId))];
    const more = [...pairs, ...promptIds.map((promptId) => ({ memberId: member.id, promptId }))];
    const after = await ensureResponseCodes(db, pack.id, more);
    expect(after.size).toBe(6);
    for (const [key, code] of before) expect(after.get(key)).toBe(code);
    expect(await rowsOf(pack.id)).toBe(6);
  });

  it("returns only the pairs asked for, each once", async () => {
    const { pack, pairs } = await makePrintRun(2, 3);
    await ensureResponseCodes(db, pack.id, pairs);
    const one = pairs[4]!;
    const reprint = await ensureResponseCodes(db, pack.id, [one, { ...one }]);
    expect([...reprint.keys()]).toEqual([`${one.memberId}:${one.promptId}`]);
    expect(await ensureResponseCodes(db, pack.id, [])).toEqual(new Map());
  });

  it("makes unrelated codes for the same member and prompt in two packs", async () => {
    const s = await makePackScenario();
    const pack2 = await db.pack.create({ data: { groupId: s.group.id, number: 2 }, select: { id: true } });
    const pair = { memberId: s.member.id, promptId: s.prompts[0]! };
    const key: CodeKey = `${pair.memberId}:${pair.promptId}`;
    const a = (await ensureResponseCodes(db, s.pack.id, [pair])).get(key);
    const b = (await ensureResponseCodes(db, pack2.id, [pair])).get(key);
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(a).not.toBe(b);
  });

  it("five simultaneous calls for one pack make one code per sheet and all return it", async () => {
    const { pack, pairs } = await makePrintRun(20, 3);
    const results = await Promise.all(Array.from({ length: 5 }, () => ensureResponseCodes(db, pack.id, pairs)));
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0]!.size).toBe(60);
    expect(await rowsOf(pack.id)).toBe(60);
  });

  it("five simultaneous transactions for one pack, overlapping differently, agree too", async () => {
    const { pack, pairs } = await makePrintRun(40, 3);
    const n = pairs.length;
    // Each takes a different slice (and order) of the sheets, and all start once every
    // transaction is open, so later inserts wait on the earlier ones' uncommitted rows. (Two
    // inserts in opposite orders could deadlock; the sorted insert order rules that out, but the
    // window is too short for a test to hit it on demand, so this checks the agreement.)
    const slices = [pairs, pairs.slice(n / 6), [...pairs].reverse(), pairs.slice(0, (2 * n) / 3), pairs.filter((_, i) => i % 2 === 0)];
    let open = 0;
    let allOpen!: () => void;
    const barrier = new Promise<void>((resolve) => (allOpen = resolve));
    const results = await Promise.all(
      slices.map((slice) =>
        db.$transaction(
          async (tx) => {
            await tx.$executeRaw`SELECT 1`; // holds its connection from here on
            if (++open === slices.length) allOpen();
            await barrier;
            return ensureResponseCodes(tx, pack.id, slice);
          },
          { timeout: 30_000 },
        ),
      ),
    );
    const all = new Map<CodeKey, string>();
    for (const r of results)
      for (const [key, code] of r) {
        if (all.has(key)) expect(code).toBe(all.get(key));
        all.set(key, code);
      }
    expect(all.size).toBe(n);
    expect(await rowsOf(pack.id)).toBe(n);
    expect(await ensureResponseCodes(db, pack.id, pairs)).toEqual(new Map(pairs.map((p) => [`${p.memberId}:${p.promptId}`, all.get(`${p.memberId}:${p.promptId}`)])));
  });

  it("retries a sheet whose random code was already taken, and leaves the other code alone", async () => {
    const other = await makePrintRun(1, 1);
    const taken = (await ensureResponseCodes(db, other.pack.id, other.pairs)).values().next().value!;
    const { pack, pairs } = await makePrintRun(2, 2);
    // The first code drawn is the taken one; the rest come from the real generator.
    let drawn = 0;
    const generateCode = () => (drawn++ === 0 ? taken : generateResponseCode());
    const run = await countStatements(() => ensureResponseCodes(counted, pack.id, pairs, { generateCode }));
    expect(run.result.size).toBe(4);
    expect([...run.result.values()]).not.toContain(taken);
    expect(run.statements).toBe(4); // read, insert (one skipped), re-read, insert the retry
    expect(await db.responseCode.findUnique({ where: { code: taken }, select: { packId: true } })).toEqual({ packId: other.pack.id });
    expect(await rowsOf(pack.id)).toBe(4);
  });

  it("gives up with an error, not a loop, when no free code can be found", async () => {
    const other = await makePrintRun(1, 1);
    const taken = (await ensureResponseCodes(db, other.pack.id, other.pairs)).values().next().value!;
    const { pack, pairs } = await makePrintRun(1, 1);
    await expect(ensureResponseCodes(db, pack.id, pairs, { generateCode: () => taken })).rejects.toThrow(/no free response code/);
    expect(await rowsOf(pack.id)).toBe(0);
  });

  it("makes a print run of 500 members × 6 prompts (3,000 codes) in a few statements and seconds", async () => {
    const { pack, pairs } = await makePrintRun(500, 6);
    const first = await countStatements(() => ensureResponseCodes(counted, pack.id, pairs));
    const again = await countStatements(() => ensureResponseCodes(counted, pack.id, pairs));
    console.info(`3,000 codes: ${first.statements} statements, ${first.ms} ms; again: ${again.statements} statement(s), ${again.ms} ms`);
    expect(first.result.size).toBe(3000);
    expect(new Set(first.result.values()).size).toBe(3000);
    expect(first.statements).toBeLessThanOrEqual(4); // 2 unless a random code collided
    expect(first.ms).toBeLessThan(5_000);
    expect(again.result).toEqual(first.result);
    expect(again.statements).toBe(1);
    expect(await rowsOf(pack.id)).toBe(3000);
  });
});

describe("lookupResponseCode", () => {
  it("finds the pack, group, member and prompt of a code typed in any case and with separators", async () => {
    const s = await makePackScenario();
    const pair = { memberId: s.member.id, promptId: s.prompts[1]! };
    const code = (await ensureResponseCodes(db, s.pack.id, [pair])).get(`${pair.memberId}:${pair.promptId}`)!;
    const expected = { code, packId: s.pack.id, packNumber: s.pack.number, groupSlug: s.group.slug, ...pair };
    for (const typed of [code, formatResponseCode(code), formatResponseCode(code).toLowerCase(), ` ${code.slice(0, 3)} ${code.slice(3).toLowerCase()} `]) {
      expect(await lookupResponseCode(typed)).toEqual(expected);
    }
  });

  it("finds nothing for a valid code that was never issued, a mistyped code, or junk", async () => {
    const s = await makePackScenario();
    const pair = { memberId: s.member.id, promptId: s.prompts[0]! };
    const code = (await ensureResponseCodes(db, s.pack.id, [pair])).get(`${pair.memberId}:${pair.promptId}`)!;
    let unknown = generateResponseCode();
    while (await db.responseCode.findUnique({ where: { code: unknown } })) unknown = generateResponseCode();
    expect(await lookupResponseCode(unknown)).toBeNull();
    const typo = code.slice(0, 2) + CODE_ALPHABET[(CODE_ALPHABET.indexOf(code[2]!) + 1) % CODE_ALPHABET.length] + code.slice(3);
    expect(await lookupResponseCode(typo)).toBeNull();
    expect(await lookupResponseCode("")).toBeNull();
    expect(await lookupResponseCode("'; DROP TABLE \"ResponseCode\"; --")).toBeNull();
  });
});
