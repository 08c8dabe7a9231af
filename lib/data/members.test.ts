import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addMailMember, listMembers, listPersonEvents, switchChannel, transferMember } from "@/lib/data/members";
import { markPreparedAsMailed } from "@/lib/data/deliveries";
import { publishPack } from "@/lib/data/packs";
import { submitTranscription } from "@/lib/data/transcriptions";
import { makePackScenario } from "@/tests/factories/pack";

async function scenario() {
  const s = await makePackScenario();
  const [a, b] = await Promise.all(
    ["A", "B"].map((n) => db.facility.create({ data: { organizationId: s.group.organizationId, name: `Facility ${n} ${s.group.slug}`, addressLines: [`${n} Road`] } })),
  );
  return { ...s, a: a!, b: b! };
}

describe("mail members", () => {
  it("are added with facility, ID and unit; a duplicate pen name is refused", async () => {
    const s = await scenario();
    const added = await addMailMember(s.facilitator, { legalName: "Ann Smith", penName: "Lark", facilityId: s.a.id, idNumber: "X-1", housingUnit: "C-3" });
    const members = await listMembers(s.facilitator);
    expect(members.find((m) => m.id === added.id)).toMatchObject({ channel: "MAIL", person: { legalName: "Ann Smith", idNumber: "X-1", housingUnit: "C-3", facility: { id: s.a.id } } });
    await expect(addMailMember(s.facilitator, { legalName: "Bob", penName: "Lark", facilityId: s.a.id, idNumber: "X-2", housingUnit: "" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(addMailMember(s.memberCtx, { legalName: "Eve", penName: "Eve", facilityId: s.a.id, idNumber: "X-3", housingUnit: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listMembers(s.memberCtx)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a transfer keeps the history and the address each pack was mailed to", async () => {
    const s = await scenario();
    const { id } = await addMailMember(s.facilitator, { legalName: "Ann Smith", penName: "Lark", facilityId: s.a.id, idNumber: "X-1", housingUnit: "C-3" });
    await publishPack(s.facilitator, 1);
    await markPreparedAsMailed(s.facilitator, { packNumber: 1, occurredOn: "2026-11-20" });
    await transferMember(s.facilitator, id, { facilityId: s.b.id, idNumber: "Y-9", housingUnit: "D-1", occurredOn: "2026-11-22", reason: "Moved by the state" });
    const delivery = await db.delivery.findFirstOrThrow({ where: { memberId: id } });
    expect(delivery.mailedTo).toMatchObject({ facility: s.a.name, idNumber: "X-1" });
    const events = await listPersonEvents(s.facilitator, id);
    expect(events.find((e) => e.kind === "TRANSFERRED")).toMatchObject({ kind: "TRANSFERRED", reason: "Moved by the state", details: { from: { facility: s.a.name, idNumber: "X-1" }, to: { facility: s.b.name, idNumber: "Y-9" } } });
  });

  it("switching from mail to online keeps every response", async () => {
    const s = await scenario();
    const { id } = await addMailMember(s.facilitator, { legalName: "Ann Smith", penName: "Lark", facilityId: s.a.id, idNumber: "X-1", housingUnit: "" });
    await publishPack(s.facilitator, 1);
    await submitTranscription(s.facilitator, { packNumber: 1, memberId: id, promptId: s.prompts[0]!, body: "By letter", receivedOn: "2026-11-20", submitKey: randomUUID() });
    await switchChannel(s.facilitator, id, "ONLINE");
    const member = await db.member.findUniqueOrThrow({ where: { id }, include: { responses: true } });
    expect(member.channel).toBe("ONLINE");
    expect(member.responses.map((r) => r.body)).toEqual(["By letter"]);
    expect((await listPersonEvents(s.facilitator, id)).map((e) => e.kind)).toContain("RELEASED");
  });
});
