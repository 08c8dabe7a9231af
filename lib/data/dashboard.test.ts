// The dashboard's groups table is paged and searched by name, while the organization's figures
// (levels, rates) still cover every group (docs/decisions/041-lists-that-grow.md).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { DASHBOARD_PAGE_SIZE, getDashboard } from "@/lib/data/dashboard";
import { naughtyStrings } from "@/tests/setup/naughty-strings";
import { loadScale, type ScaleSpec } from "@/scripts/scale/generate";

const prefix = `d${randomUUID().slice(0, 6)}`;
const GROUPS = DASHBOARD_PAGE_SIZE + 5;
const spec: ScaleSpec = {
  prefix,
  orgSlug: `${prefix}-net`,
  orgName: "Paged network",
  emailDomain: `${prefix}.example.test`,
  groups: GROUPS,
  membersPerGroup: 3,
  packs: 2,
  facilities: 2,
  passwordHash: "$2a$04$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva",
  now: new Date("2026-11-25T09:00:00Z"),
};
let organizer: CurrentUser;

beforeAll(async () => {
  const sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await sql.connect();
  try {
    await loadScale(sql, [spec], { bulk: false, log: () => {} });
    await sql.query("RESET ALL");
    organizer = (await sql.query<CurrentUser>(`SELECT "id", "email", "name", NULL AS "locale" FROM "User" WHERE "email" = $1`, [`organizer@${spec.emailDomain}`])).rows[0]!;
    // A group whose name holds LIKE's own wildcards, to search for literally.
    await sql.query(`UPDATE "Group" SET "name" = 'Study group 100% _done_' WHERE "slug" = $1`, [`${spec.orgSlug}-007`]);
  } finally {
    await sql.end();
  }
});

describe("the dashboard's groups", () => {
  it("come a page at a time, every group once, while the levels count them all", async () => {
    const first = await getDashboard(organizer);
    const second = await getDashboard(organizer, undefined, { page: 2 });
    expect(first.groups).toHaveLength(DASHBOARD_PAGE_SIZE);
    expect(second.groups).toHaveLength(GROUPS - DASHBOARD_PAGE_SIZE);
    expect(first.paging).toMatchObject({ page: 1, matching: GROUPS, pages: 2 });
    const slugs = [...first.groups, ...second.groups].map((g) => g.slug);
    expect(new Set(slugs).size).toBe(GROUPS);
    // The levels and the rates are the organization's, the same on every page.
    expect(second.levels).toEqual(first.levels);
    expect(first.levels.reduce((sum, l) => sum + l.groups, 0)).toBe(GROUPS);
    // …and agree with the groups summed one by one (the export has them all).
    const all = await getDashboard(organizer, undefined, { all: true });
    expect(all.groups).toHaveLength(GROUPS);
    for (const level of all.levels) {
      const inLevel = all.groups.filter((g) => g.level === level.level);
      expect(level.activeMembers).toBe(inLevel.reduce((s, g) => s + g.activeMembers, 0));
      expect(level.recipients).toBe(inLevel.reduce((s, g) => s + g.recipients, 0));
      expect(level.respondents).toBe(inLevel.reduce((s, g) => s + g.respondents, 0));
      expect(level.quiet).toBe(inLevel.reduce((s, g) => s + g.quiet, 0));
    }
    // Each group's figures are the same on its page as in the export.
    const byId = new Map(all.groups.map((g) => [g.id, g]));
    for (const g of [...first.groups, ...second.groups]) expect(g).toEqual(byId.get(g.id));
    expect((await getDashboard(organizer, undefined, { page: 3 })).groups).toEqual([]);
  });

  it("are found by a part of their name, LIKE's wildcards taken literally", async () => {
    const found = await getDashboard(organizer, undefined, { q: "100% _DONE" });
    expect(found.groups.map((g) => g.slug)).toEqual([`${spec.orgSlug}-007`]);
    expect(found.paging).toMatchObject({ matching: 1, pages: 1, q: "100% _DONE" });
    expect((await getDashboard(organizer, undefined, { q: "%" })).groups).toHaveLength(1);
    expect((await getDashboard(organizer, undefined, { q: "group 02" })).paging.matching).toBe(10);
    for (const q of naughtyStrings) await getDashboard(organizer, undefined, { q });
  });

  it("give each listed group its rate of every pack for the packs CSV", async () => {
    const d = await getDashboard(organizer, undefined, { all: true, perPack: true });
    expect(d.groups.every((g) => g.packRates?.length === 2)).toBe(true);
  });
});
