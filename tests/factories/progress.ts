// Test data for the progress pages: one group with packs, members and their answers laid out
// as a grid, written with bulk inserts (so a 10× larger group stays quick to make). The
// rollup triggers run on these inserts like on any other write. Used by tests only.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { makeFacilitator, makeGroup, makeOrganizer } from "@/tests/factories";
import type { Channel } from "@/lib/generated/prisma/enums";

export type MemberSpec = {
  channel: Channel;
  /** Per pack: days from publish (online) or mailing (mail) to the answer; null = no answer. */
  answers: (number | null)[];
  /** Per pack: feedback was given on the answer. */
  feedback?: boolean[];
  /** Per pack: the mailroom rejected (or the post returned) it, with a reason. */
  refused?: ({ status: "RETURNED" | "REJECTED"; reason: string } | null)[];
  /** Per pack: never sent (no delivery). */
  notSent?: boolean[];
  facility?: string;
};

export const BASE_DAY = Date.UTC(2026, 9, 1); // 2026-10-01
export const dayOf = (offset: number) => new Date(BASE_DAY + offset * 86_400_000);
/** Pack n (1-based) is published on day 14·(n−1); mail goes out the next day. */
export const publishDay = (n: number) => 14 * (n - 1);

export async function makeProgressGroup(options: { members: MemberSpec[]; packs: number; organizationId?: string; draftPacks?: number; expectedTurnaroundDays?: number }) {
  const group = await makeGroup(options.organizationId);
  if (options.expectedTurnaroundDays) await db.group.update({ where: { id: group.id }, data: { expectedTurnaroundDays: options.expectedTurnaroundDays } });
  const facilitator = await makeFacilitator(group.id);
  const organizer = await makeOrganizer(group.organizationId);
  const facilityNames = [...new Set(options.members.map((m) => m.facility).filter((f): f is string => !!f))];
  const facilities = new Map<string, string>();
  for (const name of facilityNames) {
    const existing = await db.facility.findFirst({ where: { organizationId: group.organizationId, name }, select: { id: true } });
    facilities.set(name, existing?.id ?? (await db.facility.create({ data: { organizationId: group.organizationId, name, addressLines: ["PO Box 1"] }, select: { id: true } })).id);
  }

  const packIds: string[] = [];
  const promptIds: string[][] = [];
  const total = options.packs + (options.draftPacks ?? 0);
  for (let n = 1; n <= total; n++) {
    const published = n <= options.packs;
    const lesson = await db.lesson.create({
      data: {
        courseId: group.courseId,
        position: n,
        title: `Lesson ${n}`,
        prompts: { create: [1, 2].map((position) => ({ position, text: `Question ${n}.${position}?` })) },
      },
      select: { id: true, prompts: { select: { id: true }, orderBy: { position: "asc" } } },
    });
    const pack = await db.pack.create({
      data: {
        groupId: group.id,
        number: n,
        title: `Pack ${n}`,
        status: published ? "PUBLISHED" : "DRAFT",
        publishedAt: published ? dayOf(publishDay(n)) : null,
        lessons: { create: { lessonId: lesson.id, position: 1 } },
      },
      select: { id: true },
    });
    packIds.push(pack.id);
    promptIds.push(lesson.prompts.map((p) => p.id));
  }

  const people = options.members.map((m, i) => ({
    id: randomUUID(),
    organizationId: group.organizationId,
    legalName: `Legal ${i + 1} ${group.slug}`,
    facilityId: m.facility ? facilities.get(m.facility)! : null,
    idNumber: m.channel === "MAIL" ? `ID-${randomUUID().slice(0, 8)}` : null,
  }));
  await db.person.createMany({ data: people });
  const members = options.members.map((m, i) => ({
    id: randomUUID(),
    groupId: group.id,
    personId: people[i]!.id,
    channel: m.channel,
    penName: `Pen ${String(i + 1).padStart(3, "0")}`,
    joinedAt: dayOf(-30),
  }));
  await db.member.createMany({ data: members });

  const deliveries: { id: string; packId: string; memberId: string; channel: Channel; status: "DELIVERED" | "MAILED" | "RETURNED" | "REJECTED" | "RESPONDED"; mailedTo?: object }[] = [];
  const events: { deliveryId: string; status: "DELIVERED" | "MAILED" | "RETURNED" | "REJECTED" | "RESPONDED"; occurredOn: Date; reason?: string }[] = [];
  const responses: { id: string; packId: string; memberId: string; promptId: string; body: string; status: "SUBMITTED"; source: "ONLINE" | "TRANSCRIBED"; version: number; submittedAt: Date; receivedOn: Date | null }[] = [];
  const feedback: { responseId: string; authorId: string; body: string }[] = [];
  options.members.forEach((spec, i) => {
    const member = members[i]!;
    for (let p = 0; p < options.packs; p++) {
      if (spec.notSent?.[p]) continue;
      const deliveryId = randomUUID();
      const sent = dayOf(publishDay(p + 1) + (spec.channel === "MAIL" ? 1 : 0));
      const days = spec.answers[p] ?? null;
      const refused = spec.refused?.[p] ?? null;
      const status = refused ? refused.status : days !== null ? "RESPONDED" : spec.channel === "MAIL" ? "MAILED" : "DELIVERED";
      deliveries.push({ id: deliveryId, packId: packIds[p]!, memberId: member.id, channel: spec.channel, status, ...(spec.channel === "MAIL" ? { mailedTo: { facility: spec.facility ?? "" } } : {}) });
      events.push({ deliveryId, status: spec.channel === "MAIL" ? "MAILED" : "DELIVERED", occurredOn: sent });
      if (refused) events.push({ deliveryId, status: refused.status, occurredOn: dayOf(publishDay(p + 1) + 5), reason: refused.reason });
      if (days === null) continue;
      const answered = dayOf(publishDay(p + 1) + (spec.channel === "MAIL" ? 1 : 0) + days);
      events.push({ deliveryId, status: "RESPONDED", occurredOn: answered });
      for (const promptId of promptIds[p]!) {
        const id = randomUUID();
        responses.push({ id, packId: packIds[p]!, memberId: member.id, promptId, body: "An answer", status: "SUBMITTED", source: spec.channel === "MAIL" ? "TRANSCRIBED" : "ONLINE", version: 1, submittedAt: new Date(answered.getTime() + 3_600_000), receivedOn: spec.channel === "MAIL" ? answered : null });
        if (spec.feedback?.[p] && promptId === promptIds[p]![0]) feedback.push({ responseId: id, authorId: facilitator.id, body: "Thank you" });
      }
    }
  });
  await db.delivery.createMany({ data: deliveries });
  await db.deliveryEvent.createMany({ data: events });
  await db.response.createMany({ data: responses });
  await db.responseVersion.createMany({ data: responses.map((r) => ({ responseId: r.id, version: 1, body: r.body, createdAt: r.submittedAt })) });
  await db.feedback.createMany({ data: feedback });
  return { group, facilitator, organizer, packIds, promptIds, memberIds: members.map((m) => m.id), personIds: people.map((p) => p.id), facilities };
}

/** A grid of `size` members × `packs` packs with a repeating mix of every cell state. */
export function gridSpec(size: number, packs: number, facility = "North Facility"): MemberSpec[] {
  return Array.from({ length: size }, (_, i) => {
    const mail = i % 2 === 1;
    return {
      channel: mail ? "MAIL" : "ONLINE",
      facility: mail ? facility : undefined,
      answers: Array.from({ length: packs }, (_, p) => ((i + p) % 3 === 0 ? null : (i + p) % 7)),
      feedback: Array.from({ length: packs }, (_, p) => (i + p) % 4 === 1),
      refused: Array.from({ length: packs }, (_, p) => (mail && (i + p) % 3 === 0 && p % 2 === 0 ? { status: "REJECTED" as const, reason: "Staples" } : null)),
    } satisfies MemberSpec;
  });
}
