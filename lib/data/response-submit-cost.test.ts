// What a submit writes, and the indexes it no longer keeps (docs/decisions/050-cheaper-submits.md).
// The write counts are PostgreSQL's own per-transaction statistics (pg_stat_get_xact_tuples_*),
// read inside the submit's transaction on its connection, so other tests running at the same
// time cannot move them.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { saveDraft } from "@/lib/data/responses";
import { makePackScenario } from "@/tests/factories/pack";

type Counts = { inserted: number; updated: number; hot: number };

/** Runs response_submit in a transaction and returns what it did to each table, before COMMIT. */
async function submitCounting(
  s: Awaited<ReturnType<typeof makePackScenario>>,
  promptId: string,
  body: string,
  tables: string[],
): Promise<Record<string, Counts>> {
  return db.$transaction(async (tx) => {
    // The per-transaction counters also hold the connection's earlier transactions until they
    // are flushed (at most once a second, never inside a transaction): read them before and after.
    const read = async () =>
      tx.$queryRaw<{ name: string; inserted: bigint; updated: bigint; hot: bigint }[]>`
        SELECT t AS "name", pg_stat_get_xact_tuples_inserted(format('%I', t)::regclass) AS "inserted",
               pg_stat_get_xact_tuples_updated(format('%I', t)::regclass) AS "updated",
               pg_stat_get_xact_tuples_hot_updated(format('%I', t)::regclass) AS "hot"
          FROM unnest(${tables}::text[]) AS t`;
    const before = new Map((await read()).map((r) => [r.name, r]));
    await tx.$queryRaw`SELECT * FROM response_submit(${s.group.id}, ${s.member.id}, 1, ${promptId}, ${body}, ${randomUUID()}, ${s.memberCtx.user.id})`;
    return Object.fromEntries(
      (await read()).map((r) => {
        const b = before.get(r.name)!;
        return [r.name, { inserted: Number(r.inserted - b.inserted), updated: Number(r.updated - b.updated), hot: Number(r.hot - b.hot) }];
      }),
    );
  });
}

describe("a submit's writes", () => {
  it("a new answer writes its Response row once (inserted whole, not inserted and then updated)", async () => {
    const s = await makePackScenario({ published: true });
    const counts = await submitCounting(s, s.prompts[0]!, "A first answer", ["Response", "ResponseVersion"]);
    expect(counts.Response).toEqual({ inserted: 1, updated: 0, hot: 0 });
    expect(counts.ResponseVersion).toEqual({ inserted: 1, updated: 0, hot: 0 });
    const row = await db.response.findFirstOrThrow({ where: { packId: s.pack.id }, include: { versions: true } });
    expect(row).toMatchObject({ status: "SUBMITTED", body: "A first answer", version: 1, source: "ONLINE", draftBody: null, transcribedById: null, receivedOn: null, shared: null });
    expect(row.submittedAt).toEqual(row.draftSavedAt);
    expect(row.versions.map((v) => [v.version, v.body])).toEqual([[1, "A first answer"]]);
    // The rollup saw the new answer (the insert trigger, where the update trigger used to).
    expect(await db.progressCell.findUniqueOrThrow({ where: { packId_memberId: { packId: s.pack.id, memberId: s.member.id } } })).toMatchObject({ answeredPrompts: 1 });
  });

  it("an answer after an autosaved draft, or an edit, updates the existing row once", async () => {
    const s = await makePackScenario({ published: true });
    await saveDraft(s.memberCtx, { packNumber: 1, promptId: s.prompts[0]!, body: "Half" });
    const afterDraft = await submitCounting(s, s.prompts[0]!, "Whole", ["Response"]);
    expect(afterDraft.Response).toMatchObject({ inserted: 0, updated: 1 });
    const edit = await submitCounting(s, s.prompts[0]!, "Whole, revised", ["Response", "ResponseVersion"]);
    expect(edit.Response).toMatchObject({ inserted: 0, updated: 1 });
    expect(edit.ResponseVersion).toMatchObject({ inserted: 1 });
    expect(await db.responseVersion.count({ where: { response: { packId: s.pack.id } } })).toBe(2);
  });
});

describe("a draft's writes", () => {
  it("a first draft is one statement (the row inserted whole); a later one locks and updates the row", async () => {
    const s = await makePackScenario({ published: true });
    const promptId = s.prompts[0]!;
    await db.$queryRaw`SELECT 1`; // a pooled connection is open
    // Every statement of the Prisma adapter goes through pg's Client#query.
    const sent = vi.spyOn(pg.Client.prototype, "query");
    try {
      await saveDraft(s.memberCtx, { packNumber: 1, promptId, body: "First th" });
      const first = sent.mock.calls.length;
      await saveDraft(s.memberCtx, { packNumber: 1, promptId, body: "First thoughts" });
      const second = sent.mock.calls.length - first;
      // resolveTarget's pack lookup, then the INSERT (no BEGIN, no SELECT … FOR UPDATE, no UPDATE).
      expect(first).toBe(2);
      // The pack lookup, the INSERT that finds the row, then BEGIN, lock, update, COMMIT.
      expect(second).toBeGreaterThan(first);
    } finally {
      sent.mockRestore();
    }
    const row = await db.response.findFirstOrThrow({ where: { packId: s.pack.id, promptId } });
    expect(row).toMatchObject({ status: "DRAFT", body: "", draftBody: "First thoughts", version: 0, source: "ONLINE", submittedAt: null });
    expect(Math.abs(row.draftSavedAt!.getTime() - Date.now())).toBeLessThan(60_000);
    expect(Math.abs(row.updatedAt.getTime() - Date.now())).toBeLessThan(60_000);
  });
});

describe("the rollups a submit updates, and their indexes", () => {
  it("ProgressCell leaves room on each page for updates in place (fillfactor), and a rebuild keeps it", async () => {
    const options = async () =>
      (await db.$queryRaw<{ relname: string; reloptions: string[] | null }[]>`
        SELECT relname, reloptions FROM pg_class
         WHERE relkind = 'r' AND relname IN ('ProgressCell', 'ProgressMember', 'ProgressPackRollup') ORDER BY relname`).map((r) => [r.relname, r.reloptions]);
    const expected = [["ProgressCell", ["fillfactor=80"]], ["ProgressMember", null], ["ProgressPackRollup", null]];
    expect(await options()).toEqual(expected);
    // progress_rebuild empties the rollups with TRUNCATE, which makes new files: the setting stays.
    await db.$executeRaw`SELECT progress_rebuild()`;
    expect(await options()).toEqual(expected);
  });

  it("a second answer to a pack updates its cell without touching its indexes (HOT: no indexed column changes)", async () => {
    const s = await makePackScenario({ published: true });
    await submitCounting(s, s.prompts[0]!, "First", ["ProgressCell"]);
    const second = await submitCounting(s, s.prompts[1]!, "Second", ["ProgressCell"]);
    expect(second.ProgressCell).toEqual({ inserted: 0, updated: 1, hot: 1 });
  });

  it("have no groupId index on ProgressMember; ProgressPackRollup keeps one (decision 051); Response keeps (packId, promptId)", async () => {
    // Response_packId_promptId_idx stays for deletePrompt (lib/data/courses.ts), which counts one
    // prompt's answers across every pack: at the large scale 6 ms by it, 166 ms by a whole scan of
    // the unique key (which leads with packId, memberId). Too few rows here for the planner to
    // show the difference; decision 050 has the plans.
    const names = (await db.$queryRaw<{ indexname: string }[]>`
      SELECT indexname FROM pg_indexes WHERE tablename IN ('ProgressMember', 'ProgressPackRollup', 'Response') ORDER BY indexname`).map((r) => r.indexname);
    expect(names).toEqual([
      "ProgressMember_pkey",
      "ProgressPackRollup_groupId_idx",
      "ProgressPackRollup_pkey",
      "Response_memberId_submittedAt_idx",
      "Response_packId_memberId_promptId_key",
      "Response_packId_promptId_idx",
      "Response_pkey",
    ]);
  });

  it("are still read by an index: ProgressMember by its primary key, a group's ProgressPackRollup rows by an index", async () => {
    const s = await makePackScenario({ published: true });
    // Plans as the large scale gets them: the test data is too small for the planner to bother.
    const plans = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      const explain = async (sql: string) =>
        (await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (COSTS OFF) ${sql}`)).map((r) => r["QUERY PLAN"]).join("\n");
      return {
        // lib/data/progress.ts's members: a group's members, each with its rollup row read by key.
        member: await explain(`SELECT (SELECT pm."lastAnsweredNumber" FROM "ProgressMember" pm WHERE pm."memberId" = m."id") FROM "Member" m WHERE m."groupId" = '${s.group.id}'`),
        // progress_member_count_cell / progress_refresh_member: one member's row.
        memberRow: await explain(`UPDATE "ProgressMember" SET "answeredPacks" = "answeredPacks" + 1 WHERE "memberId" = '${s.member.id}'`),
        // lib/data/progress.ts and lib/data/dashboard.ts: a group's packs joined to their counters,
        // named by the group too (without it the planner scanned the whole table: decision 051).
        pack: await explain(`SELECT r."respondents" FROM "Pack" pk LEFT JOIN "ProgressPackRollup" r ON r."packId" = pk."id" AND r."groupId" = '${s.group.id}' WHERE pk."groupId" = '${s.group.id}'`),
      };
    });
    expect(plans.member).toMatch(/Index (Only )?Scan using "ProgressMember_pkey"/);
    expect(plans.memberRow).toMatch(/Index Scan using "ProgressMember_pkey"/);
    expect(plans.pack).toMatch(/(Index (Only )?Scan using|Bitmap Index Scan on) "ProgressPackRollup_(pkey|groupId_idx)"/);
  });
});
