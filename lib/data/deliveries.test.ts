import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getMailLog, markRunAsMailed, recordDeliveryEvent } from "@/lib/data/deliveries";
import { makeDonePrintRun, printAndMarkMailed } from "@/tests/factories/print-run";
import { publishPack } from "@/lib/data/packs";
import { makeMember } from "@/tests/factories";
import { makePackScenario } from "@/tests/factories/pack";

async function mailScenario() {
  const s = await makePackScenario();
  const facility = await db.facility.create({
    data: { organizationId: s.group.organizationId, name: `Facility ${s.group.slug}`, addressLines: ["1 Main St", "Town"], maxPagesPerEnvelope: 5 },
  });
  const mail = await makeMember(s.group, { channel: "MAIL", user: null });
  await db.person.update({ where: { id: mail.personId }, data: { facilityId: facility.id, idNumber: "A-1", housingUnit: "B-2", legalName: "Mail Person" } });
  await publishPack(s.facilitator, 1);
  const delivery = await db.delivery.findFirstOrThrow({ where: { packId: s.pack.id, memberId: mail.member.id } });
  return { ...s, facility, mail, delivery };
}

describe("mail log", () => {
  it("publishing prepares mail deliveries; 'mark all printed as mailed' mails them and keeps the address", async () => {
    const s = await mailScenario();
    expect(s.delivery).toMatchObject({ channel: "MAIL", status: "PREPARED" });
    const run = await makeDonePrintRun(s.pack.id);
    expect(await markRunAsMailed(s.facilitator, { packNumber: 1, runId: run.id, occurredOn: "2026-11-20" })).toMatchObject({ marked: 1, skipped: [] });
    expect(await markRunAsMailed(s.facilitator, { packNumber: 1, runId: run.id, occurredOn: "2026-11-20" })).toMatchObject({ marked: 0, skipped: [{ reason: "alreadyMarked" }] });
    const mailed = await db.delivery.findUniqueOrThrow({ where: { id: s.delivery.id }, include: { events: { orderBy: { createdAt: "asc" } } } });
    expect(mailed.status).toBe("MAILED");
    expect(mailed.mailedTo).toMatchObject({ legalName: "Mail Person", idNumber: "A-1", facility: s.facility.name, addressLines: ["1 Main St", "Town"] });
    expect(mailed.events.map((e) => e.status)).toEqual(["PREPARED", "MAILED"]);

    // A transfer afterwards does not rewrite where this pack went.
    const other = await db.facility.create({ data: { organizationId: s.group.organizationId, name: `Other ${s.group.slug}`, addressLines: ["9 Far Rd"] } });
    await db.person.update({ where: { id: s.mail.personId }, data: { facilityId: other.id } });
    expect((await db.delivery.findUniqueOrThrow({ where: { id: s.delivery.id } })).mailedTo).toMatchObject({ facility: s.facility.name });
  });

  it("records a rejection with its reason, then a resend, and counts per status", async () => {
    const s = await mailScenario();
    await printAndMarkMailed(s.facilitator, { packNumber: 1, occurredOn: "2026-11-20" });
    await expect(recordDeliveryEvent(s.facilitator, { packNumber: 1, deliveryId: s.delivery.id, status: "REJECTED", occurredOn: "2026-11-22" })).rejects.toMatchObject({ message: "mail.validation.reasonRequired" });
    await recordDeliveryEvent(s.facilitator, { packNumber: 1, deliveryId: s.delivery.id, status: "REJECTED", occurredOn: "2026-11-22", reason: "Staples", note: "Remove staples" });
    await expect(recordDeliveryEvent(s.facilitator, { packNumber: 1, deliveryId: s.delivery.id, status: "DELIVERED", occurredOn: "2026-11-23" })).rejects.toMatchObject({ code: "CONFLICT" });
    await recordDeliveryEvent(s.facilitator, { packNumber: 1, deliveryId: s.delivery.id, status: "RESENT", occurredOn: "2026-11-24" });
    const log = await getMailLog(s.facilitator, 1);
    expect(log.counts).toMatchObject({ RESENT: 1, DELIVERED: 1 });
    const entry = log.deliveries.find((d) => d.id === s.delivery.id)!;
    expect(entry.events.map((e) => [e.status, e.reason])).toEqual([["PREPARED", null], ["MAILED", null], ["REJECTED", "Staples"], ["RESENT", null]]);
    expect(entry.events.at(-1)?.actorName).toBe(s.facilitator.user.name);
  });

  it("members and other groups' facilitators get nothing and change nothing", async () => {
    const s = await mailScenario();
    const other = await makePackScenario();
    await expect(getMailLog(s.memberCtx, 1)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(recordDeliveryEvent(other.facilitator, { packNumber: 1, deliveryId: s.delivery.id, status: "MAILED", occurredOn: "2026-11-20" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(recordDeliveryEvent(s.memberCtx, { packNumber: 1, deliveryId: s.delivery.id, status: "MAILED", occurredOn: "2026-11-20" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.delivery.findUniqueOrThrow({ where: { id: s.delivery.id } })).status).toBe("PREPARED");
  });
});
