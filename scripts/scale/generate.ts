// The large-scale data set of PRODUCT.md ("a large network has 200 groups, 20,000 members and a
// million responses"), made inside PostgreSQL with INSERT … SELECT over generate_series, so
// nothing crosses the wire but the statements: a few minutes for the whole network.
//
// One call makes one organization. Everything is decided by a hash of the row's numbers
// (hashint8), so the same spec always makes the same data:
// - groups g = 1…G of K members each; member m = (g-1)·K + k; k = 1 is always an active online
//   member (the known member login is group 1's); about 40 % mail members at F facilities, some
//   transferred between two facilities part-way (the mailings before show the old facility);
//   a few withdrawn or paused part-way (no packs after), a few gone quiet in the last packs;
// - one course of L lessons (every fourth lesson has two prompts), and L published packs per
//   group (pack n = lesson n), one every 14 days, the last published 10–16 days ago;
// - a delivery per member × pack with its events: online "delivered" at publish; mail prepared →
//   mailed → delivered, or rejected by the mailroom (with a reason; some facilities reject
//   far more) → resent → delivered, or returned (never answered);
// - responses for most cells (online: 1–20 days after publish; mail: received 5–29 days after
//   delivery and transcribed 1–4 days later), none dated after `now`, so recent packs are less
//   answered; a version row for each; the delivery then "responded"; feedback on about 12 %;
// - person events: enrolled, transferred, withdrawn, paused.
// Not made: replies, featured responses, response codes, print runs, scans.
import type pg from "pg";

export type ScaleSpec = {
  /** Prefix of every id, slug and email domain, so two data sets can share a database. */
  prefix: string;
  orgSlug: string;
  orgName: string;
  /** Known logins are organizer@, facilitator@ and member@ this domain. */
  emailDomain: string;
  groups: number;
  membersPerGroup: number;
  /** Lessons of the course = published packs per group. */
  packs: number;
  facilities: number;
  /** Every seeded account's password hash (bcrypt). */
  passwordHash: string;
  /** The seed's "today"; no date is later. */
  now: Date;
};

export type ScaleStep = { name: string; sql: string };

export const SCALE_PACK_INTERVAL_DAYS = 14;

/** The tables loaded in bulk; their secondary indexes may be dropped and rebuilt around the load. */
export const BULK_TABLES = ["Person", "Member", "User", "Delivery", "DeliveryEvent", "Response", "ResponseVersion", "Feedback", "PersonEvent"] as const;

const FACILITY_PLACES = [
  "Cedar Creek", "Pine Ridge", "Red Rock", "Stone Valley", "Clearwater", "Eagle Pass", "Harbor Point", "Iron Hill", "Lakeside", "Maple Grove",
  "North Fork", "Oak Hollow", "Prairie View", "Quarry Road", "Riverbend", "Silver Lake", "Twin Pines", "Union Flats", "Westfield", "Willow Bend",
];
const FIRST = ["Ana", "Ben", "Carla", "Dmitri", "Elena", "Femi", "Grace", "Hugo", "Imani", "Jamal", "Keiko", "Luis", "Mara", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Samir", "Tess"];
const LAST = ["Alvarez", "Brooks", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ibrahim", "Jones", "Kim", "Lopez", "Moreau", "Nguyen", "Okafor", "Patel", "Reyes", "Smith", "Torres", "Walker"];
const PEN = ["Lark", "Heron", "Wren", "Finch", "Robin", "Swift", "Kestrel", "Sparrow", "Owl", "Crane", "Raven", "Plover", "Egret", "Thrush", "Linnet", "Merlin"];
const REJECT_REASONS = ["Staples or paper clips", "More pages than the envelope limit", "Sender not on the approved list", "Images not allowed", "Coloured paper"];
const RETURN_REASONS = ["Addressee released", "Insufficient address", "Refused by addressee"];
const BODIES = [
  "The reading made me think about how the hours we work are set by someone else, and how that changes what a day feels like.",
  "I agree with the author that wages hide the time we give away, but I am not sure the example of the factory fits my own job.",
  "When I worked in the kitchen the clock was everything. Reading this I saw that the clock was also a way to argue about pay.",
  "My answer is that time is the first thing taken and the last thing given back. The group letter from last month helped me see it.",
  "I read this twice. The second time I noticed that the question is really about who decides, not about how long the shift is.",
  "The chapter talks about piece work. In here we are paid by the hour but the hour is worth almost nothing, which is its own lesson.",
];
const FEEDBACK = ["Thank you, this is a careful reading.", "Good point about the clock; can you say more next time?", "I shared this with the group letter.", "Strong answer. Compare it with the second reading."];

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (items: readonly string[]) => `ARRAY[${items.map(lit).join(",")}]`;
/** A number 0…999 decided by the row's numbers and a salt. */
const rnd = (expr: string, salt: number) => `(abs(hashint8((${expr})::bigint * 7919 + ${salt})) % 1000)`;
/** Pick from an array literal by a hashed number. */
const pick = (items: readonly string[], expr: string, salt: number) => `(${arr(items)})[1 + ${rnd(expr, salt)} % ${items.length}]`;

function check(spec: ScaleSpec) {
  for (const [k, v] of Object.entries({ groups: spec.groups, membersPerGroup: spec.membersPerGroup, packs: spec.packs, facilities: spec.facilities })) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`${k} must be a positive integer`);
  }
  if (spec.packs < 2) throw new Error("packs must be at least 2");
  if (!/^[a-z0-9-]+$/.test(spec.prefix)) throw new Error("prefix: lower-case letters, digits and dashes only");
}

/** The statements that load one organization, in order; run them on ONE connection (temp tables). */
export function scaleSteps(spec: ScaleSpec): ScaleStep[] {
  check(spec);
  const { groups: G, membersPerGroup: K, packs: L, facilities: F } = spec;
  const P = spec.prefix;
  const NOW = `${lit(spec.now.toISOString())}::timestamptz`;
  const TODAY = `(${NOW} AT TIME ZONE 'UTC')::date`;
  /** A cuid-shaped id (25 characters, not sequential) decided by a kind and numbers. */
  const id = (kind: string, ...parts: string[]) => `('c' || left(md5(${lit(`${P}:${kind}:`)} || ${parts.map((p) => `(${p})::text`).join(" || '-' || ")}), 24))`;
  const orgId = id("org", "0");
  const userOrg = id("user-org", "0");
  const userFac = (g: string) => id("user-fac", g);
  const userMember = (m: string) => id("user-member", m);
  const facId = (f: string) => id("facility", f);
  const groupId = (g: string) => id("group", g);
  const courseId = id("course", "0");
  const lessonId = (n: string) => id("lesson", n);
  const promptId = (n: string, q: string) => id("prompt", n, q);
  const packId = (g: string, n: string) => id("pack", g, n);
  const personId = (m: string) => id("person", m);
  const memberId = (m: string) => id("member", m);
  const deliveryId = (m: string, n: string) => id("delivery", m, n);
  const responseId = (m: string, n: string, q: string) => id("response", m, n, q);
  const email = (local: string) => `${lit(local)} || '@' || ${lit(spec.emailDomain)}`;
  // lpad truncates longer strings: group 1000 would be "…-100" again.
  const num3 = (g: string) => `CASE WHEN (${g}) < 1000 THEN lpad((${g})::text, 3, '0') ELSE (${g})::text END`;
  const slug = (g: string) => `${lit(`${spec.orgSlug}-`)} || ${num3(g)}`;
  const hash = lit(spec.passwordHash);
  const facilityName = (f: string) =>
    `(${arr(FACILITY_PLACES)})[1 + ((${f}) - 1) % ${FACILITY_PLACES.length}] || CASE WHEN (${f}) > ${FACILITY_PLACES.length} THEN ' ' || (${f})::text ELSE '' END || ' Correctional Facility'`;
  const promptsOf = (n: string) => `(CASE WHEN (${n}) % 4 = 0 THEN 2 ELSE 1 END)`;

  return [
    {
      name: "organization, facilities, staff accounts, course",
      sql: `
INSERT INTO "Organization" ("id","slug","name","returnAddressLines","defaultMaxPagesPerEnvelope","updatedAt")
VALUES (${orgId}, ${lit(spec.orgSlug)}, ${lit(spec.orgName)}, ARRAY['PO Box 100','Springfield, OR 97477'], 20, ${NOW});

INSERT INTO "Facility" ("id","organizationId","name","addressLines","maxPagesPerEnvelope","notes","updatedAt")
SELECT ${facId("f")}, ${orgId}, ${facilityName("f")}, ARRAY[(100 + f)::text || ' State Route 9', 'Springfield, OR 97' || lpad(f::text, 3, '0')],
       CASE WHEN f % 3 = 0 THEN 10 WHEN f % 3 = 1 THEN 15 END, 'White paper only.', ${NOW}
  FROM generate_series(1, ${F}) f;

INSERT INTO "User" ("id","email","name","passwordHash","updatedAt")
SELECT ${userOrg}, ${email("organizer")}, 'Olga Organizer', ${hash}, ${NOW}
UNION ALL
SELECT ${userFac("g")}, CASE WHEN g = 1 THEN ${email("facilitator")} ELSE 'facilitator' || g || '@' || ${lit(spec.emailDomain)} END, 'Facilitator ' || g, ${hash}, ${NOW}
  FROM generate_series(1, ${G}) g;

INSERT INTO "Organizer" ("id","organizationId","userId") VALUES (${id("organizer", "0")}, ${orgId}, ${userOrg});

INSERT INTO "Course" ("id","organizationId","slug","title","description","updatedAt")
VALUES (${courseId}, ${orgId}, 'network-course', 'Work, Wages and Time (network edition)', 'The course every group of the network reads.', ${NOW});

INSERT INTO "Lesson" ("id","courseId","position","title","summary","updatedAt")
SELECT ${lessonId("n")}, ${courseId}, n, 'Lesson ' || n, 'Reading and questions for lesson ' || n || '.', ${NOW} FROM generate_series(1, ${L}) n;

INSERT INTO "Reading" ("id","lessonId","position","title","author","estimatedMinutes","bodyMarkdown","updatedAt")
SELECT ${id("reading", "n")}, ${lessonId("n")}, 1, 'Reading ' || n, 'A. Author', 20,
       '## Reading ' || n || E'\\n\\n' || repeat('The working day is a social fact before it is a private one. ', 40), ${NOW}
  FROM generate_series(1, ${L}) n;

INSERT INTO "Prompt" ("id","lessonId","position","text","updatedAt")
SELECT ${promptId("n", "q")}, ${lessonId("n")}, q, 'Question ' || q || ' of lesson ' || n || ': what in the reading matches your own experience of work?', ${NOW}
  FROM generate_series(1, ${L}) n, generate_series(1, 2) q WHERE q <= ${promptsOf("n")};`,
    },
    {
      name: "groups, facilitators, packs",
      sql: `
CREATE TEMP TABLE scale_pack ON COMMIT PRESERVE ROWS AS
SELECT g, n,
       date_trunc('day', ${NOW}) - make_interval(days => (${L} - n) * ${SCALE_PACK_INTERVAL_DAYS} + 10 + g % 7) + interval '18 hours' AS pub
  FROM generate_series(1, ${G}) g, generate_series(1, ${L}) n;

INSERT INTO "Group" ("id","organizationId","courseId","slug","name","level","packIntervalDays","createdAt","updatedAt")
SELECT ${groupId("g")}, ${orgId}, ${courseId}, ${slug("g")}, 'Study group ' || ${num3("g")},
       (ARRAY['INTRODUCTORY','INTERMEDIATE','ADVANCED'])[1 + g % 3]::"GroupLevel", ${SCALE_PACK_INTERVAL_DAYS}, p.pub - interval '14 days', ${NOW}
  FROM scale_pack p WHERE p.n = 1;

INSERT INTO "Facilitator" ("id","groupId","userId")
SELECT ${id("facilitator", "g")}, ${groupId("g")}, ${userFac("g")} FROM generate_series(1, ${G}) g
UNION ALL
-- The known facilitator also runs group 2.
SELECT ${id("facilitator", "0")}, ${groupId("2")}, ${userFac("1")} WHERE ${G} >= 2;

INSERT INTO "Pack" ("id","groupId","number","title","letterMarkdown","dueDate","status","publishedAt","createdById","createdAt","updatedAt")
SELECT ${packId("g", "n")}, ${groupId("g")}, n, 'Pack ' || n, 'Dear all, here is pack ' || n || '.', (pub + interval '28 days')::date,
       'PUBLISHED', pub, ${userFac("g")}, pub - interval '2 days', pub
  FROM scale_pack;

INSERT INTO "PackLesson" ("packId","lessonId","position") SELECT ${packId("g", "n")}, ${lessonId("n")}, 1 FROM scale_pack;`,
    },
    {
      name: "people, member accounts, enrolments",
      sql: `
CREATE TEMP TABLE scale_member ON COMMIT PRESERVE ROWS AS
SELECT x.*,
       CASE WHEN status = 'ACTIVE' THEN ${L} ELSE stop_at END AS last_pack,
       CASE WHEN k > 1 AND ${rnd("m", 3)} < 60 THEN ${L} - 2 - ${rnd("m", 4)} % 5 ELSE ${L} END AS quiet_after,
       740 + ${rnd("m", 9)} % 260 AS diligence,
       channel = 'MAIL' AND ${F} > 1 AND ${rnd("m", 6)} < 80 AS transferred,
       1 + ((f1 - 1 + 1 + ${rnd("m", 10)} % greatest(${F} - 1, 1)) % ${F}) AS f0,
       2 + ${rnd("m", 11)} % (${L} - 1) AS transfer_pack
  FROM (
    SELECT g, k, (g - 1) * ${K} + k AS m,
           CASE WHEN k > 1 AND ${rnd("(g - 1) * " + K + " + k", 1)} < 400 THEN 'MAIL' ELSE 'ONLINE' END AS channel,
           CASE WHEN k = 1 THEN 'ACTIVE'
                WHEN ${rnd("(g - 1) * " + K + " + k", 2)} < 30 THEN 'WITHDRAWN'
                WHEN ${rnd("(g - 1) * " + K + " + k", 2)} < 50 THEN 'PAUSED'
                ELSE 'ACTIVE' END AS status,
           1 + ${rnd("(g - 1) * " + K + " + k", 8)} % (${L} - 1) AS stop_at,
           1 + ${rnd("(g - 1) * " + K + " + k", 5)} % ${F} AS f1
      FROM generate_series(1, ${G}) g, generate_series(1, ${K}) k
  ) x;
ALTER TABLE scale_member ADD PRIMARY KEY (m);

INSERT INTO "User" ("id","email","name","passwordHash","createdAt","updatedAt")
SELECT ${userMember("m")}, CASE WHEN m = 1 THEN ${email("member")} ELSE 'member' || m || '@' || ${lit(spec.emailDomain)} END,
       ${pick(FIRST, "m", 20)} || ' ' || ${pick(LAST, "m", 21)}, ${hash}, ${NOW}, ${NOW}
  FROM scale_member WHERE channel = 'ONLINE';

INSERT INTO "Person" ("id","organizationId","userId","legalName","email","facilityId","idNumber","housingUnit","createdAt","updatedAt")
SELECT ${personId("m")}, ${orgId}, CASE WHEN channel = 'ONLINE' THEN ${userMember("m")} END,
       ${pick(FIRST, "m", 20)} || ' ' || ${pick(LAST, "m", 21)},
       CASE WHEN channel = 'ONLINE' THEN CASE WHEN m = 1 THEN ${email("member")} ELSE 'member' || m || '@' || ${lit(spec.emailDomain)} END END,
       CASE WHEN channel = 'MAIL' THEN ${facId("f1")} END,
       CASE WHEN channel = 'MAIL' THEN 'A' || lpad(m::text, 6, '0') END,
       CASE WHEN channel = 'MAIL' THEN 'Unit ' || chr(65 + m % 6) || '-' || (1 + m % 40) END,
       ${NOW}, ${NOW}
  FROM scale_member;

INSERT INTO "Member" ("id","groupId","personId","channel","status","penName","sharingPreference","sharingConsentAt","joinedAt","endedAt","createdAt","updatedAt")
SELECT ${memberId("m")}, ${groupId("s.g")}, ${personId("m")}, s.channel::"Channel", s.status::"MemberStatus",
       ${pick(PEN, "m", 22)} || ' ' || k,
       CASE WHEN ${rnd("m", 23)} < 500 THEN 'GROUP' ELSE 'FACILITATORS' END::"SharingPreference",
       CASE WHEN ${rnd("m", 23)} < 500 THEN p.pub - interval '10 days' END,
       p.pub - interval '10 days',
       CASE WHEN s.status = 'WITHDRAWN' THEN stop.pub + interval '20 days' END,
       p.pub - interval '10 days', ${NOW}
  FROM scale_member s
  JOIN scale_pack p ON p.g = s.g AND p.n = 1
  JOIN scale_pack stop ON stop.g = s.g AND stop.n = s.stop_at;

INSERT INTO "PersonEvent" ("id","personId","memberId","kind","occurredOn","reason","details","actorId","createdAt")
SELECT ${id("person-event", "m", "1")}, ${personId("m")}, ${memberId("m")}, 'ENROLLED'::"PersonEventKind", (p.pub - interval '10 days')::date, NULL, NULL, ${userFac("s.g")}, p.pub - interval '10 days'
  FROM scale_member s JOIN scale_pack p ON p.g = s.g AND p.n = 1
UNION ALL
SELECT ${id("person-event", "m", "2")}, ${personId("m")}, ${memberId("m")}, 'TRANSFERRED'::"PersonEventKind", (p.pub - interval '3 days')::date, 'Moved by the state',
       jsonb_build_object(
         'from', jsonb_build_object('facility', ${facilityName("s.f0")}, 'idNumber', 'A' || lpad(m::text, 6, '0'), 'housingUnit', NULL),
         'to', jsonb_build_object('facility', ${facilityName("s.f1")}, 'idNumber', 'A' || lpad(m::text, 6, '0'), 'housingUnit', 'Unit ' || chr(65 + m % 6) || '-' || (1 + m % 40))),
       ${userFac("s.g")}, p.pub - interval '3 days'
  FROM scale_member s JOIN scale_pack p ON p.g = s.g AND p.n = s.transfer_pack WHERE s.transferred
UNION ALL
SELECT ${id("person-event", "m", "3")}, ${personId("m")}, ${memberId("m")}, s.status::"PersonEventKind", (p.pub + interval '20 days')::date,
       CASE WHEN s.status = 'WITHDRAWN' THEN 'Asked to stop' ELSE 'Taking a break' END, NULL, ${userFac("s.g")}, p.pub + interval '20 days'
  FROM scale_member s JOIN scale_pack p ON p.g = s.g AND p.n = s.stop_at WHERE s.status <> 'ACTIVE';`,
    },
    {
      name: "member × pack cells (working table)",
      sql: `
CREATE TEMP TABLE scale_cell ON COMMIT PRESERVE ROWS AS
SELECT c.*,
       CASE WHEN outcome = 'REJECTED' THEN mailed + 10 + ${rnd("cell", 31)} % 10 END AS rejected,
       CASE WHEN outcome = 'REJECTED' THEN mailed + 13 + ${rnd("cell", 31)} % 10 + ${rnd("cell", 32)} % 7 END AS resent,
       CASE WHEN outcome = 'RETURNED' THEN mailed + 15 + ${rnd("cell", 33)} % 20 END AS returned,
       CASE WHEN channel = 'ONLINE' THEN pub::date
            WHEN outcome = 'OK' THEN mailed + 5 + ${rnd("cell", 34)} % 10
            WHEN outcome = 'REJECTED' THEN mailed + 18 + ${rnd("cell", 31)} % 10 + ${rnd("cell", 32)} % 7 + ${rnd("cell", 34)} % 10 END AS delivered
  FROM (
    SELECT s.m, s.g, p.n, s.channel, s.diligence, s.quiet_after, p.pub, s.m::bigint * 1000 + p.n AS cell,
           CASE WHEN s.transferred AND p.n < s.transfer_pack THEN s.f0 ELSE s.f1 END AS fac,
           CASE WHEN s.channel = 'MAIL' THEN p.pub::date + 1 + ${rnd("s.m::bigint * 1000 + p.n", 30)} % 4 END AS mailed,
           CASE WHEN s.channel = 'ONLINE' THEN 'OK'
                -- Two facilities in seven reject far more than the rest.
                WHEN ${rnd("s.m::bigint * 1000 + p.n", 35)} < CASE WHEN (CASE WHEN s.transferred AND p.n < s.transfer_pack THEN s.f0 ELSE s.f1 END) % 7 IN (3, 5) THEN 120 ELSE 15 END THEN 'REJECTED'
                WHEN ${rnd("s.m::bigint * 1000 + p.n", 36)} < 10 THEN 'RETURNED'
                ELSE 'OK' END AS outcome
      FROM scale_member s JOIN scale_pack p ON p.g = s.g AND p.n <= s.last_pack
  ) c;`,
    },
    {
      name: "responses (working table)",
      sql: `
CREATE TEMP TABLE scale_response ON COMMIT PRESERVE ROWS AS
SELECT * FROM (
  SELECT c.m, c.g, c.n, q, c.channel,
         CASE WHEN c.channel = 'ONLINE'
              THEN c.pub + make_interval(days => 1 + ${rnd("c.cell * 4 + q", 40)} % 20, mins => ${rnd("c.cell * 4 + q", 41)})
              ELSE ((c.delivered + 5 + ${rnd("c.cell", 42)} % 25 + 1 + ${rnd("c.cell * 4 + q", 43)} % 4)::timestamp + interval '10 hours' + make_interval(mins => ${rnd("c.cell * 4 + q", 41)})) AT TIME ZONE 'UTC' END AS submitted_at,
         CASE WHEN c.channel = 'MAIL' THEN c.delivered + 5 + ${rnd("c.cell", 42)} % 25 END AS received_on
    FROM scale_cell c, generate_series(1, 2) q
   WHERE q <= ${promptsOf("c.n")}
     AND c.delivered IS NOT NULL
     AND c.n <= c.quiet_after
     AND ${rnd("c.cell * 4 + q", 44)} < c.diligence - (q - 1) * 100
) r WHERE submitted_at <= ${NOW};
CREATE INDEX ON scale_response (m, n);`,
    },
    {
      name: "deliveries and delivery events",
      sql: `
CREATE TEMP TABLE scale_delivery ON COMMIT PRESERVE ROWS AS
SELECT c.*, r.first_submit, r.first_received
  FROM scale_cell c
  LEFT JOIN (SELECT m, n, min(submitted_at) AS first_submit, min(received_on) AS first_received FROM scale_response GROUP BY m, n) r ON r.m = c.m AND r.n = c.n;

INSERT INTO "Delivery" ("id","packId","memberId","channel","status","mailedTo","createdAt","updatedAt")
SELECT ${deliveryId("m", "n")}, ${packId("g", "n")}, ${memberId("m")}, channel::"Channel",
       (CASE WHEN first_submit IS NOT NULL THEN 'RESPONDED'
             WHEN channel = 'ONLINE' THEN 'DELIVERED'
             WHEN returned <= ${TODAY} THEN 'RETURNED'
             WHEN delivered <= ${TODAY} THEN 'DELIVERED'
             WHEN resent <= ${TODAY} THEN 'RESENT'
             WHEN rejected <= ${TODAY} THEN 'REJECTED'
             WHEN mailed <= ${TODAY} THEN 'MAILED'
             ELSE 'PREPARED' END)::"DeliveryStatus",
       CASE WHEN channel = 'MAIL' AND mailed <= ${TODAY} THEN jsonb_build_object(
         'legalName', ${pick(FIRST, "m", 20)} || ' ' || ${pick(LAST, "m", 21)}, 'idNumber', 'A' || lpad(m::text, 6, '0'),
         'housingUnit', 'Unit ' || chr(65 + m % 6) || '-' || (1 + m % 40), 'facility', ${facilityName("fac")},
         'addressLines', jsonb_build_array((100 + fac)::text || ' State Route 9', 'Springfield, OR 97' || lpad(fac::text, 3, '0'))) END,
       pub, ${NOW}
  FROM scale_delivery;

INSERT INTO "DeliveryEvent" ("id","deliveryId","status","occurredOn","reason","actorId","createdAt")
SELECT ${id("delivery-event", "m", "n", "seq")}, ${deliveryId("m", "n")}, status::"DeliveryStatus", occurred_on, reason, actor,
       occurred_on::timestamp + interval '12 hours' + make_interval(secs => seq)
  FROM (
    SELECT d.m, d.n, e.seq, e.status, e.occurred_on, e.reason,
           CASE WHEN e.status = 'RESPONDED' AND d.channel = 'ONLINE' THEN ${userMember("d.m")} ELSE ${userFac("d.g")} END AS actor
      FROM scale_delivery d,
      LATERAL (VALUES
        (1, CASE WHEN d.channel = 'ONLINE' THEN 'DELIVERED' ELSE 'PREPARED' END, d.pub::date, NULL::text),
        (2, 'MAILED', d.mailed, NULL),
        (3, 'REJECTED', d.rejected, ${pick(REJECT_REASONS, "d.cell", 50)}),
        (4, 'RESENT', d.resent, NULL),
        (5, 'RETURNED', d.returned, ${pick(RETURN_REASONS, "d.cell", 51)}),
        (6, 'DELIVERED', CASE WHEN d.channel = 'MAIL' THEN d.delivered END, NULL),
        (7, 'RESPONDED', (d.first_submit AT TIME ZONE 'UTC')::date, NULL)
      ) e(seq, status, occurred_on, reason)
     WHERE e.occurred_on IS NOT NULL AND e.occurred_on <= ${TODAY}
  ) x;`,
    },
    {
      name: "responses, versions, feedback",
      sql: `
INSERT INTO "Response" ("id","packId","memberId","promptId","body","lastSubmitKey","status","source","version","draftSavedAt","submittedAt","receivedOn","transcribedById","createdAt","updatedAt")
SELECT ${responseId("m", "n", "q")}, ${packId("g", "n")}, ${memberId("m")}, ${promptId("n", "q")},
       ${pick(BODIES, "m * 64 + n", 60)} || ' ' || ${pick(BODIES, "m * 64 + n", 61)},
       'seed-' || m || '-' || n || '-' || q, 'SUBMITTED',
       CASE WHEN channel = 'ONLINE' THEN 'ONLINE' ELSE 'TRANSCRIBED' END::"ResponseSource", 1,
       submitted_at, submitted_at, received_on, CASE WHEN channel = 'MAIL' THEN ${userFac("g")} END, submitted_at, submitted_at
  FROM scale_response;

INSERT INTO "ResponseVersion" ("id","responseId","version","body","createdById","createdAt")
SELECT ${id("response-version", "m", "n", "q")}, ${responseId("m", "n", "q")}, 1,
       ${pick(BODIES, "m * 64 + n", 60)} || ' ' || ${pick(BODIES, "m * 64 + n", 61)},
       CASE WHEN channel = 'ONLINE' THEN ${userMember("m")} ELSE ${userFac("g")} END, submitted_at
  FROM scale_response;

INSERT INTO "Feedback" ("id","responseId","authorId","body","createdAt","updatedAt")
SELECT ${id("feedback", "m", "n", "q")}, ${responseId("m", "n", "q")}, ${userFac("g")}, ${pick(FEEDBACK, "m * 64 + n + q", 70)},
       submitted_at + make_interval(days => 2 + ${rnd("m * 64 + n + q", 71)} % 10),
       submitted_at + make_interval(days => 2 + ${rnd("m * 64 + n + q", 71)} % 10)
  FROM scale_response
 WHERE ${rnd("m * 64 + n + q", 72)} < 120 AND submitted_at + make_interval(days => 2 + ${rnd("m * 64 + n + q", 71)} % 10) <= ${NOW};`,
    },
    {
      name: "drop the working tables",
      sql: `DROP TABLE scale_response; DROP TABLE scale_delivery; DROP TABLE scale_cell; DROP TABLE scale_member; DROP TABLE scale_pack;`,
    },
  ];
}

export type SeedLog = (line: string) => void;

/**
 * Runs the steps on one connection. `bulk` (the real seed, never the test database): foreign
 * keys and triggers off for the load (session_replication_role = replica; the data is
 * consistent by construction, which the small test proves with them on), and the secondary
 * indexes of the big tables dropped first and rebuilt after. All of it is ONE transaction that
 * starts by emptying the big tables (TRUNCATE gives them new files): on a server at
 * wal_level = minimal (BULK_LOAD_SETTINGS) PostgreSQL then writes no WAL for their rows or
 * their index builds, and syncs their files once at commit instead of writing everything twice.
 * `inTransaction` runs last in that transaction (the seed rebuilds the rollups there, which
 * TRUNCATE their tables first, for the same reason).
 */
export async function loadScale(
  client: pg.Client,
  specs: ScaleSpec[],
  options: { bulk: boolean; log: SeedLog; inTransaction?: (client: pg.Client) => Promise<void> },
): Promise<void> {
  const { log } = options;
  const timed = async (name: string, sql: string) => {
    const started = performance.now();
    await client.query(sql);
    log(`${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  // temp_buffers must be set before the session's first temporary table; the working tables of
  // the 10× network are several GB, which would otherwise go through 8 MB of local buffers.
  await client.query(
    options.bulk
      ? "SET TIME ZONE 'UTC'; SET synchronous_commit = off; SET temp_buffers = '2GB'; SET work_mem = '256MB'; SET maintenance_work_mem = '1GB'"
      : "SET TIME ZONE 'UTC'; SET synchronous_commit = off; SET work_mem = '64MB'; SET maintenance_work_mem = '256MB'",
  );
  if (!options.bulk) {
    for (const spec of specs) for (const step of scaleSteps(spec)) await timed(`${spec.orgSlug}: ${step.name}`, step.sql);
    return;
  }
  await client.query("BEGIN");
  try {
    await client.query("SET LOCAL session_replication_role = replica");
    const tables = BULK_TABLES.map((t) => `"${t}"`).join(", ");
    const rows = await client.query<{ n: string }>(`SELECT (${BULK_TABLES.map((t) => `(SELECT count(*) FROM (SELECT 1 FROM "${t}" LIMIT 1) x)`).join(" + ")}) AS n`);
    if (Number(rows.rows[0]!.n) !== 0) throw new Error("the scale database is not empty: the bulk load only fills a fresh one");
    // CASCADE: the tables that refer to these (sessions, replies, …) are empty too in a fresh database.
    await timed("emptied the big tables (new files, so no WAL for them at wal_level = minimal)", `TRUNCATE ${tables} CASCADE`);
    const indexes = (
      await client.query<{ indexname: string; indexdef: string }>(
        `SELECT i.indexname, i.indexdef FROM pg_indexes i
          WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
        [[...BULK_TABLES]],
      )
    ).rows;
    await timed(`dropped ${indexes.length} secondary indexes for the load`, indexes.map((i) => `DROP INDEX "${i.indexname}";`).join("\n"));
    for (const spec of specs) {
      for (const step of scaleSteps(spec)) await timed(`${spec.orgSlug}: ${step.name}`, step.sql);
    }
    await timed(`rebuilt ${indexes.length} indexes`, indexes.map((i) => `${i.indexdef};`).join("\n"));
    await client.query("SET LOCAL session_replication_role = origin");
    await options.inTransaction?.(client);
    await timed("commit (syncs the new files)", "COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
