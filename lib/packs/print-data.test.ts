import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadPrintData } from "@/lib/packs/print-data";
import { parseResponseCode } from "@/lib/packs/response-code";
import { makeGroup } from "@/tests/factories";
import { makeFacility, makeMailMember } from "@/tests/factories/mail";
import { makePackScenario } from "@/tests/factories/pack";

describe("loadPrintData", () => {
  it("loads the pack and its active mail members in mailing order, with a valid code per prompt", async () => {
    const scenario = await makePackScenario({ published: true });
    const group = scenario.group;
    await db.pack.update({ where: { id: scenario.pack.id }, data: { title: "Work", letterMarkdown: "Dear friends", dueDate: new Date("2027-03-01T00:00:00Z") } });
    await db.organization.update({ where: { id: group.organizationId }, data: { returnAddressLines: ["PO Box 1", "Riverside, CA 92514"] } });
    const alpha = await makeFacility(group.organizationId, { name: `Alpha ${group.id}`, maxPagesPerEnvelope: 12, notes: "No staples." });
    const beta = await makeFacility(group.organizationId, { name: `Beta ${group.id}`, maxPagesPerEnvelope: null });
    const zed = await makeMailMember(group, { facilityId: alpha.id, housingUnit: "Unit 10", legalName: "Zed Adams" });
    const yan = await makeMailMember(group, { facilityId: alpha.id, housingUnit: "Unit 9", legalName: "Yan Brook" });
    const amy = await makeMailMember(group, { facilityId: beta.id, housingUnit: "Unit 1", legalName: "Amy Cole" });
    const nora = await makeMailMember(group, { facilityId: null, housingUnit: null, legalName: "Nora Dale" });
    const paused = await makeMailMember(group, { facilityId: alpha.id, status: "PAUSED" });

    const { pack, members } = await loadPrintData(scenario.pack.id);

    expect(pack.pack).toMatchObject({ id: scenario.pack.id, number: 1, title: "Work", letterMarkdown: "Dear friends" });
    expect(pack.pack.dueDate?.toISOString().slice(0, 10)).toBe("2027-03-01");
    expect(pack.organization.returnAddressLines).toEqual(["PO Box 1", "Riverside, CA 92514"]);
    expect(pack.lessons).toHaveLength(1);
    expect(pack.lessons[0]!.readings[0]).toMatchObject({ title: "A reading", bodyMarkdown: "Some *text*." });
    expect(pack.lessons[0]!.prompts.map((p) => p.id)).toEqual(scenario.prompts);

    // Facility, then housing unit in numeric order (9 before 10), then name; no facility last.
    // The online member and the paused one are not printed.
    expect(members.map((m) => m.memberId)).toEqual([yan.memberId, zed.memberId, amy.memberId, nora.memberId]);
    expect(members[0]).toMatchObject({ legalName: "Yan Brook", housingUnit: "Unit 9", facility: { name: alpha.name, maxPagesPerEnvelope: 12, notes: "No staples." } });
    expect(members[3]!.facility).toBeNull();
    for (const member of members) {
      expect(Object.keys(member.codes).sort()).toEqual([...scenario.prompts].sort());
      for (const code of Object.values(member.codes)) expect(parseResponseCode(code).ok).toBe(true);
    }

    // A second load (a reprint) gives every sheet the code it already had.
    const again = await loadPrintData(scenario.pack.id);
    expect(again.members.map((m) => m.codes)).toEqual(members.map((m) => m.codes));

    // Given ids are printed whatever their status, but only members of the pack's group.
    const chosen = await loadPrintData(scenario.pack.id, [paused.memberId]);
    expect(chosen.members.map((m) => m.memberId)).toEqual([paused.memberId]);
    const otherGroup = await makeGroup(group.organizationId);
    const stranger = await makeMailMember(otherGroup);
    await expect(loadPrintData(scenario.pack.id, [yan.memberId, stranger.memberId])).rejects.toBeInstanceOf(AppError);
  });

  it("says NOT_FOUND for a pack that does not exist", async () => {
    await expect(loadPrintData("no-such-pack")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
