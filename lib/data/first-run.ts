// First-run setup: an empty installation gets its organization and first organizer, from the
// setup page (with the one-time link the launcher printed, lib/setup/setup-token.ts) or from
// `npm run setup` (which has the database itself, so needs no link). One transaction under an
// advisory lock, so two setups racing make one organizer; once one exists, setup is closed for
// good and every link dies with it.
import "server-only";
import { hashNewPassword } from "@/lib/auth/password-rule";
import { writeAudit } from "@/lib/data/audit";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isSetUp, setupTokenIsOpen } from "@/lib/setup/setup-token";
import { slugFrom } from "@/lib/validations/slug";
import type { SetupValues } from "@/lib/validations/setup";

/** Any constant: only setups take this lock. */
const SETUP_LOCK = 7_305_114;

export type SetupAccess = { token: string } | { commandLine: true };

/** The organization's internal handle from its name: lower-case ASCII letters, digits, dashes. */
export function organizationSlug(name: string): string {
  return slugFrom(name, 40) || "program";
}

export async function setUpOrganization(client: PrismaClient, values: SetupValues, access: SetupAccess): Promise<{ organizationId: string; email: string }> {
  // Hashed before the transaction: argon2 takes tens of milliseconds, and the rule's refusal
  // (on the password field) should come before any row is touched.
  const passwordHash = await hashNewPassword(values.password, { field: "values.password", userInputs: [values.name, values.email, values.organizationName] });
  return client.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;
    if ("token" in access && !(await setupTokenIsOpen(tx, access.token))) throw new AppError("NOT_FOUND", "setup.linkInvalid");
    if (await isSetUp(tx)) throw new AppError("CONFLICT", "setup.closed");
    if (await tx.user.findUnique({ where: { email: values.email }, select: { id: true } })) throw new AppError("CONFLICT", "setup.emailTaken", { field: "values.email" });

    const base = organizationSlug(values.organizationName);
    const taken = new Set((await tx.organization.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((o) => o.slug));
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;

    const organization = await tx.organization.create({
      data: { slug, name: values.organizationName, returnAddressLines: values.returnAddress, timeZone: values.timeZone },
      select: { id: true },
    });
    const user = await tx.user.create({ data: { email: values.email, name: values.name, passwordHash }, select: { id: true } });
    await tx.organizer.create({ data: { organizationId: organization.id, userId: user.id } });
    await tx.setupToken.deleteMany({});
    await writeAudit(tx, {
      organizationId: organization.id,
      actorId: user.id,
      action: "organization.setUp",
      entityType: "Organization",
      entityId: organization.id,
      details: { via: "token" in access ? "setup link" : "command line" },
    });
    return { organizationId: organization.id, email: values.email };
  });
}
