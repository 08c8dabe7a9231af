// Adding an e-message member directly (docs/decisions/049), through the door as the browser calls
// it: one step writes the person with their service and identifier, the enrolment, the event and
// the audit entries; a bad identifier or service comes back on its field and writes nothing;
// every naughty string as the identifier is stored as the switch would store it or refused with
// our message, never a 500 and never half-written; another group's facilitator gets NOT_FOUND.
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { addMember, listMembers } from "@/lib/data/members";
import { makeFacilitator } from "@/tests/factories";
import { makePackScenario } from "@/tests/factories/pack";
import { signInAs } from "@/tests/setup/request-cookie";
import { naughtyStrings } from "@/tests/setup/naughty-strings";
import { addMemberAction } from "@/app/(app)/groups/[groupSlug]/members/actions";
import { emessageContactSchema } from "@/lib/validations/emessage";

vi.mock("next/headers", () => import("@/tests/setup/request-cookie"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

async function scenario() {
  const s = await makePackScenario();
  const facility = await db.facility.create({ data: { organizationId: s.group.organizationId, name: `FCI ${s.group.slug}`, addressLines: ["1 Gate Road"] } });
  const facilitatorUser = await makeFacilitator(s.group.id);
  await signInAs(facilitatorUser);
  const values = (over: Record<string, unknown> = {}) => ({ channel: "EMESSAGE", legalName: "Ada Reyes", penName: "Wren", facilityId: facility.id, idNumber: "12345-678", housingUnit: "B-2", service: "CORRLINKS", contact: "12345-678", ...over });
  const add = (over: Record<string, unknown> = {}) => addMemberAction({ groupSlug: s.group.slug, values: values(over) });
  const counts = async () => ({
    people: await db.person.count({ where: { organizationId: s.group.organizationId } }),
    members: await db.member.count({ where: { groupId: s.group.id } }),
    events: await db.personEvent.count({ where: { person: { organizationId: s.group.organizationId } } }),
    audit: await db.auditLog.count({ where: { organizationId: s.group.organizationId, action: { in: ["member.add", "member.channel"] } } }),
  });
  return { ...s, facility, values, add, counts };
}

describe("adding an e-message member directly", () => {
  it("writes the person, the enrolment on e-message, the event and both audit entries in one step", async () => {
    const s = await scenario();
    const result = await s.add({ contact: "  12345-678  " });
    expect(result).toMatchObject({ ok: true });
    const id = result.ok ? result.data.id : "";
    const member = await db.member.findUniqueOrThrow({ where: { id }, select: { channel: true, penName: true, personId: true, person: { select: { legalName: true, facilityId: true, idNumber: true, housingUnit: true, emessageService: true, emessageContact: true } } } });
    expect(member).toMatchObject({ channel: "EMESSAGE", penName: "Wren", person: { legalName: "Ada Reyes", facilityId: s.facility.id, idNumber: "12345-678", housingUnit: "B-2", emessageService: "CORRLINKS", emessageContact: "12345-678" } });
    expect(await db.personEvent.findMany({ where: { memberId: id }, select: { kind: true, details: true } })).toEqual([{ kind: "ENROLLED", details: { channel: "EMESSAGE", emessageService: "CORRLINKS" } }]);
    const audit = await db.auditLog.findMany({ where: { entityId: id }, select: { action: true, details: true, personId: true }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action).sort()).toEqual(["member.add", "member.channel"]);
    expect(audit.find((a) => a.action === "member.channel")).toMatchObject({ details: { to: "EMESSAGE", from: null }, personId: member.personId });
    // The members list shows them as the switch would have left them.
    const listed = (await listMembers(s.facilitator)).find((m) => m.id === id);
    expect(listed).toMatchObject({ channel: "EMESSAGE", person: { emessageService: "CORRLINKS", emessageContact: "12345-678" } });
  });

  it("by mail the service fields are ignored, whatever they hold", async () => {
    const s = await scenario();
    const result = await s.add({ channel: "MAIL", service: "NOPE", contact: "<script>" });
    expect(result).toMatchObject({ ok: true });
    const member = await db.member.findUniqueOrThrow({ where: { id: result.ok ? result.data.id : "" }, select: { channel: true, person: { select: { emessageService: true, emessageContact: true } } } });
    expect(member).toEqual({ channel: "MAIL", person: { emessageService: null, emessageContact: null } });
  });

  it("bad input comes back on its field and writes nothing", async () => {
    const s = await scenario();
    const before = await s.counts();
    expect(await s.add({ contact: "" })).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { "values.contact": "emessage.validation.contactRequired" } });
    expect(await s.add({ contact: "<bad>" })).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { "values.contact": "emessage.validation.contactInvalid" } });
    expect(await s.add({ contact: "x".repeat(65) })).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { "values.contact": "emessage.validation.contactTooLong" } });
    expect(await s.add({ service: "GTL" })).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { "values.service": "emessage.validation.serviceRequired" } });
    expect(await s.add({ service: undefined, contact: undefined })).toMatchObject({ ok: false, fieldErrors: { "values.service": "emessage.validation.serviceRequired", "values.contact": "emessage.validation.contactRequired" } });
    expect(await s.add({ channel: "ONLINE" })).toMatchObject({ ok: false, fieldErrors: { "values.channel": "members.addChannel.channelRequired" } });
    // The facility and ID number stay required for e-message.
    expect(await s.add({ facilityId: "" })).toMatchObject({ ok: false, fieldErrors: { "values.facilityId": "members.validation.facilityRequired" } });
    expect(await s.add({ idNumber: "" })).toMatchObject({ ok: false, fieldErrors: { "values.idNumber": "members.validation.idRequired" } });
    expect(await s.counts()).toEqual(before);
  });

  it("a refusal inside the transaction keeps nothing: the person already in the group, a pen name taken", async () => {
    const s = await scenario();
    expect(await s.add()).toMatchObject({ ok: true });
    const before = await s.counts();
    expect(await s.add({ penName: "Other", contact: "99999-000" })).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { "values.idNumber": "members.errors.alreadyInGroup" } });
    expect(await s.add({ idNumber: "55555-000", contact: "55555-000" })).toMatchObject({ ok: false, code: "CONFLICT", formError: "members.errors.duplicate" });
    expect(await s.counts()).toEqual(before);
    expect(await db.person.findFirstOrThrow({ where: { organizationId: s.group.organizationId, idNumber: "12345-678" }, select: { emessageContact: true } })).toEqual({ emessageContact: "12345-678" });
  });

  it("a direct caller of lib/data is checked too", async () => {
    const s = await scenario();
    const input = { legalName: "Ada", penName: "Ada", facilityId: s.facility.id, idNumber: "A-1", housingUnit: "" };
    await expect(addMember(s.facilitator, input, { service: "JPAY", contact: "<x>" })).rejects.toMatchObject({ code: "INVALID", message: "emessage.validation.contactInvalid", field: "values.contact" });
    await expect(addMember(s.facilitator, input, { service: "GTL" as "JPAY", contact: "FL 1" })).rejects.toMatchObject({ code: "INVALID", field: "values.service" });
    expect(await db.person.count({ where: { organizationId: s.group.organizationId, idNumber: "A-1" } })).toBe(0);
  });

  it("every naughty string as the identifier: stored as the switch stores it, or refused on its field with nothing written", async () => {
    const s = await scenario();
    let stored = 0;
    for (const [i, naughty] of naughtyStrings.entries()) {
      const idNumber = `N-${i}`;
      const result = await s.add({ contact: naughty, idNumber, penName: `Naughty ${i}` });
      const expected = emessageContactSchema.safeParse(naughty);
      const person = await db.person.findFirst({ where: { organizationId: s.group.organizationId, idNumber }, select: { emessageContact: true, memberships: { select: { channel: true } } } });
      if (expected.success) {
        expect(result, JSON.stringify(naughty)).toMatchObject({ ok: true });
        expect(person).toEqual({ emessageContact: expected.data, memberships: [{ channel: "EMESSAGE" }] });
        stored++;
      } else {
        expect(result, JSON.stringify(naughty)).toMatchObject({ ok: false, code: "INVALID" });
        expect(Object.keys(result.ok ? {} : result.fieldErrors)).toEqual(["values.contact"]);
        expect(person).toBeNull();
      }
    }
    expect(stored).toBeGreaterThan(10);
  }, 120_000);

  it("another group's facilitator, and a member of the group, get NOT_FOUND and nothing is written", async () => {
    const s = await scenario();
    const other = await makePackScenario();
    const stranger = await makeFacilitator(other.group.id);
    const before = await s.counts();
    await signInAs(stranger);
    expect(await s.add()).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // Their own group's slug with this organization's facility: the facility is not theirs.
    expect(await addMemberAction({ groupSlug: other.group.slug, values: s.values() })).toMatchObject({ ok: false, code: "INVALID", formError: "members.validation.facilityRequired" });
    await signInAs(s.memberCtx.user);
    expect(await s.add()).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await s.counts()).toEqual(before);
    expect(await db.member.count({ where: { groupId: other.group.id, penName: "Wren" } })).toBe(0);
  });
});
