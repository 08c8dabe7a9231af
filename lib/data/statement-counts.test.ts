// A page costs the same whatever the size of the network (issue 19). Two networks made by the
// scale generator (scripts/scale/generate.ts) in the test database: a small one, shaped like the
// demo but with a little more than one page of groups and staff, and one ten times larger (ten
// times the groups, members, packs, responses, staff and audit entries). Each page's data
// functions are called as the page calls them, as the same kind of user, and must send the same
// number of statements in both, and read about as many rows: a list that grows with the
// organization (the dashboard's groups, the people, the audit log) is paged or summarized.
//
// Rows are counted at the driver, what PostgreSQL sent back, so a list read whole and cut in
// JavaScript fails too. They may differ somewhat between the two networks (turnaround days and
// rejection reasons that only the larger one has: bounded by the turnaround cap and the
// facilities, not by the groups), so the test allows up to twice the rows; an unpaged list
// reads three to ten times as many (docs/decisions/041-lists-that-grow.md).
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { authorizeOrganization, loadGroupContext, type GroupContext } from "@/lib/authz";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getDashboard } from "@/lib/data/dashboard";
import { listAuditEntries } from "@/lib/data/audit-log";
import { getGroupOverview, listMyGroups } from "@/lib/data/groups";
import { listMemberNextSteps } from "@/lib/data/member-home";
import { listMembers } from "@/lib/data/members";
import { listPacks } from "@/lib/data/packs";
import { getGroupProgress } from "@/lib/data/progress";
import { listStaff } from "@/lib/data/staff";
import { getMemberTimeline } from "@/lib/data/timeline";
import { getGroupWeek, getWeekSummary } from "@/lib/data/week";
import { loadScale, type ScaleSpec } from "@/scripts/scale/generate";

// The app's own client, over a pool whose connections count statements and the rows they return.
let statements = 0;
let rows = 0;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL!, max: 5 });
pool.on("connect", (connection) => {
  const query = connection.query.bind(connection) as (...args: unknown[]) => unknown;
  const counted = (result: unknown) => {
    const r = result as { rows?: unknown[] } | undefined;
    rows += r?.rows?.length ?? 0;
  };
  (connection as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) => {
        if (!error) counted(result);
        (last as (e: unknown, r: unknown) => void)(error, result);
      };
      return query(...args);
    }
    const answer = query(...args);
    if (answer instanceof Promise) return answer.then((result) => (counted(result), result));
    return answer;
  };
});
const client = new PrismaClient({ adapter: new PrismaPg(pool), log: [{ emit: "event", level: "query" }] });
client.$on("query", () => {
  statements++;
});
(globalThis as unknown as { prisma?: PrismaClient }).prisma = client;

async function measure(work: () => Promise<unknown>): Promise<{ statements: number; rows: number }> {
  statements = 0;
  rows = 0;
  await work();
  return { statements, rows };
}

const TODAY = new Date("2026-11-25T10:00:00Z");
const run = randomUUID().slice(0, 6);
const spec = (name: string, groups: number): ScaleSpec => ({
  prefix: `${run}-${name}`,
  orgSlug: `${run}-${name}`,
  orgName: `Network ${name}`,
  emailDomain: `${run}-${name}.example.test`,
  groups,
  membersPerGroup: 5,
  packs: 3,
  facilities: 3,
  passwordHash: "$2a$04$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva",
  now: new Date("2026-11-25T09:00:00Z"),
});
// One page of groups and of staff is filled in the small network already, so a paged list reads
// the same number of rows in both.
const SMALL = spec("small", 30);
const LARGE = spec("large", 300);

type Network = { organizer: CurrentUser; facilitator: CurrentUser; member: CurrentUser; organizationId: string; ctx: GroupContext; memberId: string };

async function network(s: ScaleSpec, sql: pg.Client): Promise<Network> {
  const user = async (who: string): Promise<CurrentUser> => {
    const { rows: found } = await sql.query<CurrentUser>(`SELECT "id", "email", "name", NULL AS "locale" FROM "User" WHERE "email" = $1`, [`${who}@${s.emailDomain}`]);
    return found[0]!;
  };
  const [organizer, facilitator, member] = [await user("organizer"), await user("facilitator"), await user("member")];
  const { rows: org } = await sql.query<{ id: string }>(`SELECT "id" FROM "Organization" WHERE "slug" = $1`, [s.orgSlug]);
  const organizationId = org[0]!.id;
  // Ten audit entries a group, as the organization's staff would have made them.
  await sql.query(
    `INSERT INTO "AuditLog" ("id","organizationId","actorId","action","entityType","entityId","groupId","createdAt")
     SELECT md5(g."id" || f."userId" || n::text), $1, f."userId", 'pack.publish', 'Group', g."id", g."id", now() - make_interval(mins => n)
       FROM "Group" g JOIN "Facilitator" f ON f."groupId" = g."id", generate_series(1, 10) n
      WHERE g."organizationId" = $1`,
    [organizationId],
  );
  const ctx = await loadGroupContext(facilitator, `${s.orgSlug}-001`);
  if (!ctx) throw new Error("the known facilitator runs group 1");
  const { rows: members } = await sql.query<{ id: string }>(`SELECT m."id" FROM "Member" m JOIN "Person" p ON p."id" = m."personId" WHERE p."userId" = $1`, [member.id]);
  return { organizer, facilitator, member, organizationId, ctx, memberId: members[0]!.id };
}

/** Each page's data, called as its page calls it. */
const PAGES = {
  dashboard: (n: Network) => getDashboard(n.organizer),
  people: async (n: Network) => listStaff(await authorizeOrganization(n.organizer, n.organizationId)),
  audit: (n: Network) => listAuditEntries(n.organizer, {}),
  progress: (n: Network) => getGroupProgress(n.ctx, {}, TODAY),
  group: async (n: Network) => Promise.all([getGroupOverview(n.ctx.group.id), listPacks(n.ctx), getGroupWeek(n.ctx, TODAY)]),
  members: (n: Network) => listMembers(n.ctx),
  timeline: (n: Network) => getMemberTimeline(n.ctx, n.memberId),
  memberHome: (n: Network) => Promise.all([listMyGroups(n.member), listMemberNextSteps(n.member, TODAY)]),
  staffHome: (n: Network) => Promise.all([listMyGroups(n.facilitator), getWeekSummary(n.facilitator, TODAY)]),
  organizerHome: (n: Network) => Promise.all([listMyGroups(n.organizer), getWeekSummary(n.organizer, TODAY)]),
} satisfies Record<string, (n: Network) => Promise<unknown>>;
type Page = keyof typeof PAGES;

/**
 * Pages whose rows still grow with the organization, each with why; issue 19 leaves them for
 * later. Listed so that fixing one makes this test say so.
 */
const STILL_GROWING: Partial<Record<Page, string>> = {
};

let small: Network;
let large: Network;
const counts: Record<"small" | "large", Partial<Record<Page, { statements: number; rows: number }>>> = { small: {}, large: {} };

beforeAll(async () => {
  const sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await sql.connect();
  try {
    await loadScale(sql, [SMALL, LARGE], { bulk: false, log: () => {} });
    await sql.query("RESET ALL");
    small = await network(SMALL, sql);
    large = await network(LARGE, sql);
  } finally {
    await sql.end();
  }
  // Warm up once (the first call of a function prepares its statements), then count.
  for (const page of Object.keys(PAGES) as Page[]) await PAGES[page](small);
  for (const page of Object.keys(PAGES) as Page[]) {
    counts.small[page] = await measure(() => PAGES[page](small));
    counts.large[page] = await measure(() => PAGES[page](large));
  }
}, 120_000);

afterAll(async () => {
  await client.$disconnect();
});

describe("a page's statements and rows at 1× and 10× the network", () => {
  it("prints the counts", () => {
    console.info(JSON.stringify(counts));
  });

  it.each(Object.keys(PAGES) as Page[])("%s sends the same statements in both", (page) => {
    expect(counts.small[page]!.statements).toBeGreaterThan(0);
    expect(counts.large[page]!.statements).toBe(counts.small[page]!.statements);
  });

  it.each(Object.keys(PAGES) as Page[])("%s reads about as many rows in both", (page) => {
    const { rows: a } = counts.small[page]!;
    const { rows: b } = counts.large[page]!;
    const grows = b > a * 2;
    expect(grows ? `grows: ${a} → ${b} rows` : "flat").toBe(STILL_GROWING[page] ? `grows: ${a} → ${b} rows` : "flat");
  });
});
