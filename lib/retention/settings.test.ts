// The retention settings: the form's schema refuses what a person could type wrong with one of
// our messages, on the right field; saving changes the two numbers only and is audited; and
// another organization's organizer learns nothing.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authorizeOrganization } from "@/lib/authz";
import { getRetentionSettings, saveRetentionSettings } from "@/lib/retention/settings";
import { retentionSettingsSchema } from "@/lib/validations/retention";
import { makeOrganization, makeOrganizer } from "@/tests/factories";

const refusal = (input: unknown) => {
  const parsed = retentionSettingsSchema.safeParse(input);
  return parsed.success ? null : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("retention settings", () => {
  it("takes whole days from 1 to 3650, and an empty scan field as 'keep'", () => {
    expect(retentionSettingsSchema.parse({ printRunRetentionDays: " 30 ", scanRetentionDays: "" })).toEqual({ printRunRetentionDays: 30, scanRetentionDays: null });
    expect(retentionSettingsSchema.parse({ printRunRetentionDays: 3650, scanRetentionDays: "1" })).toEqual({ printRunRetentionDays: 3650, scanRetentionDays: 1 });
    expect(refusal({ printRunRetentionDays: "", scanRetentionDays: "x" })).toEqual({ printRunRetentionDays: "settings.retention.errors.printRunRequired", scanRetentionDays: "settings.retention.errors.scanWhole" });
    expect(refusal({ printRunRetentionDays: "0", scanRetentionDays: "3651" })).toEqual({ printRunRetentionDays: "settings.retention.errors.printRunRange", scanRetentionDays: "settings.retention.errors.scanRange" });
    expect(refusal({ printRunRetentionDays: "1.5", scanRetentionDays: "-3" })).toEqual({ printRunRetentionDays: "settings.retention.errors.printRunWhole", scanRetentionDays: "settings.retention.errors.scanWhole" });
    expect(refusal({ printRunRetentionDays: "9".repeat(30), scanRetentionDays: null })).toMatchObject({ printRunRetentionDays: "settings.retention.errors.printRunWhole" });
  });

  it("starts at 90 days for print-run PDFs and 365 for scans, saves with an audit entry, and is the organizers' only", async () => {
    const org = await makeOrganization();
    const organizer = await makeOrganizer(org.id);
    expect(await getRetentionSettings(organizer, org.id)).toEqual({ printRunRetentionDays: 90, scanRetentionDays: 365 });

    const ctx = await authorizeOrganization(organizer, org.id);
    await saveRetentionSettings(ctx, { printRunRetentionDays: 30, scanRetentionDays: null });
    expect(await getRetentionSettings(organizer, org.id)).toEqual({ printRunRetentionDays: 30, scanRetentionDays: null });
    const audit = await db.auditLog.findFirstOrThrow({ where: { organizationId: org.id, action: "organization.retention" } });
    expect(audit).toMatchObject({ actorId: organizer.id, details: { before: { printRunRetentionDays: 90, scanRetentionDays: 365 }, after: { printRunRetentionDays: 30, scanRetentionDays: null } } });

    const stranger = await makeOrganizer((await makeOrganization()).id);
    await expect(getRetentionSettings(stranger, org.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
