// Organization settings against the real database: only the organization's organizers read or
// change them, a save is one audited transaction, bad input changes nothing, and what the form
// accepts is stored exactly.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { authorizeOrganization } from "@/lib/authz";
import { getOrganizationSettings, saveOrganizationSettings } from "@/lib/data/organizations";
import { organizationSettingsSchema, type OrganizationSettingsInput } from "@/lib/validations/organization";
import { makeFacilitator, makeGroup, makeMember, makeOrganization, makeOrganizer, makeUser } from "@/tests/factories";
import { naughtyStrings } from "@/tests/setup/naughty-strings";

/** As the entry layer calls it: with the context lib/authz made (a caller it refuses never gets further). */
const saveAs = async (user: CurrentUser, organizationId: string, values: Parameters<typeof saveOrganizationSettings>[1]) =>
  saveOrganizationSettings(await authorizeOrganization(user, organizationId), values);

const form = (overrides: Partial<OrganizationSettingsInput> = {}): OrganizationSettingsInput => ({
  name: "Riverside Study Network",
  returnAddress: "PO Box 4471\nRiverside, CA 92514",
  defaultMaxPagesPerEnvelope: "20",
  defaultNameAndIdOnEveryPage: true,
  defaultImagesAllowed: false,
  defaultTurnaroundDays: "42",
  paperGramsPerSheet: "4.5",
  envelopeGrams: "5",
  postageCurrency: "$",
  postageRates: [],
  ...overrides,
});
const valid = (overrides: Partial<OrganizationSettingsInput> = {}) => organizationSettingsSchema.parse(form(overrides));

async function expectNotFound(promise: Promise<unknown>) {
  await expect(promise).rejects.toMatchObject({ name: "AppError", code: "NOT_FOUND" });
}

const stored = (id: string) =>
  db.organization.findUniqueOrThrow({
    where: { id },
    select: { name: true, slug: true, returnAddressLines: true, defaultMaxPagesPerEnvelope: true, defaultNameAndIdOnEveryPage: true, defaultImagesAllowed: true, defaultTurnaroundDays: true, updatedAt: true },
  });
const audits = (organizationId: string) => db.auditLog.findMany({ where: { organizationId, action: "organization.update" }, orderBy: { createdAt: "asc" } });

describe("who may read and save an organization's settings", () => {
  type Group = Awaited<ReturnType<typeof makeGroup>>;
  let group: Group;
  let organizer: CurrentUser, facilitator: CurrentUser, member: CurrentUser, otherOrganizer: CurrentUser, nobody: CurrentUser;

  beforeAll(async () => {
    group = await makeGroup();
    organizer = await makeOrganizer(group.organizationId);
    facilitator = await makeFacilitator(group.id);
    member = (await makeMember(group)).user!;
    otherOrganizer = await makeOrganizer((await makeOrganization()).id);
    nobody = await makeUser();
  });

  it("the organizer reads them; the saved values read back", async () => {
    const before = await getOrganizationSettings(organizer);
    expect(before.organizations.map((o) => o.id)).toEqual([group.organizationId]);
    expect(before.organization.id).toBe(group.organizationId);
    expect(before.organization.defaultTurnaroundDays).toBe(42);

    const saved = await saveAs(organizer, group.organizationId, valid({ name: "  Riverside  ", returnAddress: " PO Box 1 \n\n  Riverside, CA 92514\n", defaultMaxPagesPerEnvelope: "12", defaultNameAndIdOnEveryPage: false, defaultImagesAllowed: true, defaultTurnaroundDays: "30" }));
    expect(saved.id).toBe(group.organizationId);
    const after = await getOrganizationSettings(organizer, group.organizationId);
    expect(after.organization).toMatchObject({
      name: "Riverside",
      returnAddressLines: ["PO Box 1", "Riverside, CA 92514"],
      defaultMaxPagesPerEnvelope: 12,
      defaultNameAndIdOnEveryPage: false,
      defaultImagesAllowed: true,
      defaultTurnaroundDays: 30,
    });

    // Empty page limit means none.
    await saveAs(organizer, group.organizationId, valid({ defaultMaxPagesPerEnvelope: "" }));
    expect((await stored(group.organizationId)).defaultMaxPagesPerEnvelope).toBeNull();
  });

  it("each save writes one audit entry naming what changed", async () => {
    const { id } = await makeOrganization();
    const user = await makeOrganizer(id);
    await saveAs(user, id, valid());
    await saveAs(user, id, valid({ defaultTurnaroundDays: "60" }));
    const entries = await audits(id);
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({ actorId: user.id, entityType: "Organization", entityId: id, details: { changed: ["defaultTurnaroundDays"] } });
  });

  it("a facilitator, a member, an organizer of another organization and a stranger get NOT_FOUND and change nothing", async () => {
    const before = await stored(group.organizationId);
    const auditsBefore = (await audits(group.organizationId)).length;
    for (const user of [facilitator, member, otherOrganizer, nobody]) {
      await expectNotFound(saveAs(user, group.organizationId, valid({ name: "Taken over" })));
      await expectNotFound(getOrganizationSettings(user, group.organizationId));
    }
    for (const user of [facilitator, member, nobody]) await expectNotFound(getOrganizationSettings(user));
    // The other organizer sees only their own organization.
    const own = await getOrganizationSettings(otherOrganizer);
    expect(own.organizations.map((o) => o.id)).not.toContain(group.organizationId);
    expect(await stored(group.organizationId)).toEqual(before);
    expect(await audits(group.organizationId)).toHaveLength(auditsBefore);
  });

  it("an unknown organization id is NOT_FOUND", async () => {
    await expectNotFound(getOrganizationSettings(organizer, "no-such-organization"));
    await expectNotFound(saveAs(organizer, "no-such-organization", valid()));
  });

  it("an organizer of several organizations chooses one", async () => {
    const a = await makeOrganization();
    const b = await makeOrganization();
    const user = await makeOrganizer(a.id);
    await makeOrganizer(b.id, user);
    const first = await getOrganizationSettings(user);
    expect(first.organizations.map((o) => o.id).sort()).toEqual([a.id, b.id].sort());
    const chosen = await getOrganizationSettings(user, b.id);
    expect(chosen.organization.id).toBe(b.id);
    await saveAs(user, b.id, valid({ name: "Only B" }));
    expect((await stored(b.id)).name).toBe("Only B");
    expect((await stored(a.id)).name).not.toBe("Only B");
  });
});

describe("bad input", () => {
  const cases: [string, Partial<OrganizationSettingsInput>, string, string][] = [
    ["empty name", { name: "   " }, "name", "settings.validation.nameRequired"],
    ["name on two lines", { name: "A\nB" }, "name", "settings.validation.nameOneLine"],
    ["name too long", { name: "x".repeat(201) }, "name", "settings.validation.tooLong"],
    ["no return address", { returnAddress: " \n \n" }, "returnAddress", "settings.validation.returnAddressRequired"],
    ["too many address lines", { returnAddress: "1\n2\n3\n4\n5\n6\n7" }, "returnAddress", "settings.validation.returnAddressTooManyLines"],
    ["address line too long", { returnAddress: "x".repeat(101) }, "returnAddress", "settings.validation.lineTooLong"],
    ["two pages", { defaultMaxPagesPerEnvelope: "2" }, "defaultMaxPagesPerEnvelope", "settings.validation.pagesMin"],
    ["fractional pages", { defaultMaxPagesPerEnvelope: "3.5" }, "defaultMaxPagesPerEnvelope", "settings.validation.pagesWhole"],
    ["pages not a number", { defaultMaxPagesPerEnvelope: "ten" }, "defaultMaxPagesPerEnvelope", "settings.validation.pagesWhole"],
    ["too many pages", { defaultMaxPagesPerEnvelope: "501" }, "defaultMaxPagesPerEnvelope", "settings.validation.pagesMax"],
    ["no turnaround", { defaultTurnaroundDays: "" }, "defaultTurnaroundDays", "settings.validation.turnaroundRequired"],
    ["turnaround 6", { defaultTurnaroundDays: "6" }, "defaultTurnaroundDays", "settings.validation.turnaroundMin"],
    ["turnaround 366", { defaultTurnaroundDays: "366" }, "defaultTurnaroundDays", "settings.validation.turnaroundMax"],
    ["negative turnaround", { defaultTurnaroundDays: "-30" }, "defaultTurnaroundDays", "settings.validation.turnaroundWhole"],
    ["turnaround as 1e400", { defaultTurnaroundDays: "1e400" }, "defaultTurnaroundDays", "settings.validation.turnaroundWhole"],
  ];
  for (const [label, overrides, field, key] of cases) {
    it(`${label}: ${key}`, () => {
      const result = organizationSettingsSchema.safeParse(form(overrides));
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toContainEqual([field, key]);
    });
  }

  it("the edges are accepted", () => {
    expect(valid({ defaultMaxPagesPerEnvelope: "3", defaultTurnaroundDays: "7" })).toMatchObject({ defaultMaxPagesPerEnvelope: 3, defaultTurnaroundDays: 7 });
    expect(valid({ defaultMaxPagesPerEnvelope: " 500 ", defaultTurnaroundDays: "365" })).toMatchObject({ defaultMaxPagesPerEnvelope: 500, defaultTurnaroundDays: 365 });
    expect(valid({ returnAddress: "1\n2\n3\n4\n5\n6", name: "x".repeat(200) }).returnAddress).toHaveLength(6);
  });

  it("fields the form does not have are dropped, never stored", async () => {
    const { id } = await makeOrganization();
    const user = await makeOrganizer(id);
    const before = await stored(id);
    const values = organizationSettingsSchema.parse({ ...form(), slug: "hijacked", id: "other", createdAt: new Date(0) });
    await saveAs(user, id, values);
    const after = await stored(id);
    expect(after.slug).toBe(before.slug);
    expect(await db.organization.findUnique({ where: { id: "other" } })).toBeNull();
  });
});

describe("naughty strings through the name and the return address", () => {
  const ownKeys = /^settings\.validation\.[a-zA-Z]+$/;
  const fields = {
    name: (v: string) => organizationSettingsSchema.safeParse(form({ name: v })),
    returnAddress: (v: string) => organizationSettingsSchema.safeParse(form({ returnAddress: v })),
  };

  it("each is refused with one of our message keys, or accepted", () => {
    for (const [field, parse] of Object.entries(fields)) {
      let accepted = 0;
      for (const value of naughtyStrings) {
        const result = parse(value);
        if (result.success) accepted++;
        else for (const issue of result.error.issues) expect(issue.message, `${field}: ${JSON.stringify(value)}`).toMatch(ownKeys);
      }
      expect(accepted, field).toBeGreaterThan(400);
    }
  });

  it("what is accepted is stored and read back exactly", async () => {
    const { id } = await makeOrganization();
    const user = await makeOrganizer(id);
    // Name and address from the same string where both accept it; otherwise a plain stand-in.
    const values = naughtyStrings
      .map((v) => {
        const name = organizationSettingsSchema.safeParse(form({ name: v }));
        const address = organizationSettingsSchema.safeParse(form({ returnAddress: v }));
        if (!name.success && !address.success) return null;
        return { ...(name.success ? name.data : valid()), returnAddress: address.success ? address.data.returnAddress : ["PO Box 1"] };
      })
      .filter((v) => v !== null);
    expect(values.length).toBeGreaterThan(400);
    for (const v of values) {
      await saveAs(user, id, v);
      const { organization } = await getOrganizationSettings(user, id);
      expect(organization.name, JSON.stringify(v.name)).toBe(v.name);
      expect(organization.returnAddressLines, JSON.stringify(v.returnAddress)).toEqual(v.returnAddress);
    }
    expect(await audits(id)).toHaveLength(values.length);
  });
});
