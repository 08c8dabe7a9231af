// The e-message channel end to end against the database (docs/decisions/045): a member switched to
// e-message and back keeps every record; publishing prepares their delivery; their messages are
// made within their service's limit, with their codes, kept once one is sent; marking the last
// sent makes the delivery MAILED; a bounce needs a reason; another group's records are NOT_FOUND.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authorizeOrganization, loadGroupContext } from "@/lib/authz";
import { switchChannel } from "@/lib/data/members";
import { publishPack } from "@/lib/data/packs";
import { byPostPdfForDownload, markEmessagesSent, prepareEmessages, recordByPostMailed, recordEmessageEvent, viewEmessageLog } from "@/lib/data/emessage-deliveries";
import { emessageLimitsOf, saveEmessageLimits } from "@/lib/data/emessage-limits";
import { joinMessages } from "@/lib/emessage/cut";
import { formatResponseCode } from "@/lib/packs/response-code";
import { emessageChannelSchema, emessageLimitsSchema } from "@/lib/validations/emessage";
import { makeMember, makeOrganizer } from "@/tests/factories";
import { makePackScenario } from "@/tests/factories/pack";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { finished } from "node:stream/promises";
import { renderMemberPack } from "@/lib/packs/pdf/render";
import { pdfPages, tempDir } from "@/tests/setup/pdf-tools";

async function emessageScenario(options: { limit?: number } = {}) {
  const s = await makePackScenario();
  const { member, personId } = await makeMember(s.group, { channel: "MAIL", user: null });
  // A long reading, so the pack takes several messages at a small limit.
  await db.reading.updateMany({ where: { lessonId: s.lesson.id }, data: { bodyMarkdown: Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1}. ${"Words of the reading. ".repeat(12)}`).join("\n\n") } });
  await switchChannel(s.facilitator, member.id, "EMESSAGE", emessageChannelSchema.parse({ service: "JPAY", contact: "  FL   123456 " }));
  if (options.limit) await db.emessageServiceLimit.create({ data: { organizationId: s.group.organizationId, service: "JPAY", charsPerMessage: options.limit } });
  await publishPack(s.facilitator, 1);
  const delivery = await db.delivery.findFirstOrThrow({ where: { packId: s.pack.id, memberId: member.id } });
  return { ...s, emember: member, personId, delivery };
}

describe("the e-message channel", () => {
  it("switches a member to e-message and back, keeping their records, and publishing prepares their delivery", async () => {
    const s = await emessageScenario();
    expect(await db.person.findUniqueOrThrow({ where: { id: s.personId }, select: { emessageService: true, emessageContact: true } })).toEqual({ emessageService: "JPAY", emessageContact: "FL 123456" });
    expect(s.delivery).toMatchObject({ channel: "EMESSAGE", status: "PREPARED" });
    await switchChannel(s.facilitator, s.emember.id, "MAIL");
    const after = await db.member.findUniqueOrThrow({ where: { id: s.emember.id }, select: { channel: true, deliveries: { select: { id: true } }, events: { select: { kind: true, details: true } } } });
    expect(after.channel).toBe("MAIL");
    expect(after.deliveries.map((d) => d.id)).toEqual([s.delivery.id]);
    expect(after.events.map((e) => (e.details as { channel?: string } | null)?.channel)).toEqual(expect.arrayContaining(["EMESSAGE", "MAIL"]));
    expect(await db.auditLog.count({ where: { entityId: s.emember.id, action: "member.channel" } })).toBe(2);
    // The identifier stays on the person, so switching again needs no retyping.
    expect((await db.person.findUniqueOrThrow({ where: { id: s.personId } })).emessageContact).toBe("FL 123456");
  });

  it("refuses a bad identifier with our message", () => {
    expect(emessageChannelSchema.safeParse({ service: "CORRLINKS", contact: "" }).error?.issues[0]?.message).toBe("emessage.validation.contactRequired");
    expect(emessageChannelSchema.safeParse({ service: "CORRLINKS", contact: "<script>" }).error?.issues[0]?.message).toBe("emessage.validation.contactInvalid");
    expect(emessageChannelSchema.safeParse({ service: "CORRLINKS", contact: "x".repeat(65) }).error?.issues[0]?.message).toBe("emessage.validation.contactTooLong");
    expect(emessageChannelSchema.safeParse({ service: "FAX", contact: "12345-678" }).error?.issues[0]?.message).toBe("emessage.validation.serviceRequired");
  });

  it("makes the messages within the service's limit, with the member's codes, and keeps them once one is sent", async () => {
    const s = await emessageScenario({ limit: 600 });
    await prepareEmessages(s.facilitator, 1, s.delivery.id);
    const parts = await db.emessagePart.findMany({ where: { deliveryId: s.delivery.id }, orderBy: { number: "asc" } });
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(part.body.length).toBeLessThanOrEqual(600);
    expect(parts[1]!.body.startsWith(`Pack 1 — message 2 of ${parts.length}\n\n`)).toBe(true);
    const codes = await db.responseCode.findMany({ where: { packId: s.pack.id, memberId: s.emember.id } });
    expect(codes).toHaveLength(2);
    const text = joinMessages(parts.map((p) => p.body));
    for (const code of codes) expect(text).toContain(`Start your answer with ${formatResponseCode(code.code)}`);

    // Unchanged pack: nothing to make again. A changed one, before anything is sent: made again.
    expect((await viewEmessageLog(s.facilitator, 1)).deliveries[0]).toMatchObject({ changed: false, status: "PREPARED" });
    await db.pack.update({ where: { id: s.pack.id }, data: { letterMarkdown: "A new letter." } });
    expect((await viewEmessageLog(s.facilitator, 1)).deliveries[0]).toMatchObject({ changed: true });
    await prepareEmessages(s.facilitator, 1, s.delivery.id);
    const remade = await db.emessagePart.findMany({ where: { deliveryId: s.delivery.id }, orderBy: { number: "asc" } });
    expect(joinMessages(remade.map((p) => p.body))).toContain("A new letter.");

    // One sent: the rest are kept as they are; the delivery stays prepared until the last.
    await markEmessagesSent(s.facilitator, { packNumber: 1, deliveryId: s.delivery.id, partId: remade[0]!.id });
    await expect(prepareEmessages(s.facilitator, 1, s.delivery.id)).rejects.toMatchObject({ code: "CONFLICT", message: "emessage.errors.alreadySent" });
    expect((await db.delivery.findUniqueOrThrow({ where: { id: s.delivery.id } })).status).toBe("PREPARED");
    expect(await markEmessagesSent(s.facilitator, { packNumber: 1, deliveryId: s.delivery.id })).toEqual({ status: "MAILED", unsent: 0 });
    const sent = await db.delivery.findUniqueOrThrow({ where: { id: s.delivery.id }, include: { events: { orderBy: { createdAt: "asc" } } } });
    expect(sent.status).toBe("MAILED");
    expect(sent.mailedTo).toMatchObject({ emessageService: "JPAY", emessageContact: "FL 123456" });
    expect(sent.events.map((e) => e.status)).toEqual(["PREPARED", "MAILED"]);
    // Marking again changes nothing.
    expect(await markEmessagesSent(s.facilitator, { packNumber: 1, deliveryId: s.delivery.id })).toEqual({ status: "MAILED", unsent: 0 });
    expect(await db.deliveryEvent.count({ where: { deliveryId: s.delivery.id } })).toBe(2);
  });

  it("records a bounce with its reason, a resend and a reply, only in order", async () => {
    const s = await emessageScenario();
    await prepareEmessages(s.facilitator, 1, s.delivery.id);
    const ref = { packNumber: 1, deliveryId: s.delivery.id };
    await expect(recordEmessageEvent(s.facilitator, { ...ref, status: "RETURNED", occurredOn: "2026-12-01", reason: "x" })).rejects.toMatchObject({ code: "CONFLICT" });
    await markEmessagesSent(s.facilitator, ref);
    await expect(recordEmessageEvent(s.facilitator, { ...ref, status: "RETURNED", occurredOn: "2026-12-01", reason: " " })).rejects.toMatchObject({ code: "INVALID" });
    await recordEmessageEvent(s.facilitator, { ...ref, status: "RETURNED", occurredOn: "2026-12-01", reason: "Contact not approved" });
    await recordEmessageEvent(s.facilitator, { ...ref, status: "RESENT", occurredOn: "2026-12-02" });
    await recordEmessageEvent(s.facilitator, { ...ref, status: "RESPONDED", occurredOn: "2026-12-05" });
    const log = await viewEmessageLog(s.facilitator, 1);
    expect(log.deliveries[0]!.events.map((e) => [e.status, e.reason])).toEqual([["PREPARED", null], ["MAILED", null], ["RETURNED", "Contact not approved"], ["RESENT", null], ["RESPONDED", null]]);
    expect(await db.auditLog.count({ where: { action: "emessageLog.view", entityId: s.pack.id } })).toBe(1);
  });

  it("sends a reading marked by mail only by post: a line in the messages, a PDF of it, and a mailed record", async () => {
    const s = await emessageScenario();
    const reading = await db.reading.findFirstOrThrow({ where: { lessonId: s.lesson.id } });
    await db.reading.update({ where: { id: reading.id }, data: { emessageByMailOnly: true } });
    await prepareEmessages(s.facilitator, 1, s.delivery.id);
    const text = joinMessages((await db.emessagePart.findMany({ where: { deliveryId: s.delivery.id }, orderBy: { number: "asc" } })).map((p) => p.body));
    expect(text).toContain(`The reading "${reading.title}" comes to you by post`);
    expect(text).not.toContain("Words of the reading.");
    const pdf = await byPostPdfForDownload(s.facilitator, 1, s.emember.id);
    expect(pdf.pack.lessons.flatMap((l) => l.readings.map((r) => r.id))).toEqual([reading.id]);
    expect(pdf.pack.lessons.flatMap((l) => l.prompts)).toEqual([]);
    // Printed: the reading's words, and no question or response sheet.
    const file = path.join(await tempDir(), "by-post.pdf");
    const out = createWriteStream(file);
    await renderMemberPack(pdf.pack, pdf.member, out);
    await finished(out);
    const printed = (await pdfPages(file)).join("\n");
    expect(printed).toContain("Paragraph 40.");
    expect(printed).not.toContain("Response sheet");
    await recordByPostMailed(s.facilitator, { packNumber: 1, deliveryId: s.delivery.id, occurredOn: "2026-12-01" });
    const log = await viewEmessageLog(s.facilitator, 1);
    expect(log.byPost.map((r) => r.id)).toEqual([reading.id]);
    expect(log.deliveries[0]).toMatchObject({ byPostMailed: true, status: "PREPARED" });
  });

  it("gives another group's facilitators and members nothing, and changes nothing", async () => {
    const s = await emessageScenario();
    const other = await makePackScenario({ published: true });
    await prepareEmessages(s.facilitator, 1, s.delivery.id);
    const part = await db.emessagePart.findFirstOrThrow({ where: { deliveryId: s.delivery.id } });
    const ref = { packNumber: 1, deliveryId: s.delivery.id };
    await expect(viewEmessageLog(s.memberCtx, 1)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The other group's own pack 1 shows only its own deliveries.
    expect((await viewEmessageLog(other.facilitator, 1)).deliveries).toEqual([]);
    for (const ctx of [other.facilitator, s.memberCtx]) {
      await expect(prepareEmessages(ctx, 1, s.delivery.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(markEmessagesSent(ctx, { ...ref, partId: part.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(recordEmessageEvent(ctx, { ...ref, status: "RESPONDED", occurredOn: "2026-12-01" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(recordByPostMailed(ctx, { ...ref, occurredOn: "2026-12-01" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(byPostPdfForDownload(ctx, 1, s.emember.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(switchChannel(ctx, s.emember.id, "MAIL")).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    // A message of this delivery named under another of the group's deliveries is not found either.
    const online = await db.delivery.findFirstOrThrow({ where: { packId: s.pack.id, channel: "ONLINE" } });
    await expect(markEmessagesSent(s.facilitator, { packNumber: 1, deliveryId: online.id, partId: part.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.emessagePart.count({ where: { deliveryId: s.delivery.id, sentAt: { not: null } } })).toBe(0);
    expect((await db.delivery.findUniqueOrThrow({ where: { id: s.delivery.id } })).status).toBe("PREPARED");
  });

  it("keeps the organization's limits per service, with the defaults where none is set, in the audit log", async () => {
    const s = await makePackScenario();
    const organizer = await makeOrganizer(s.group.organizationId);
    expect(await emessageLimitsOf(db, s.group.organizationId)).toEqual({ CORRLINKS: 13_000, JPAY: 2000, SECURUS: 2000, VIAPATH: 2000, OTHER: 2000 });
    const ctx = await authorizeOrganization(organizer, s.group.organizationId);
    expect(emessageLimitsSchema.safeParse({ CORRLINKS: "12", JPAY: "2000", SECURUS: "2000", VIAPATH: "2000", OTHER: "2000" }).error?.issues[0]?.message).toBe("emessage.validation.limitRange");
    expect(emessageLimitsSchema.safeParse({ CORRLINKS: "1e4", JPAY: "2000", SECURUS: "2000", VIAPATH: "2000", OTHER: "2000" }).error?.issues[0]?.message).toBe("emessage.validation.limitWhole");
    await saveEmessageLimits(ctx, emessageLimitsSchema.parse({ CORRLINKS: "13000", JPAY: " 1500 ", SECURUS: "2000", VIAPATH: "2000", OTHER: "2000" }));
    expect((await emessageLimitsOf(db, s.group.organizationId)).JPAY).toBe(1500);
    const audit = await db.auditLog.findFirstOrThrow({ where: { organizationId: s.group.organizationId, action: "organization.emessageLimits" } });
    expect(audit.details).toMatchObject({ changed: ["JPAY"] });
    expect(await loadGroupContext(organizer, s.group.slug)).not.toBeNull();
  });
});
