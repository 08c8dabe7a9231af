import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importRoster, previewRoster } from "@/lib/data/roster";
import { describeInvitation } from "@/lib/data/invitations";
import { ROSTER_COLUMNS } from "@/lib/roster/csv";
import { makeFacilitator, makeGroup, makeMember, makeOrganizer, makeUser } from "@/tests/factories";
import { naughtyStrings } from "@/tests/setup/naughty-strings";

async function scenario() {
  const intro = await makeGroup();
  const advanced = await makeGroup(intro.organizationId);
  const organizer = await makeOrganizer(intro.organizationId);
  const facility = await db.facility.create({ data: { organizationId: intro.organizationId, name: `Jail ${intro.slug}`, addressLines: ["1 Road"] } });
  return { intro, advanced, organizer, facility, organizationId: intro.organizationId };
}

const csv = (rows: string[][]) => stringify([[...ROSTER_COLUMNS], ...rows]);

async function rosterCounts(organizationId: string) {
  const [people, members, events, invitations] = await Promise.all([
    db.person.count({ where: { organizationId } }),
    db.member.count({ where: { group: { organizationId } } }),
    db.personEvent.count({ where: { person: { organizationId } } }),
    db.invitation.count({ where: { organizationId } }),
  ]);
  return { people, members, events, invitations };
}

describe("roster import", () => {
  it("previews without writing; all-or-nothing refuses a file with a bad row; valid rows import once; the same file again changes nothing", async () => {
    const s = await scenario();
    const file = csv([
      [s.intro.slug, "Ada Lane", "Ada", "online", "ada@example.org", "", "", ""],
      [s.intro.slug, "Ben Cole", "", "mail", "", s.facility.name, "B-1", "Unit 2"],
      [s.advanced.slug, "Ben Cole", "", "mail", "", s.facility.name, "B-1", "Unit 2"],
      [s.intro.slug, "Cy Bad", "", "mail", "", "No Such Jail", "C-1", ""],
    ]);
    const before = await rosterCounts(s.organizationId);
    const preview = await previewRoster(s.organizer, s.organizationId, file);
    expect(preview).toMatchObject({ ok: true, check: { counts: { new: 2, enrol: 1, already: 0, invalid: 1 } } });
    expect(await rosterCounts(s.organizationId)).toEqual(before);
    expect(await db.auditLog.count({ where: { organizationId: s.organizationId, action: "roster.preview" } })).toBe(1);

    await expect(importRoster(s.organizer, s.organizationId, file, "allOrNothing")).rejects.toMatchObject({ code: "CONFLICT", message: "roster.errors.notAllValid" });
    expect(await rosterCounts(s.organizationId)).toEqual(before);

    const result = await importRoster(s.organizer, s.organizationId, file, "validRows");
    expect(result).toMatchObject({ counts: { new: 2, enrol: 1, invalid: 1 }, invalidRows: [5] });
    expect(result.invitations).toHaveLength(1);
    expect(result.invitations[0]).toMatchObject({ email: "ada@example.org", penName: "Ada" });
    expect(await describeInvitation(result.invitations[0]!.token)).toMatchObject({ state: "valid", email: "ada@example.org", penName: "Ada" });
    const ben = await db.person.findFirstOrThrow({ where: { organizationId: s.organizationId, idNumber: "B-1" }, include: { memberships: true, events: true } });
    expect(ben.memberships.map((m) => m.channel)).toEqual(["MAIL", "MAIL"]);
    expect(ben.events.map((e) => e.kind)).toEqual(["ENROLLED", "ENROLLED"]);
    const after = await rosterCounts(s.organizationId);
    expect(after).toEqual({ people: before.people + 2, members: before.members + 3, events: before.events + 3, invitations: before.invitations + 1 });

    const again = await importRoster(s.organizer, s.organizationId, file, "validRows");
    expect(again).toMatchObject({ counts: { new: 0, enrol: 0, already: 3, invalid: 1 }, invitations: [] });
    expect(await rosterCounts(s.organizationId)).toEqual(after);
    // The earlier link still works: a re-import does not revoke it.
    expect(await describeInvitation(result.invitations[0]!.token)).toMatchObject({ state: "valid" });
  });

  it("is the organizers' alone: facilitators, members and strangers get not-found and nothing is written", async () => {
    const s = await scenario();
    const facilitator = await makeFacilitator(s.intro.id);
    const { user: member } = await makeMember(s.intro);
    const file = csv([[s.intro.slug, "Ada Lane", "", "online", "ada2@example.org", "", "", ""]]);
    const before = await rosterCounts(s.organizationId);
    for (const user of [facilitator, member!, await makeUser(), await makeOrganizer((await makeGroup()).organizationId)]) {
      await expect(previewRoster(user, s.organizationId, file)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(importRoster(user, s.organizationId, file, "validRows")).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await rosterCounts(s.organizationId)).toEqual(before);
    expect(await db.auditLog.count({ where: { organizationId: s.organizationId, action: { startsWith: "roster." } } })).toBe(0);
  });

  it("a file of naughty strings in every column imports what is valid and reports the rest, never half of a row", async () => {
    const s = await scenario();
    const rows = naughtyStrings.flatMap((n, i) => [
      [s.intro.slug, n, n, "mail", "", s.facility.name, `L-${i}`, n],
      [s.intro.slug, `Person ${i}`, "", "online", n, "", "", ""],
      [n, `Group ${i}`, "", "mail", "", s.facility.name, `G-${i}`, ""],
      [s.intro.slug, `Id ${i}`, "", "mail", "", n, n, ""],
    ]);
    const file = csv(rows);
    const before = await rosterCounts(s.organizationId);
    await expect(importRoster(s.organizer, s.organizationId, file, "allOrNothing")).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await rosterCounts(s.organizationId)).toEqual(before);
    const result = await importRoster(s.organizer, s.organizationId, file, "validRows");
    const after = await rosterCounts(s.organizationId);
    expect(after.members - before.members).toBe(result.counts.new + result.counts.enrol);
    expect(result.counts.invalid).toBeGreaterThan(0);
    const again = await importRoster(s.organizer, s.organizationId, file, "validRows");
    expect(again.counts).toMatchObject({ new: 0, enrol: 0, already: result.counts.new + result.counts.enrol });
    expect(await rosterCounts(s.organizationId)).toEqual(after);
  });
});

describe("roster import of e-message members (decision 049)", () => {
  // group, legal_name, pen_name, channel, email, facility, id_number, housing_unit, language, emessage_service, emessage_contact
  it("a row with the service and identifier makes an e-message member; a person already on the roster gets them; a half row is skipped", async () => {
    const s = await scenario();
    // Already on the roster by mail in the advanced group.
    await importRoster(s.organizer, s.organizationId, csv([[s.advanced.slug, "Fay Old", "Fay", "mail", "", s.facility.name, "F-1", "", "", "", ""]]), "validRows");
    const file = csv([
      [s.intro.slug, "Eve Stone", "Eve", "e-message", "", s.facility.name, "E-1", "B-2", "", "CorrLinks", "12345-678"],
      [s.advanced.slug, "Eve Stone", "", "mail", "", s.facility.name, "E-1", "B-2", "", "", ""],
      [s.intro.slug, "Fay Old", "", "mail", "", s.facility.name, "F-1", "", "", "JPay", " FL  99 "],
      [s.intro.slug, "Gus Half", "", "mail", "", s.facility.name, "G-1", "", "", "Securus", ""],
      [s.intro.slug, "Hal Wrong", "", "e-message", "", s.facility.name, "H-1", "", "", "Smoke signals", "H-1"],
    ]);
    const before = await rosterCounts(s.organizationId);
    await expect(importRoster(s.organizer, s.organizationId, file, "allOrNothing")).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await rosterCounts(s.organizationId)).toEqual(before);

    const result = await importRoster(s.organizer, s.organizationId, file, "validRows");
    expect(result).toMatchObject({ counts: { new: 1, enrol: 2, invalid: 2 }, invalidRows: [5, 6] });
    const eve = await db.person.findFirstOrThrow({ where: { organizationId: s.organizationId, idNumber: "E-1" }, include: { memberships: { include: { group: true } }, events: true } });
    expect(eve).toMatchObject({ emessageService: "CORRLINKS", emessageContact: "12345-678" });
    expect(Object.fromEntries(eve.memberships.map((m) => [m.group.slug, m.channel]))).toEqual({ [s.intro.slug]: "EMESSAGE", [s.advanced.slug]: "MAIL" });
    const eveIntro = eve.memberships.find((m) => m.groupId === s.intro.id)!;
    expect(eve.events.find((e) => e.memberId === eveIntro.id)).toMatchObject({ kind: "ENROLLED", details: { channel: "EMESSAGE", emessageService: "CORRLINKS" } });
    expect(eve.events.find((e) => e.memberId !== eveIntro.id)?.details).toBeNull();
    const fay = await db.person.findFirstOrThrow({ where: { organizationId: s.organizationId, idNumber: "F-1" }, include: { memberships: { include: { group: true } } } });
    expect(fay).toMatchObject({ emessageService: "JPAY", emessageContact: "FL 99" });
    expect(Object.fromEntries(fay.memberships.map((m) => [m.group.slug, m.channel]))).toEqual({ [s.intro.slug]: "EMESSAGE", [s.advanced.slug]: "MAIL" });
    expect(await db.person.count({ where: { organizationId: s.organizationId, idNumber: { in: ["G-1", "H-1"] } } })).toBe(0);
    expect(await db.auditLog.findFirst({ where: { organizationId: s.organizationId, action: "roster.import" }, orderBy: { createdAt: "desc" }, select: { details: true } })).toMatchObject({ details: { emessage: 2 } });

    const preview = await previewRoster(s.organizer, s.organizationId, file);
    expect(preview.ok && preview.check.rows.filter((r) => r.outcome === "invalid").flatMap((r) => (r.outcome === "invalid" ? r.reasons.map((x) => x.key) : []))).toEqual([
      "roster.emessageReasons.contactMissing",
      "roster.emessageReasons.serviceUnknown",
    ]);
  });
});

