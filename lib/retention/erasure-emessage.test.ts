// Erasure reaches e-messages (lib/retention/emessage-text.ts): packs sent as messages and pasted
// replies are kept as text, so after an erasure no message or reply of the group may hold the
// person's legal name or pen name. Three e-message members on the real database: Heron (erased),
// whose shared answer is featured in pack 2; Wren, whose pack 2 went out quoting Heron; Kite,
// whose pack 2 messages were made but not sent.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadGroupContext, type GroupContext } from "@/lib/authz";
import { markEmessagesSent, prepareEmessages, viewEmessageLog } from "@/lib/data/emessage-deliveries";
import { fileEmessageReply, getEmessageReplyDesk } from "@/lib/data/emessage-replies";
import { eraseMember, exportMemberData } from "@/lib/data/member-data";
import { publishPack } from "@/lib/data/packs";
import { matchedCode, parseReply } from "@/lib/emessage/parse-reply";
import { makeMember, makeOrganizer } from "@/tests/factories";
import { makeLessonWithPrompts, makePackScenario } from "@/tests/factories/pack";

const TODAY = new Date().toISOString().slice(0, 10);

async function organizerOf(s: Awaited<ReturnType<typeof makePackScenario>>): Promise<GroupContext> {
  const ctx = await loadGroupContext(await makeOrganizer(s.group.organizationId), s.group.slug);
  if (!ctx) throw new Error("no access");
  return ctx;
}

/** A group whose pack 1 went to three e-message members; Heron replied, sharing his answers. */
async function scenario() {
  const tag = randomUUID().slice(0, 6);
  const s = await makePackScenario();
  const names = { heron: { pen: `Heron${tag}`, legal: `Darnell ${tag} Price` }, wren: { pen: `Wren${tag}`, legal: `Ann ${tag} Keeper` }, kite: { pen: `Kite${tag}`, legal: `Kit ${tag} Cole` } };
  const ids: Record<keyof typeof names, string> = { heron: "", wren: "", kite: "" };
  for (const key of Object.keys(names) as (keyof typeof names)[]) {
    const { member, personId } = await makeMember(s.group, { channel: "EMESSAGE", user: null });
    await db.person.update({ where: { id: personId }, data: { legalName: names[key].legal, emessageService: "CORRLINKS", emessageContact: `${tag}-${key}` } });
    await db.member.update({ where: { id: member.id }, data: { penName: names[key].pen } });
    ids[key] = member.id;
  }
  await db.member.update({ where: { id: ids.heron }, data: { sharingPreference: "GROUP", sharingConsentAt: new Date() } });
  await publishPack(s.facilitator, 1);
  const deliveryOf = async (packId: string, memberId: string) => (await db.delivery.findFirstOrThrow({ where: { packId, memberId }, select: { id: true } })).id;
  const sendAll = async (number: number, deliveryId: string) => {
    await prepareEmessages(s.facilitator, number, deliveryId);
    await markEmessagesSent(s.facilitator, { packNumber: number, deliveryId });
  };
  for (const id of Object.values(ids)) await sendAll(1, await deliveryOf(s.pack.id, id));

  // Heron's reply, with his legal name in its greeting (kept as the facilitator's note).
  const desk = await getEmessageReplyDesk(s.facilitator, ids.heron);
  const body = `From ${names.heron.legal}, hello.\n${desk.questions[0]!.code} Slow reading is kind.`;
  const answers = parseReply(body, desk.questions).answers.map((a) => ({ codeText: a.codeText, codeRead: a.codeRead, text: a.text, target: matchedCode(a), confirmed: false }));
  await fileEmessageReply(s.facilitator, { memberId: ids.heron, receivedOn: TODAY, submitKey: randomUUID(), body, answers });
  const response = await db.response.findFirstOrThrow({ where: { memberId: ids.heron }, select: { id: true } });

  // Pack 2 features his answer: its messages to the others quote it under his pen name.
  const lesson = await makeLessonWithPrompts(s.group.courseId);
  const pack2 = await db.pack.create({ data: { groupId: s.group.id, number: 2, status: "DRAFT", lessons: { create: { lessonId: lesson.id, position: 1 } } }, select: { id: true } });
  await db.featuredResponse.create({ data: { packId: pack2.id, responseId: response.id, position: 1, note: "" } });
  await publishPack(s.facilitator, 2);
  return { ...s, tag, names, ids, pack2, deliveryOf, sendAll, organizer: await organizerOf(s) };
}

/** Every stored message and pasted reply of the group that holds one of these names. */
async function holding(groupId: string, ...needles: string[]) {
  const parts = await db.emessagePart.findMany({ where: { delivery: { pack: { groupId } } }, select: { body: true } });
  const replies = await db.emessageReply.findMany({ where: { member: { groupId } }, select: { body: true, outsideText: true } });
  return [...parts.map((p) => p.body), ...replies.flatMap((r) => [r.body, r.outsideText])].filter((text) => needles.some((n) => text.toLowerCase().includes(n.toLowerCase())));
}

describe("erasure reaches e-messages", () => {
  it("blanks the person's replies and every message that was theirs or names them, and remakes unsent ones without them", async () => {
    const s = await scenario();
    const wren2 = await s.deliveryOf(s.pack2.id, s.ids.wren);
    const kite2 = await s.deliveryOf(s.pack2.id, s.ids.kite);
    await s.sendAll(2, wren2);
    await prepareEmessages(s.facilitator, 2, kite2);
    const wrenBefore = await db.emessagePart.findMany({ where: { deliveryId: wren2 }, orderBy: { number: "asc" } });
    // The check can see them before: his reply names him (its text and its note), and Wren's and
    // Kite's pack 2 quote him.
    expect(wrenBefore.some((p) => p.body.includes(`— ${s.names.heron.pen}`))).toBe(true);
    expect(await holding(s.group.id, s.names.heron.legal)).toHaveLength(2);
    expect(await holding(s.group.id, s.names.heron.pen)).toHaveLength(2);
    const pack1Others = await db.emessagePart.findMany({ where: { delivery: { packId: s.pack.id, memberId: { in: [s.ids.wren, s.ids.kite] } } }, orderBy: { id: "asc" } });

    await eraseMember(s.organizer, s.ids.heron, s.names.heron.pen);

    expect(await holding(s.group.id, s.names.heron.legal, s.names.heron.pen)).toEqual([]);
    // His reply stays as a row, marked; his own sent messages too.
    const reply = await db.emessageReply.findFirstOrThrow({ where: { memberId: s.ids.heron } });
    expect(reply).toMatchObject({ body: "", outsideText: "" });
    expect(reply.removedAt).toBeInstanceOf(Date);
    const own = await db.emessagePart.findMany({ where: { delivery: { memberId: s.ids.heron } } });
    expect(own.length).toBeGreaterThan(0);
    for (const part of own) expect(part).toMatchObject({ body: "", removedAt: expect.any(Date) as Date });
    // Wren's pack 2 went out: the message quoting him is blanked and marked, the others are kept.
    const wrenAfter = await db.emessagePart.findMany({ where: { deliveryId: wren2 }, orderBy: { number: "asc" } });
    expect(wrenAfter.map((p) => p.id)).toEqual(wrenBefore.map((p) => p.id));
    for (const [i, part] of wrenAfter.entries()) {
      if (wrenBefore[i]!.body.includes(s.names.heron.pen)) expect(part).toMatchObject({ body: "", removedAt: expect.any(Date) as Date, sentAt: wrenBefore[i]!.sentAt });
      else expect(part).toMatchObject({ body: wrenBefore[i]!.body, removedAt: null });
    }
    // Pack 1 never named him: untouched.
    expect(await db.emessagePart.findMany({ where: { id: { in: pack1Others.map((p) => p.id) } }, orderBy: { id: "asc" } })).toEqual(pack1Others);
    // Kite's pack 2 was never sent: its messages are gone, and made again they quote the kept
    // answer under the neutral name.
    expect(await db.emessagePart.count({ where: { deliveryId: kite2 } })).toBe(0);
    await prepareEmessages(s.facilitator, 2, kite2);
    const remade = (await db.emessagePart.findMany({ where: { deliveryId: kite2 } })).map((p) => p.body).join("\n");
    expect(remade).toContain("Slow reading is kind.");
    expect(remade).toContain("— Former member ");
    expect(await holding(s.group.id, s.names.heron.legal, s.names.heron.pen)).toEqual([]);

    // The page says why a message's text is gone; the audit entry counts what was removed.
    const log = await viewEmessageLog(s.facilitator, 2);
    const wrenLog = log.deliveries.find((d) => d.id === wren2)!;
    expect(wrenLog.parts.filter((p) => p.removedAt !== null).length).toBeGreaterThan(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "member.erase", groupId: s.group.id } });
    expect(audit.details).toMatchObject({ repliesBlanked: 1, messagesDeleted: expect.any(Number) as number, messagesBlanked: own.length + wrenAfter.filter((p) => p.removedAt).length });
    const desk = await getEmessageReplyDesk(s.facilitator, s.ids.heron);
    expect(desk.replies).toEqual([expect.objectContaining({ removed: true, body: "", note: "" })]);
    // Nothing new is filed for an erased person, even a reply pasted from before.
    expect(desk.member.erased).toBe(true);
    const late = `${s.names.heron.legal} again`;
    await expect(fileEmessageReply(s.facilitator, { memberId: s.ids.heron, receivedOn: TODAY, submitKey: randomUUID(), body: late, answers: [] })).rejects.toMatchObject({ code: "CONFLICT", message: "emessageReply.errors.erased" });
    expect(await holding(s.group.id, s.names.heron.legal)).toEqual([]);
  });

  it("the export of a member holds their messages and pasted replies", async () => {
    const s = await scenario();
    const data = await exportMemberData(s.organizer, s.ids.heron);
    const membership = data.person.memberships[0]!;
    expect(membership.emessageReplies).toEqual([expect.objectContaining({ body: expect.stringContaining("Slow reading is kind.") as string, outsideText: `From ${s.names.heron.legal}, hello.` })]);
    expect(membership.deliveries.find((d) => d.pack.number === 1)!.emessageParts.length).toBeGreaterThan(0);
  });

  it("keeps no message naming them that was being made while they were erased, whichever finishes first", async () => {
    for (let round = 0; round < 3; round++) {
      const s = await scenario();
      const kite2 = await s.deliveryOf(s.pack2.id, s.ids.kite);
      await Promise.all([prepareEmessages(s.facilitator, 2, kite2), eraseMember(s.organizer, s.ids.heron, s.names.heron.pen)]);
      expect(await holding(s.group.id, s.names.heron.legal, s.names.heron.pen)).toEqual([]);
    }
  });
});
