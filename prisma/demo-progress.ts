// Demo data for the progress pages (issue 5), added to the demo organization by seedDemo: a
// second pack for the intro group, more members with a mix of states — an overdue letter, a
// pack the mailroom rejected with its reason, quiet members, answers with and without
// feedback — so the progress matrix, the dashboard and a timeline have something to show.
// The intro group expects letters back within 7 days, so a pack mailed 9 days ago is overdue.
import type { Channel, Prisma } from "../lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
const dateOnly = (date: Date) => new Date(date.toISOString().slice(0, 10));

export async function seedDemoProgress(tx: Tx): Promise<void> {
  const intro = await tx.group.findUniqueOrThrow({ where: { slug: "intro" }, select: { id: true, organizationId: true, courseId: true } });
  const facilitator = await tx.facilitator.findFirstOrThrow({ where: { groupId: intro.id }, select: { userId: true } });
  const actorId = facilitator.userId;
  const [cedar, jail] = await Promise.all([
    tx.facility.findFirstOrThrow({ where: { organizationId: intro.organizationId, name: "Cedar Creek Correctional Facility" }, select: { id: true, name: true } }),
    tx.facility.findFirstOrThrow({ where: { organizationId: intro.organizationId, name: "Riverbend County Jail" }, select: { id: true, name: true } }),
  ]);
  await tx.group.update({ where: { id: intro.id }, data: { expectedTurnaroundDays: 7 } });

  const pack1 = await tx.pack.findFirstOrThrow({ where: { groupId: intro.id, number: 1 }, select: { id: true, lessons: { select: { lesson: { select: { prompts: { select: { id: true }, orderBy: { position: "asc" } } } } } } } });
  const pack1Prompts = pack1.lessons.flatMap((l) => l.lesson.prompts.map((p) => p.id));
  const lesson2 = await tx.lesson.findFirstOrThrow({ where: { courseId: intro.courseId, position: 2 }, select: { id: true, prompts: { select: { id: true }, orderBy: { position: "asc" } } } });
  const pack2 = await tx.pack.create({
    data: {
      groupId: intro.id,
      number: 2,
      title: "Wages and what they measure",
      letterMarkdown: "Dear all,\n\nThank you for the letters about the working day. This pack turns to wages.",
      status: "PUBLISHED",
      publishedAt: daysAgo(4),
      createdById: actorId,
      lessons: { create: { lessonId: lesson2.id, position: 1 } },
    },
    select: { id: true },
  });
  const pack2Prompts = lesson2.prompts.map((p) => p.id);

  // Newcomers to the intro group, all enrolled before pack 1.
  const newcomers = [
    { legalName: "Wren Castillo", penName: "Wren", channel: "MAIL" as const, facilityId: cedar.id, idNumber: "A-40211", housingUnit: "C-Unit 2" },
    { legalName: "Oakley Grant", penName: "Oak", channel: "MAIL" as const, facilityId: jail.id, idNumber: "RB-70104", housingUnit: "Pod B-9" },
    { legalName: "Ines Marlow", penName: "Ines", channel: "ONLINE" as const, facilityId: null, idNumber: null, housingUnit: null },
    { legalName: "Theo Lindqvist", penName: "Theo L.", channel: "ONLINE" as const, facilityId: null, idNumber: null, housingUnit: null },
  ];
  const created: Record<string, { memberId: string; channel: Channel; facility: string | null }> = {};
  for (const n of newcomers) {
    const person = await tx.person.create({ data: { organizationId: intro.organizationId, legalName: n.legalName, facilityId: n.facilityId, idNumber: n.idNumber, housingUnit: n.housingUnit }, select: { id: true } });
    const member = await tx.member.create({ data: { groupId: intro.id, personId: person.id, channel: n.channel, penName: n.penName, joinedAt: daysAgo(30) }, select: { id: true } });
    await tx.personEvent.create({ data: { personId: person.id, memberId: member.id, kind: "ENROLLED", occurredOn: dateOnly(daysAgo(30)), actorId } });
    created[n.penName] = { memberId: member.id, channel: n.channel, facility: n.facilityId === cedar.id ? cedar.name : n.facilityId === jail.id ? jail.name : null };
  }

  const deliver = async (packId: string, memberId: string, channel: Channel, events: { status: "PREPARED" | "MAILED" | "DELIVERED" | "REJECTED" | "RETURNED" | "RESPONDED"; daysAgo: number; reason?: string }[], facility: string | null) => {
    const last = events[events.length - 1]!;
    await tx.delivery.create({
      data: {
        packId,
        memberId,
        channel,
        status: last.status,
        mailedTo: channel === "MAIL" ? { facility } : undefined,
        events: { create: events.map((e) => ({ status: e.status, occurredOn: dateOnly(daysAgo(e.daysAgo)), reason: e.reason ?? null, actorId })) },
      },
    });
  };
  const answer = async (packId: string, memberId: string, promptId: string, body: string, at: number, transcribed: boolean) => {
    const when = daysAgo(at);
    const response = await tx.response.create({
      data: {
        packId,
        memberId,
        promptId,
        body,
        status: "SUBMITTED",
        source: transcribed ? "TRANSCRIBED" : "ONLINE",
        version: 1,
        submittedAt: when,
        draftSavedAt: when,
        transcribedById: transcribed ? actorId : null,
        receivedOn: transcribed ? dateOnly(when) : null,
        versions: { create: { version: 1, body, createdById: transcribed ? actorId : null, createdAt: when } },
      },
      select: { id: true },
    });
    return response.id;
  };

  const wren = created["Wren"]!;
  const oak = created["Oak"]!;
  const ines = created["Ines"]!;
  const theo = created["Theo L."]!;
  // Wren: mailed 9 days ago, delivered, no letter yet — overdue with a 7-day turnaround.
  await deliver(pack1.id, wren.memberId, "MAIL", [{ status: "PREPARED", daysAgo: 10 }, { status: "MAILED", daysAgo: 9 }, { status: "DELIVERED", daysAgo: 6 }], wren.facility);
  // Oak: the jail's mailroom refused pack 1.
  await deliver(pack1.id, oak.memberId, "MAIL", [{ status: "PREPARED", daysAgo: 10 }, { status: "MAILED", daysAgo: 9 }, { status: "REJECTED", daysAgo: 5, reason: "Staples are not allowed; resend on plain paper" }], oak.facility);
  // Ines answered both packs online; Theo has not opened either.
  await deliver(pack1.id, ines.memberId, "ONLINE", [{ status: "DELIVERED", daysAgo: 10 }, { status: "RESPONDED", daysAgo: 6 }], null);
  await deliver(pack1.id, theo.memberId, "ONLINE", [{ status: "DELIVERED", daysAgo: 10 }], null);
  const inesFirst = await answer(pack1.id, ines.memberId, pack1Prompts[0]!, "My grandfather worked nights at the cannery. He said the hours were the only thing he owned.", 6, false);
  await answer(pack1.id, ines.memberId, pack1Prompts[1]!, "Eight hours for what we will: I would learn to read music.", 6, false);
  await tx.feedback.create({ data: { responseId: inesFirst, authorId: actorId, body: "What a sentence to carry with you. Did he ever say what he would have done with more of them?" } });

  // Pack 2 went to everyone whose pack 1 went out: online at once, mail mailed three days ago.
  const members = await tx.member.findMany({
    where: { groupId: intro.id, status: "ACTIVE", deliveries: { some: { packId: pack1.id, status: { not: "PREPARED" } } } },
    select: { id: true, channel: true, person: { select: { facility: { select: { name: true } } } } },
  });
  for (const m of members) {
    if (m.id === oak.memberId) continue; // waiting for pack 1 to be resent
    const answered = m.id === ines.memberId;
    await deliver(
      pack2.id,
      m.id,
      m.channel,
      m.channel === "ONLINE" ? [{ status: "DELIVERED", daysAgo: 4 }, ...(answered ? [{ status: "RESPONDED" as const, daysAgo: 2 }] : [])] : [{ status: "PREPARED", daysAgo: 4 }, { status: "MAILED", daysAgo: 3 }],
      m.person.facility?.name ?? null,
    );
  }
  await answer(pack2.id, ines.memberId, pack2Prompts[0]!, "A wage measures what the employer thinks the time is worth, not what it cost me.", 2, false);
}
