// Demo data: one organization, a course, the groups `intro` and `advanced`, and the three
// accounts in the README (password "studypack-demo"). Run on the first start of the embedded
// database and by `npm run db:seed`. Idempotent: it does nothing when the organization exists.
import { PrismaPg } from "@prisma/adapter-pg";
import { hashPassword } from "../lib/auth/password";
import { PrismaClient, type Channel, type Prisma } from "../lib/generated/prisma/client";
import { DEMO_DRAFT, DEMO_FEEDBACK, DEMO_LESSONS, DEMO_LETTERS, DEMO_RESPONSES } from "./demo-content";

export const DEMO_PASSWORD = "studypack-demo";
export const DEMO_ACCOUNTS = {
  organizer: "organizer@example.org",
  facilitator: "facilitator@example.org",
  member: "member@example.org",
  /** An online member of `advanced` who reads Studypack in Spanish (issue 17). */
  spanishMember: "miembro@example.org",
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
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.$transaction(async (tx) => {
    const org = await tx.organization.create({
      data: {
        slug: "riverside",
        name: "Riverside Study Network",
        returnAddressLines: ["PO Box 4410", "Springfield, OR 97477"],
        defaultMaxPagesPerEnvelope: 20,
      },
    });
    const [organizer, facilitator, memberUser, spanishUser] = await Promise.all([
      tx.user.create({ data: { email: DEMO_ACCOUNTS.organizer, name: "Olivia Ortega", passwordHash } }),
      tx.user.create({ data: { email: DEMO_ACCOUNTS.facilitator, name: "Frank Fields", passwordHash } }),
      tx.user.create({ data: { email: DEMO_ACCOUNTS.member, name: "Maya Moreno", passwordHash } }),
      tx.user.create({ data: { email: DEMO_ACCOUNTS.spanishMember, name: "Ruth Adeyemi", passwordHash, locale: "ES" } }),
    ]);
    await tx.organizer.create({ data: { organizationId: org.id, userId: organizer.id } });

    const facility = await tx.facility.create({
      data: {
        organizationId: org.id,
        name: "Cedar Creek Correctional Facility",
        addressLines: ["1500 State Route 9", "Cedar Creek, OR 97000"],
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
      // Luis reads Spanish: his packs print in Spanish.
      tx.person.create({ data: { organizationId: org.id, legalName: "Luis Herrera", facilityId: facility.id, idNumber: "A-31880", housingUnit: "D-Unit 4", locale: "ES" } }),
      tx.person.create({ data: { organizationId: org.id, userId: spanishUser.id, legalName: "Ruth Adeyemi", email: DEMO_ACCOUNTS.spanishMember, locale: "ES" } }),
      tx.person.create({ data: { organizationId: org.id, legalName: "Samuel Okafor", facilityId: facility.id, idNumber: "A-11902", housingUnit: "A-Unit 7" } }),
    ]);
    const [darnell, luis, ruth, samuel] = people as [typeof maya, typeof maya, typeof maya, typeof maya];
    // A strict county jail: 5 pages per envelope. Its intro member's pack holds a reading longer
    // than that, which the mail log reports before printing; the advanced pack splits into envelopes.
    const jail = await tx.facility.create({
      data: {
        organizationId: org.id,
        name: "Riverbend County Jail",
        addressLines: ["Inmate Mail", "200 Court Street", "Riverbend, OR 97100"],
        maxPagesPerEnvelope: 5,
        nameAndIdOnEveryPage: true,
        imagesAllowed: false,
        notes: "Plain white paper and envelopes. No staples, no glitter, no stickers.",
      },
    });
    const [teresa, marcus] = await Promise.all([
      tx.person.create({ data: { organizationId: org.id, legalName: "Teresa Alvarez", facilityId: jail.id, idNumber: "RB-55821", housingUnit: "Pod C-14" } }),
      tx.person.create({ data: { organizationId: org.id, legalName: "Marcus Bell", facilityId: jail.id, idNumber: "RB-60312", housingUnit: "Pod A-3" } }),
    ]);
    await tx.member.createMany({
      data: [
        { groupId: intro.id, personId: maya.id, channel: "ONLINE", penName: "Maya M.", sharingPreference: "GROUP", sharingConsentAt: new Date() },
        { groupId: intro.id, personId: darnell.id, channel: "MAIL", penName: "Northwind", sharingPreference: "GROUP", sharingConsentAt: new Date() },
        { groupId: intro.id, personId: luis.id, channel: "MAIL", penName: "L. H." },
        { groupId: advanced.id, personId: ruth.id, channel: "ONLINE", penName: "Ruth A." },
        { groupId: advanced.id, personId: samuel.id, channel: "MAIL", penName: "Quiet River", sharingPreference: "GROUP", sharingConsentAt: new Date() },
        { groupId: intro.id, personId: teresa.id, channel: "MAIL", penName: "Juniper" },
        { groupId: advanced.id, personId: marcus.id, channel: "MAIL", penName: "M. Bell" },
      ],
    });
    const members = await tx.member.findMany({ select: { id: true, groupId: true, channel: true, personId: true } });
    const memberOf = (personId: string) => members.find((m) => m.personId === personId)!;

    const lessons = await createCourseContent(tx, course.id);
    // Teresa's and Marcus's packs are printed but not yet mailed: "mark all printed as mailed".
    const notYetMailed = new Set([memberOf(teresa.id).id, memberOf(marcus.id).id]);
    const introPack = await publishDemoPack(tx, intro.id, [lessons[0]!], DEMO_LETTERS.intro, "Work and the working day", facilitator.id, members, notYetMailed);
    const advancedPack = await publishDemoPack(tx, advanced.id, lessons.slice(1), DEMO_LETTERS.advanced, "Wages and time", facilitator.id, members, notYetMailed);
    // Luis's pack came back: he was moved before it arrived.
    const luisDelivery = await tx.delivery.findUniqueOrThrow({ where: { packId_memberId: { packId: introPack, memberId: memberOf(luis.id).id } }, select: { id: true } });
    await tx.delivery.update({
      where: { id: luisDelivery.id },
      data: { status: "RETURNED", events: { create: { status: "RETURNED", occurredOn: dateOnly(daysAgo(4)), reason: "Returned to sender: not at this address (moved)", note: "Ask the facility where he went", actorId: facilitator.id } } },
    });

    const introPrompts = lessons[0]!.prompts;
    const advancedPrompts = lessons.slice(1).flatMap((l) => l.prompts);
    const answer = (packId: string, memberId: string, promptId: string, body: string, options: { transcribedById?: string; daysAgo: number }) =>
      submitDemoResponse(tx, { packId, memberId, promptId, body, createdById: options.transcribedById ? options.transcribedById : null, ...options });

    // intro: Maya answered the first question and got feedback; her second answer is a draft.
    const mayaFirst = await answer(introPack, memberOf(maya.id).id, introPrompts[0]!, DEMO_RESPONSES[0]!, { daysAgo: 3 });
    await tx.feedback.create({ data: { responseId: mayaFirst, authorId: facilitator.id, body: DEMO_FEEDBACK[0]! } });
    await tx.response.create({
      data: { packId: introPack, memberId: memberOf(maya.id).id, promptId: introPrompts[1]!, source: "ONLINE", draftBody: DEMO_DRAFT, draftSavedAt: daysAgo(1) },
    });
    // intro: Darnell's letter, transcribed by the facilitator.
    const darnellFirst = await answer(introPack, memberOf(darnell.id).id, introPrompts[0]!, DEMO_RESPONSES[1]!, { transcribedById: facilitator.id, daysAgo: 2 });
    await tx.feedback.create({ data: { responseId: darnellFirst, authorId: facilitator.id, body: DEMO_FEEDBACK[1]! } });
    // advanced: Ruth online, Samuel by mail.
    const ruthFirst = await answer(advancedPack, memberOf(ruth.id).id, advancedPrompts[0]!, DEMO_RESPONSES[2]!, { daysAgo: 5 });
    await tx.feedback.create({ data: { responseId: ruthFirst, authorId: facilitator.id, body: DEMO_FEEDBACK[2]! } });
    await answer(advancedPack, memberOf(ruth.id).id, advancedPrompts[1]!, DEMO_RESPONSES[3]!, { daysAgo: 4 });
    const samuelFirst = await answer(advancedPack, memberOf(samuel.id).id, advancedPrompts[0]!, DEMO_RESPONSES[4]!, { transcribedById: facilitator.id, daysAgo: 1 });
    await tx.feedback.create({ data: { responseId: samuelFirst, authorId: facilitator.id, body: DEMO_FEEDBACK[3]! } });
    await answer(advancedPack, memberOf(samuel.id).id, advancedPrompts[2] ?? advancedPrompts[1]!, DEMO_RESPONSES[5]!, { transcribedById: facilitator.id, daysAgo: 1 });
    await (await import("./demo-progress")).seedDemoProgress(tx);
    await (await import("./demo-discussion")).seedDemoDiscussion(tx, intro.id, facilitator.id);
    await (await import("./demo-emessage")).seedDemoEmessage(tx);
    await (await import("./demo-certificate")).seedDemoCertificate(tx);
  }, { timeout: 60_000 });
  return { created: true };
}

type Tx = Prisma.TransactionClient;
type SeedMember = { id: string; groupId: string; channel: Channel };

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
const dateOnly = (date: Date) => new Date(date.toISOString().slice(0, 10));

async function createCourseContent(tx: Tx, courseId: string) {
  const lessons: { id: string; prompts: string[] }[] = [];
  for (const [index, lesson] of DEMO_LESSONS.entries()) {
    const created = await tx.lesson.create({
      data: {
        courseId,
        position: index + 1,
        title: lesson.title,
        summary: lesson.summary,
        readings: { create: lesson.readings.map((r, i) => ({ position: i + 1, ...r })) },
      },
      select: { id: true, readings: { select: { id: true }, orderBy: { position: "asc" } } },
    });
    const prompts: string[] = [];
    for (const [i, prompt] of lesson.prompts.entries()) {
      const readingId = prompt.readingIndex === null ? null : (created.readings[prompt.readingIndex]?.id ?? null);
      prompts.push((await tx.prompt.create({ data: { lessonId: created.id, position: i + 1, text: prompt.text, readingId }, select: { id: true } })).id);
    }
    lessons.push({ id: created.id, prompts });
  }
  return lessons;
}

async function publishDemoPack(tx: Tx, groupId: string, lessons: { id: string }[], letter: string, title: string, actorId: string, members: SeedMember[], notYetMailed: Set<string>) {
  const publishedAt = daysAgo(10);
  const pack = await tx.pack.create({
    data: {
      groupId,
      number: 1,
      title,
      letterMarkdown: letter,
      dueDate: dateOnly(new Date(Date.now() + 21 * 86_400_000)),
      status: "PUBLISHED",
      publishedAt,
      createdById: actorId,
      lessons: { create: lessons.map((l, i) => ({ lessonId: l.id, position: i + 1 })) },
    },
    select: { id: true },
  });
  for (const member of members.filter((m) => m.groupId === groupId)) {
    const prepared = notYetMailed.has(member.id);
    const status = member.channel === "ONLINE" ? "DELIVERED" : prepared ? "PREPARED" : "MAILED";
    await tx.delivery.create({
      data: {
        packId: pack.id,
        memberId: member.id,
        channel: member.channel,
        status,
        events: {
          create:
            member.channel === "ONLINE"
              ? [{ status: "DELIVERED", occurredOn: dateOnly(publishedAt), actorId }]
              : prepared
                ? [{ status: "PREPARED", occurredOn: dateOnly(publishedAt), actorId }]
                : [
                  { status: "PREPARED", occurredOn: dateOnly(publishedAt), actorId },
                  { status: "MAILED", occurredOn: dateOnly(daysAgo(9)), actorId },
                ],
        },
      },
    });
  }
  return pack.id;
}

async function submitDemoResponse(
  tx: Tx,
  r: { packId: string; memberId: string; promptId: string; body: string; createdById: string | null; transcribedById?: string; daysAgo: number },
) {
  const at = daysAgo(r.daysAgo);
  const response = await tx.response.create({
    data: {
      packId: r.packId,
      memberId: r.memberId,
      promptId: r.promptId,
      body: r.body,
      status: "SUBMITTED",
      source: r.transcribedById ? "TRANSCRIBED" : "ONLINE",
      version: 1,
      submittedAt: at,
      draftSavedAt: at,
      transcribedById: r.transcribedById ?? null,
      receivedOn: r.transcribedById ? dateOnly(at) : null,
      versions: { create: { version: 1, body: r.body, createdById: r.createdById, createdAt: at } },
    },
    select: { id: true },
  });
  await tx.delivery.updateMany({
    where: { packId: r.packId, memberId: r.memberId, status: { not: "RESPONDED" } },
    data: { status: "RESPONDED" },
  });
  const delivery = await tx.delivery.findUniqueOrThrow({ where: { packId_memberId: { packId: r.packId, memberId: r.memberId } }, select: { id: true, _count: { select: { events: { where: { status: "RESPONDED" } } } } } });
  if (delivery._count.events > 0) return response.id;
  await tx.delivery.update({
    where: { id: delivery.id },
    data: { status: "RESPONDED", events: { create: { status: "RESPONDED", occurredOn: dateOnly(at), actorId: r.transcribedById ?? null } } },
  });
  return response.id;
}
