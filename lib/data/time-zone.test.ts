// The organization's time zone (issue 17): set in its settings, it decides what "today" is for
// its groups on the server (a member's next pack is not late until the day is over there).
import { describe, expect, it } from "vitest";
import { authorizeGroup, authorizeOrganization } from "@/lib/authz";
import { saveOrganizationSettings } from "@/lib/data/organizations";
import { organizationSettingsSchema } from "@/lib/validations/organization";
import { todayDate } from "@/lib/dates";
import { makeFacilitator, makeGroup, makeOrganizer } from "@/tests/factories";

const form = (timeZone: string) => ({
  name: "Lakeside Readers",
  returnAddress: "PO Box 12\nLakeside, MN 55000",
  defaultMaxPagesPerEnvelope: "20",
  defaultNameAndIdOnEveryPage: true,
  defaultImagesAllowed: false,
  defaultTurnaroundDays: "42",
  timeZone,
  paperGramsPerSheet: "4.5",
  envelopeGrams: "5",
  postageCurrency: "$",
  postageRates: [],
});

describe("the organization's time zone", () => {
  it("is saved from the settings and carried with every group's context, so today is counted there", async () => {
    const group = await makeGroup();
    const organizer = await makeOrganizer(group.organizationId);
    await saveOrganizationSettings(await authorizeOrganization(organizer, group.organizationId), organizationSettingsSchema.parse(form("America/Los_Angeles")));
    const facilitator = await makeFacilitator(group.id);
    const ctx = await authorizeGroup(facilitator, group.slug, "pack.edit");
    expect(ctx.group.timeZone).toBe("America/Los_Angeles");
    // 23:30 on 6 December there is 07:30 on the 7th in UTC: still the 6th for the group.
    expect(todayDate(ctx.group.timeZone, new Date("2026-12-07T07:30:00Z")).toISOString().slice(0, 10)).toBe("2026-12-06");
  });

  it("refuses a zone the runtime does not know, with a field message", () => {
    for (const zone of ["Mars/Olympus_Mons", "", "UTC; DROP TABLE", "x".repeat(65)]) {
      const result = organizationSettingsSchema.safeParse(form(zone));
      expect(result.success, zone).toBe(false);
      expect(result.error?.issues.map((i) => i.message)).toContain("settings.validation.timeZoneInvalid");
    }
  });
});
