// The demo's e-message member, seeded into the test database the way the first start does it:
// pack 1 went as exactly 3 messages, all sent, and the reply is filed from its codes. The messages
// page, run on the demo, would make the very same messages (nothing "changed").
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadGroupContext } from "@/lib/authz";
import { viewEmessageLog } from "@/lib/data/emessage-deliveries";
import { DEMO_EMESSAGE } from "@/prisma/demo-emessage";
import { DEMO_ACCOUNTS, seedDemo } from "@/prisma/seed";

describe("demo e-message member", () => {
  it("got pack 1 in 3 messages, all sent, and replied with two coded answers", async () => {
    await seedDemo(db);
    const member = await db.member.findFirstOrThrow({
      where: { penName: DEMO_EMESSAGE.penName, group: { slug: "intro" } },
      select: { id: true, channel: true, person: { select: { emessageService: true, emessageContact: true, facility: { select: { name: true } } } } },
    });
    expect(member).toMatchObject({ channel: "EMESSAGE", person: { emessageService: "CORRLINKS", emessageContact: DEMO_EMESSAGE.registerNumber } });
    expect(member.person.facility?.name).toMatch(/Federal/);
    const delivery = await db.delivery.findFirstOrThrow({
      where: { memberId: member.id, pack: { number: 1 } },
      include: { emessageParts: { orderBy: { number: "asc" } }, events: { orderBy: { createdAt: "asc" } } },
    });
    expect(delivery.emessageParts.map((p) => [p.number, p.total, p.sentAt !== null])).toEqual([[1, 3, true], [2, 3, true], [3, 3, true]]);
    for (const part of delivery.emessageParts) expect(part.body.length).toBeLessThanOrEqual(DEMO_EMESSAGE.charsPerMessage);
    expect(delivery.emessageParts[0]!.body.startsWith("Pack 1 — message 1 of 3\n\n")).toBe(true);
    expect(delivery.events.map((e) => e.status)).toEqual(["PREPARED", "MAILED", "RESPONDED"]);
    expect(delivery.status).toBe("RESPONDED");

    const [reply] = await db.emessageReply.findMany({ where: { memberId: member.id } });
    const responses = await db.response.findMany({ where: { memberId: member.id }, select: { source: true, receivedOn: true, transcribedById: true, body: true, promptId: true } });
    expect(responses).toHaveLength(2);
    for (const r of responses) {
      expect(r).toMatchObject({ source: "EMESSAGE", receivedOn: reply!.receivedOn });
      expect(r.transcribedById).toBe(reply!.enteredById);
      expect(reply!.body).toContain(r.body);
    }
    const codes = await db.responseCode.findMany({ where: { memberId: member.id } });
    for (const r of responses) {
      const code = codes.find((c) => c.promptId === r.promptId)!.code;
      expect(reply!.body).toContain(`${code.slice(0, 4)}-${code.slice(4)}`);
      expect(delivery.emessageParts.map((p) => p.body).join("")).toContain(`${code.slice(0, 4)}-${code.slice(4)}`);
    }
    expect(reply!.outsideText).not.toBe("");

    // The app, asked now, makes the same messages: the demo's are what the page would make.
    const facilitator = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.facilitator }, select: { id: true, email: true, name: true, locale: true } });
    const ctx = (await loadGroupContext(facilitator, "intro"))!;
    const log = await viewEmessageLog(ctx, 1);
    expect(log.deliveries.map((d) => [d.member.penName, d.status, d.parts.length])).toEqual([[DEMO_EMESSAGE.penName, "RESPONDED", 3]]);
    // (The page compares only unsent messages with the pack: unsend them for the comparison.)
    // The database is the run's, shared with other files: put the record back as it was.
    await db.emessagePart.updateMany({ where: { deliveryId: delivery.id }, data: { sentAt: null } });
    try {
      expect((await viewEmessageLog(ctx, 1)).deliveries[0]!.changed).toBe(false);
    } finally {
      for (const part of delivery.emessageParts) await db.emessagePart.update({ where: { id: part.id }, data: { sentAt: part.sentAt } });
    }
  });
});
