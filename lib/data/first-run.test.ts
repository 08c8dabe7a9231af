// First-run setup against a database of its own (setup is about the whole installation, and the
// shared test database has organizers from other files): the link opens setup once, setup makes
// exactly one organizer however many race, and then every link — the used one and any new one —
// fails for good.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { setUpOrganization, organizationSlug } from "@/lib/data/first-run";
import { applyMigrations } from "@/lib/db/migrate";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { issueSetupToken, isSetUp, setupTokenIsOpen } from "@/lib/setup/setup-token";
import { setupSchema, type SetupInput } from "@/lib/validations/setup";
import { clientFor } from "@/prisma/seed";
import { naughtyStrings } from "@/tests/setup/naughty-strings";

let client: PrismaClient;
let dbName: string;
const adminUrl = () => {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = "/postgres";
  return url.toString();
};

async function freshDatabase(): Promise<PrismaClient> {
  dbName = `first_run_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${dbName}`;
  await applyMigrations(url.toString());
  return clientFor(url.toString());
}

const input = (overrides: Partial<SetupInput> = {}): SetupInput => ({
  organizationName: "Lakeside Readers",
  returnAddress: "PO Box 12\nLakeside, MN 55000",
  timeZone: "America/Chicago",
  name: "Ada Organizer",
  email: "ada@lakeside.example",
  password: "seven owls read by lamplight",
  confirmPassword: "seven owls read by lamplight",
  ...overrides,
});
const values = (overrides: Partial<SetupInput> = {}) => setupSchema.parse(input(overrides));

beforeAll(async () => {
  client = await freshDatabase();
});
afterAll(async () => {
  await client.$disconnect();
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
});

describe("first-run setup", () => {
  it("opens only with the newest link, refuses a weak password on its field and writes nothing", async () => {
    expect(await isSetUp(client)).toBe(false);
    const old = (await issueSetupToken(client))!;
    const token = (await issueSetupToken(client))!;
    expect(await setupTokenIsOpen(client, old)).toBe(false); // each start replaces the last link
    expect(await setupTokenIsOpen(client, token)).toBe(true);
    expect(await setupTokenIsOpen(client, "x".repeat(43))).toBe(false);
    await expect(setUpOrganization(client, values(), { token: old })).rejects.toMatchObject({ code: "NOT_FOUND", message: "setup.linkInvalid" });
    await expect(setUpOrganization(client, values({ password: "password123", confirmPassword: "password123" }), { token })).rejects.toMatchObject({ code: "INVALID", field: "values.password" });
    expect(await client.organization.count()).toBe(0);
    expect(await client.user.count()).toBe(0);
    expect(await setupTokenIsOpen(client, token)).toBe(true);
  });

  it("makes one organization and organizer when several race with the link; then every link fails for good", async () => {
    const token = (await issueSetupToken(client))!;
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => setUpOrganization(client, values({ email: `racer-${i}@lakeside.example` }), { token })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await client.organizer.count()).toBe(1);
    expect(await client.organization.count()).toBe(1);
    const organization = await client.organization.findFirstOrThrow();
    expect(organization).toMatchObject({ name: "Lakeside Readers", slug: "lakeside-readers", returnAddressLines: ["PO Box 12", "Lakeside, MN 55000"], timeZone: "America/Chicago" });
    const user = await client.user.findFirstOrThrow({ where: { organizerOf: { some: { organizationId: organization.id } } } });
    expect(await verifyPassword("seven owls read by lamplight", user.passwordHash)).toBe(true);
    expect(await client.auditLog.count({ where: { action: "organization.setUp" } })).toBe(1);

    // The same link, a new link, and the command line: all closed.
    await expect(setUpOrganization(client, values({ email: "late@lakeside.example" }), { token })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await issueSetupToken(client)).toBeNull();
    expect(await client.setupToken.count()).toBe(0);
    await expect(setUpOrganization(client, values({ email: "cli@lakeside.example" }), { commandLine: true })).rejects.toMatchObject({ code: "CONFLICT", message: "setup.closed" });
    expect(await client.organizer.count()).toBe(1);
  });
});

describe("what setup accepts", () => {
  it("refuses an unknown time zone and a missing address with catalog keys", () => {
    const result = setupSchema.safeParse(input({ timeZone: "Mars/Olympus", returnAddress: "  " }));
    expect(result.success).toBe(false);
    const keys = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(keys).toMatchObject({ timeZone: "setup.validation.timeZoneInvalid", returnAddress: "settings.validation.returnAddressRequired" });
  });

  it("takes every naughty string as an organization name or refuses it with a key, and makes a plain slug of it", () => {
    for (const name of naughtyStrings) {
      const result = setupSchema.safeParse(input({ organizationName: name }));
      if (!result.success) {
        for (const issue of result.error.issues) expect(issue.message, name).toMatch(/^[a-z]+(\.[A-Za-z]+)+$|^[a-zA-Z]+$/);
        continue;
      }
      expect(organizationSlug(result.data.organizationName)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });
});
