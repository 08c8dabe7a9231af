// One person, however their ID number or e-mail is written (lib/people/identity.ts): adding a
// mail member by hand finds the person a roster file brought in, and the other way round; a
// transfer cannot take another person's number; simultaneous adds make one person; and what is
// stored is the tidy form the packs print.
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadGroupContext, type GroupContext } from "@/lib/authz";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { addMailMember, releaseMember, transferMember } from "@/lib/data/members";
import { importRoster, previewRoster } from "@/lib/data/roster";
import { checkIdNumber } from "@/lib/people/identity";
import { ROSTER_COLUMNS } from "@/lib/roster/csv";
import { makeGroup, makeOrganizer } from "@/tests/factories";
import { makeFacility } from "@/tests/factories/mail";
import { naughtyStrings } from "@/tests/setup/naughty-strings";

async function contextOf(user: CurrentUser, slug: string): Promise<GroupContext> {
  const ctx = await loadGroupContext(user, slug);
  if (!ctx) throw new Error("no access");
  return ctx;
}

async function scenario() {
  const intro = await makeGroup();
  const advanced = await makeGroup(intro.organizationId);
  const organizer = await makeOrganizer(intro.organizationId);
  const facility = await makeFacility(intro.organizationId);
  const other = await makeFacility(intro.organizationId);
  return { intro, advanced, organizer, facility, other, organizationId: intro.organizationId, introCtx: await contextOf(organizer, intro.slug), advancedCtx: await contextOf(organizer, advanced.slug) };
}
type Scenario = Awaited<ReturnType<typeof scenario>>;

const mailRow = (s: Scenario, group: { slug: string }, legalName: string, idNumber: string) => [group.slug, legalName, "", "mail", "", s.facility.name, idNumber, "Unit 1"];
const csv = (rows: string[][]) => stringify([[...ROSTER_COLUMNS], ...rows]);
const add = (ctx: GroupContext, s: Scenario, idNumber: string, penName: string, legalName = "Ben Typed") => addMailMember(ctx, { legalName, penName, facilityId: s.facility.id, idNumber, housingUnit: "" });

async function counts(organizationId: string) {
  const [people, members, events, audits] = await Promise.all([
    db.person.count({ where: { organizationId } }),
    db.member.count({ where: { group: { organizationId } } }),
    db.personEvent.count({ where: { person: { organizationId } } }),
    db.auditLog.count({ where: { organizationId, action: "member.add" } }),
  ]);
  return { people, members, events, audits };
}

describe("adding a mail member finds the person the roster knows", () => {
  it("an ID from a roster file, written another way in the form, enrols that person; in the same group it changes nothing", async () => {
    const s = await scenario();
    await importRoster(s.organizer, s.organizationId, csv([mailRow(s, s.intro, "Ben Cole", "A123")]), "allOrNothing");
    const ben = await db.person.findFirstOrThrow({ where: { organizationId: s.organizationId, facilityId: s.facility.id }, select: { id: true, idNumber: true, legalName: true } });

    const added = await add(s.advancedCtx, s, "a123", "Ben");
    expect(added.person).toBe("existing");
    expect(await db.member.findUniqueOrThrow({ where: { id: added.id }, select: { personId: true, groupId: true } })).toEqual({ personId: ben.id, groupId: s.advanced.id });
    // The person's record stays as the roster has it, as the import would leave it.
    expect(await db.person.findUniqueOrThrow({ where: { id: ben.id }, select: { id: true, idNumber: true, legalName: true } })).toEqual(ben);

    const before = await counts(s.organizationId);
    for (const [i, written] of ["A123", "a123", " #A-123 ", "ａ１２３", "a 1-2-3", "#a\u2013123"].entries()) {
      await expect(add(s.introCtx, s, written, `Other ${i}`), written).rejects.toMatchObject({ code: "CONFLICT", message: "members.errors.alreadyInGroup", field: "values.idNumber" });
    }
    expect(await counts(s.organizationId)).toEqual(before);
    expect(before.people).toBe(1);
  });

  it("the roster import finds the person added by hand, and calls them already on the roster where they are", async () => {
    const s = await scenario();
    const added = await add(s.introCtx, s, " #b-77 ", "Bea");
    expect(added.person).toBe("new");
    const bea = await db.person.findFirstOrThrow({ where: { organizationId: s.organizationId }, select: { id: true, idNumber: true } });
    expect(bea.idNumber).toBe("b-77"); // stored as written, tidied: no "#", no spaces

    const file = csv([mailRow(s, s.intro, "Bea Typed Again", "B77"), mailRow(s, s.advanced, "Bea", "B-77")]);
    const preview = await previewRoster(s.organizer, s.organizationId, file);
    expect(preview.ok && preview.check.rows.map((r) => [r.outcome, "person" in r ? r.person : null])).toEqual([
      ["already", { existingId: bea.id }],
      ["enrol", { existingId: bea.id }],
    ]);
    await importRoster(s.organizer, s.organizationId, file, "allOrNothing");
    expect(await db.person.count({ where: { organizationId: s.organizationId } })).toBe(1);
    expect(await db.member.count({ where: { personId: bea.id } })).toBe(2);
  });

  it("five simultaneous adds of one number written five ways make one person and one member", async () => {
    const s = await scenario();
    const written = ["C-9", "c9", " #C 9", "ｃ９", "C\u20119"];
    const results = await Promise.allSettled(written.map((id, i) => add(s.introCtx, s, id, `Cat ${i}`)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT", message: "members.errors.alreadyInGroup" });
    expect(await counts(s.organizationId)).toMatchObject({ people: 1, members: 1, events: 1, audits: 1 });
  });

  it("a number that is not a facility's is refused with a reason, and writes nothing", async () => {
    const s = await scenario();
    const before = await counts(s.organizationId);
    await expect(add(s.introCtx, s, "\u0410123", "Cyril")).rejects.toMatchObject({ code: "INVALID", message: "members.validation.idInvalid", field: "values.idNumber" });
    await expect(add(s.introCtx, s, " # ", "Hash")).rejects.toMatchObject({ code: "INVALID", message: "members.validation.idRequired" });
    await expect(add(s.introCtx, s, "9".repeat(41), "Long")).rejects.toMatchObject({ code: "INVALID", message: "members.validation.tooLong" });
    expect(await counts(s.organizationId)).toEqual(before);
  });

  it("every naughty string as the ID number is stored tidy and valid, or refused with a reason; never an unexpected error", async () => {
    const s = await scenario();
    let stored = 0;
    for (const [i, raw] of naughtyStrings.entries()) {
      try {
        const { id } = await add(s.introCtx, s, raw, `Naughty ${i}`);
        const { person } = await db.member.findUniqueOrThrow({ where: { id }, select: { person: { select: { idNumber: true } } } });
        expect(checkIdNumber(person.idNumber!)).toMatchObject({ ok: true, value: person.idNumber });
        stored++;
      } catch (error) {
        expect(error, JSON.stringify(raw)).toBeInstanceOf(AppError);
        expect(["INVALID", "CONFLICT"]).toContain((error as AppError).code);
      }
    }
    expect(stored).toBeGreaterThan(10);
  });
});

describe("a transfer", () => {
  it("cannot take the number another person has at that facility, however written; one's own number may be rewritten", async () => {
    const s = await scenario();
    const first = await add(s.introCtx, s, "D-1", "Dee");
    const second = await addMailMember(s.introCtx, { legalName: "Eve", penName: "Eve", facilityId: s.other.id, idNumber: "E-2", housingUnit: "" });
    const move = (memberId: string, idNumber: string) => transferMember(s.introCtx, memberId, { facilityId: s.facility.id, idNumber, housingUnit: "", occurredOn: "2026-12-01", reason: "" });
    await expect(move(second.id, " #d1 ")).rejects.toMatchObject({ code: "CONFLICT", message: "members.errors.idTaken", field: "values.idNumber" });
    expect(await db.member.findUniqueOrThrow({ where: { id: second.id }, select: { person: { select: { facilityId: true, idNumber: true } } } })).toEqual({ person: { facilityId: s.other.id, idNumber: "E-2" } });

    await move(first.id, "#d\u20131");
    expect(await db.member.findUniqueOrThrow({ where: { id: first.id }, select: { person: { select: { idNumber: true } } } })).toEqual({ person: { idNumber: "d-1" } });
  });
});

describe("a release", () => {
  it("stores the e-mail normalized and refuses one another person has, however written", async () => {
    const s = await scenario();
    const first = await add(s.introCtx, s, "F-1", "Fay");
    const second = await add(s.introCtx, s, "G-2", "Gus");
    const day = { occurredOn: "2026-12-01", reason: "" };
    await releaseMember(s.introCtx, first.id, { email: " Fay.Free@Example.TEST ", ...day });
    expect(await db.member.findUniqueOrThrow({ where: { id: first.id }, select: { person: { select: { email: true } } } })).toEqual({ person: { email: "fay.free@example.test" } });
    await expect(releaseMember(s.introCtx, second.id, { email: "FAY.FREE@example.test", ...day })).rejects.toMatchObject({ code: "CONFLICT", message: "roster.release.emailTaken" });
    expect(await db.member.findUniqueOrThrow({ where: { id: second.id }, select: { channel: true } })).toEqual({ channel: "MAIL" });
  });
});
