// Demo data: one organization, a course, the groups `intro` and `advanced`, and the three
// accounts in the README (password "studypack-demo"). Run on the first start of the embedded
// database and by `npm run db:seed`. Idempotent: it does nothing when the organization exists.
import { PrismaPg } from "@prisma/adapter-pg";
import bcrypt from "bcryptjs";
import { PrismaClient } from "../lib/generated/prisma/client";

export const DEMO_PASSWORD = "studypack-demo";
export const DEMO_ACCOUNTS = {
  organizer: "organizer@example.org",
  facilitator: "facilitator@example.org",
  member: "member@example.org",
} as const;

export function clientFor(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 2 }) });
}

/** True when the database holds no organization yet. */
export async function isEmpty(db: PrismaClient): Promise<boolean> {
  return (await db.organization.count()) === 0;
}

export async function seedDemo(db: PrismaClient): Promise<{ created: boolean }> {
  if (await db.organization.findUnique({ where: { slug: "riverside" }, select: { id: true } })) return { created: false };
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 12);

  await db.$transaction(async (tx) => {
    const org = await tx.organization.create({
      data: {
        slug: "riverside",
        name: "Riverside Study Network",
        returnAddressLines: ["Riverside Study Network", "PO Box 4410", "Springfield, OR 97477"],
        defaultMaxPagesPerEnvelope: 20,
      },
    });
    const [organizer, facilitator, memberUser] = await Promise.all([
      tx.user.create({ data: { email: DEMO_ACCOUNTS.organizer, name: "Olivia Ortega", passwordHash } }),
      tx.user.create({ data: { email: DEMO_ACCOUNTS.facilitator, name: "Frank Fields", passwordHash } }),
      tx.user.create({ data: { email: DEMO_ACCOUNTS.member, name: "Maya Moreno", passwordHash } }),
    ]);
    await tx.organizer.create({ data: { organizationId: org.id, userId: organizer.id } });

    const facility = await tx.facility.create({
      data: {
        organizationId: org.id,
        name: "Cedar Creek Correctional Facility",
        addressLines: ["Cedar Creek Correctional Facility", "1500 State Route 9", "Cedar Creek, OR 97000"],
        maxPagesPerEnvelope: 15,
        nameAndIdOnEveryPage: true,
        imagesAllowed: false,
        notes: "White paper only. No staples, no paper clips.",
      },
    });

    const course = await tx.course.create({
      data: {
        organizationId: org.id,
        slug: "foundations",
        title: "Foundations: Work, Wages and Time",
        description: "A first course on how work is organized and paid, read slowly and discussed in writing.",
      },
    });

    const intro = await tx.group.create({
      data: { organizationId: org.id, courseId: course.id, slug: "intro", name: "Introductory group (autumn)", level: "INTRODUCTORY", packIntervalDays: 28 },
    });
    const advanced = await tx.group.create({
      data: { organizationId: org.id, courseId: course.id, slug: "advanced", name: "Advanced group", level: "ADVANCED", packIntervalDays: 42 },
    });
    await tx.facilitator.createMany({
      data: [
        { groupId: intro.id, userId: facilitator.id },
        { groupId: advanced.id, userId: facilitator.id },
      ],
    });

    const maya = await tx.person.create({
      data: { organizationId: org.id, userId: memberUser.id, legalName: "Maya Moreno", email: DEMO_ACCOUNTS.member },
    });
    const people = await Promise.all([
      tx.person.create({ data: { organizationId: org.id, legalName: "Darnell Price", facilityId: facility.id, idNumber: "A-20417", housingUnit: "B-Unit 12" } }),
      tx.person.create({ data: { organizationId: org.id, legalName: "Luis Herrera", facilityId: facility.id, idNumber: "A-31880", housingUnit: "D-Unit 4" } }),
      tx.person.create({ data: { organizationId: org.id, legalName: "Ruth Adeyemi", email: "ruth.adeyemi@example.org" } }),
      tx.person.create({ data: { organizationId: org.id, legalName: "Samuel Okafor", facilityId: facility.id, idNumber: "A-11902", housingUnit: "A-Unit 7" } }),
    ]);
    const [darnell, luis, ruth, samuel] = people as [typeof maya, typeof maya, typeof maya, typeof maya];
    await tx.member.createMany({
      data: [
        { groupId: intro.id, personId: maya.id, channel: "ONLINE", penName: "Maya M.", sharingPreference: "GROUP", sharingConsentAt: new Date() },
        { groupId: intro.id, personId: darnell.id, channel: "MAIL", penName: "Northwind", sharingPreference: "GROUP", sharingConsentAt: new Date() },
        { groupId: intro.id, personId: luis.id, channel: "MAIL", penName: "L. H." },
        { groupId: advanced.id, personId: ruth.id, channel: "ONLINE", penName: "Ruth A." },
        { groupId: advanced.id, personId: samuel.id, channel: "MAIL", penName: "Quiet River", sharingPreference: "GROUP", sharingConsentAt: new Date() },
      ],
    });
  }, { timeout: 30_000 });
  return { created: true };
}
