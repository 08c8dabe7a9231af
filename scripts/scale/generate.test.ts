// The generator of `npm run seed:scale`, at a tiny scale (2 groups × 6 members × 8 packs) in the
// test database with foreign keys and triggers on: the data it makes is consistent.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildProgressRollups } from "@/lib/data/progress-rollups";
import { loadScale, scaleSteps, type ScaleSpec } from "@/scripts/scale/generate";

const prefix = `t${randomUUID().slice(0, 6)}`;
const spec: ScaleSpec = {
  prefix,
  orgSlug: `${prefix}-net`,
  orgName: "Tiny network",
  emailDomain: `${prefix}.example.test`,
  groups: 2,
  membersPerGroup: 6,
  packs: 8,
  facilities: 3,
  passwordHash: "$2a$04$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva",
  now: new Date("2026-11-25T09:00:00Z"),
};

let client: pg.Client;
const one = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> => (await client.query<T>(sql, params)).rows[0]!;
const count = async (sql: string, params: unknown[] = []) => Number((await one<{ n: string }>(sql, params)).n);

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await loadScale(client, [spec], { bulk: false, log: () => {} });
  await client.query("RESET ALL");
});
afterAll(async () => {
  await client.end();
});

const ORG = `(SELECT "id" FROM "Organization" WHERE "slug" = $1)`;
const GROUPS = `(SELECT "id" FROM "Group" WHERE "organizationId" = ${ORG})`;

describe("the scale generator", () => {
  it("makes the groups, members, packs and logins asked for", async () => {
    expect(await count(`SELECT count(*) n FROM "Group" WHERE "organizationId" = ${ORG}`, [spec.orgSlug])).toBe(2);
    expect(await count(`SELECT count(*) n FROM "Member" WHERE "groupId" IN ${GROUPS}`, [spec.orgSlug])).toBe(12);
    expect(await count(`SELECT count(*) n FROM "Pack" WHERE "groupId" IN ${GROUPS} AND "status" = 'PUBLISHED'`, [spec.orgSlug])).toBe(16);
    expect(await count(`SELECT count(*) n FROM "Prompt" p JOIN "Lesson" l ON l."id" = p."lessonId" JOIN "Course" c ON c."id" = l."courseId" WHERE c."organizationId" = ${ORG}`, [spec.orgSlug])).toBe(10);
    for (const who of ["organizer", "facilitator", "member"]) {
      expect(await count(`SELECT count(*) n FROM "User" WHERE "email" = $1`, [`${who}@${spec.emailDomain}`])).toBe(1);
    }
    // The known member is an active online member of group 1 whose person has the login.
    const member = await one<{ channel: string; status: string }>(
      `SELECT m."channel"::text, m."status"::text FROM "Member" m JOIN "Person" p ON p."id" = m."personId" JOIN "User" u ON u."id" = p."userId" WHERE u."email" = $1`,
      [`member@${spec.emailDomain}`],
    );
    expect(member).toEqual({ channel: "ONLINE", status: "ACTIVE" });
  });

  it("gives every delivery the status of its latest event, and 'responded' exactly when answered", async () => {
    const wrong = await count(
      `SELECT count(*) n FROM "Delivery" d
        JOIN "Member" m ON m."id" = d."memberId" AND m."groupId" IN ${GROUPS}
        WHERE d."status" IS DISTINCT FROM (SELECT e."status" FROM "DeliveryEvent" e WHERE e."deliveryId" = d."id" ORDER BY e."createdAt" DESC LIMIT 1)
           OR (d."status" = 'RESPONDED') <> EXISTS (SELECT 1 FROM "Response" r WHERE r."packId" = d."packId" AND r."memberId" = d."memberId" AND r."status" = 'SUBMITTED')`,
      [spec.orgSlug],
    );
    expect(wrong).toBe(0);
    expect(await count(`SELECT count(*) n FROM "Delivery" d JOIN "Member" m ON m."id" = d."memberId" WHERE m."groupId" IN ${GROUPS}`, [spec.orgSlug])).toBeGreaterThan(50);
  });

  it("answers only delivered packs' prompts of the member's own group, never in the future, mail as transcriptions", async () => {
    const bad = await count(
      `SELECT count(*) n FROM "Response" r
         JOIN "Member" m ON m."id" = r."memberId" AND m."groupId" IN ${GROUPS}
         JOIN "Pack" k ON k."id" = r."packId"
         JOIN "PackLesson" pl ON pl."packId" = k."id"
         LEFT JOIN "Prompt" q ON q."id" = r."promptId" AND q."lessonId" = pl."lessonId"
         LEFT JOIN "Delivery" d ON d."packId" = r."packId" AND d."memberId" = r."memberId"
        WHERE k."groupId" <> m."groupId" OR q."id" IS NULL OR d."id" IS NULL
           OR r."submittedAt" > $2 OR r."submittedAt" < k."publishedAt"
           OR (m."channel" = 'MAIL') <> (r."source" = 'TRANSCRIBED')
           OR (m."channel" = 'MAIL') <> (r."receivedOn" IS NOT NULL AND r."transcribedById" IS NOT NULL)
           OR NOT EXISTS (SELECT 1 FROM "ResponseVersion" v WHERE v."responseId" = r."id" AND v."version" = r."version" AND v."body" = r."body")`,
      [spec.orgSlug, spec.now],
    );
    expect(bad).toBe(0);
    const future = await count(
      `SELECT count(*) n FROM "DeliveryEvent" e JOIN "Delivery" d ON d."id" = e."deliveryId" JOIN "Member" m ON m."id" = d."memberId"
        WHERE m."groupId" IN ${GROUPS} AND e."occurredOn" > $2::date`,
      [spec.orgSlug, spec.now],
    );
    expect(future).toBe(0);
    const answered = await count(`SELECT count(*) n FROM "Response" r JOIN "Member" m ON m."id" = r."memberId" WHERE m."groupId" IN ${GROUPS}`, [spec.orgSlug]);
    expect(answered).toBeGreaterThan(40);
  });

  it("records rejections and returns with a reason, mailed to a facility of the organization", async () => {
    const bad = await count(
      `SELECT count(*) n FROM "DeliveryEvent" e JOIN "Delivery" d ON d."id" = e."deliveryId" JOIN "Member" m ON m."id" = d."memberId"
        WHERE m."groupId" IN ${GROUPS} AND ((e."status" IN ('REJECTED','RETURNED')) <> (e."reason" IS NOT NULL) OR (e."status" <> 'DELIVERED' AND d."channel" = 'ONLINE' AND e."status" <> 'RESPONDED'))`,
      [spec.orgSlug],
    );
    expect(bad).toBe(0);
    const unknownFacility = await count(
      `SELECT count(*) n FROM "Delivery" d JOIN "Member" m ON m."id" = d."memberId"
        WHERE m."groupId" IN ${GROUPS} AND d."mailedTo" IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM "Facility" f WHERE f."organizationId" = ${ORG} AND f."name" = d."mailedTo"->>'facility')`,
      [spec.orgSlug],
    );
    expect(unknownFacility).toBe(0);
  });

  it("enrols every member with an event, and ends withdrawn ones", async () => {
    expect(
      await count(
        `SELECT count(*) n FROM "Member" m WHERE m."groupId" IN ${GROUPS}
           AND (NOT EXISTS (SELECT 1 FROM "PersonEvent" e WHERE e."memberId" = m."id" AND e."kind" = 'ENROLLED') OR (m."status" = 'WITHDRAWN') <> (m."endedAt" IS NOT NULL))`,
        [spec.orgSlug],
      ),
    ).toBe(0);
  });

  it("leaves the progress rollups (kept by triggers during this load) as a rebuild makes them", async () => {
    const snapshot = () =>
      client.query(
        `SELECT r."packId", r."recipients", r."respondents" FROM "ProgressPackRollup" r WHERE r."groupId" IN ${GROUPS} ORDER BY r."packId"`,
        [spec.orgSlug],
      );
    const byTriggers = (await snapshot()).rows;
    await rebuildProgressRollups(client);
    expect((await snapshot()).rows).toEqual(byTriggers);
    const direct = await count(
      `SELECT count(DISTINCT (r."packId", r."memberId")) n FROM "Response" r JOIN "Member" m ON m."id" = r."memberId" WHERE m."groupId" IN ${GROUPS} AND r."status" = 'SUBMITTED'`,
      [spec.orgSlug],
    );
    expect(byTriggers.reduce((sum, r: { respondents: number }) => sum + r.respondents, 0)).toBe(direct);
  });

  it("is the same data for the same spec", () => {
    expect(scaleSteps(spec)).toEqual(scaleSteps({ ...spec }));
  });
});
