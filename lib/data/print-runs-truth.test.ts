// Print runs that tell the truth (issue 16, points 4 and 7): "mark all printed as mailed" marks
// exactly what the chosen run printed and is still prepared, and says what it skipped and why;
// the print box counts who will get an envelope; the postage on the page and on the run's first
// sheet (read back with poppler) is the same, to the cent. A real run, made by the real job.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getMailLog, markRunAsMailed, recordDeliveryEvent } from "@/lib/data/deliveries";
import { publishPack } from "@/lib/data/packs";
import { planPrintRun } from "@/lib/data/print-runs";
import { runPrintRun } from "@/lib/jobs/print-run-job";
import { storage } from "@/lib/storage";
import { makeFacility, makeMailMember } from "@/tests/factories/mail";
import { makePackScenario } from "@/tests/factories/pack";
import { makeDonePrintRun } from "@/tests/factories/print-run";
import { pdfPages, tempDir } from "@/tests/setup/pdf-tools";

const NAMES = ["Ann Able", "Ben Best", "Cy Cole", "Dan Dale", "Eve East", "Fay Fenn"] as const;

async function scenario() {
  const s = await makePackScenario();
  // 5 g a sheet and 10 g an envelope make round numbers; two rows, the second short of 7 sheets.
  await db.organization.update({
    where: { id: s.group.organizationId },
    data: { paperGramsPerSheet: 5, envelopeGrams: 10, postageCurrency: "$", postageRates: [{ upToGrams: 30, price: 0.78 }, { upToGrams: 40, price: 1.07 }] },
  });
  const facility = await makeFacility(s.group.organizationId, { maxPagesPerEnvelope: null });
  const members: Record<(typeof NAMES)[number], string> = {} as never;
  for (const legalName of NAMES) members[legalName] = (await makeMailMember(s.group, { facilityId: facility.id, legalName })).memberId;
  await publishPack(s.facilitator, 1);
  const delivery = async (name: (typeof NAMES)[number]) => db.delivery.findFirstOrThrow({ where: { packId: s.pack.id, memberId: members[name] }, select: { id: true, status: true } });
  return { ...s, members, delivery };
}

describe("print runs that tell the truth", () => {
  it("marks only what the chosen run printed and is still prepared, says what it skipped, and marks nothing more the second time", async () => {
    const s = await scenario();
    // Fay moves to another group after publication: her delivery stays prepared, but no run prints her.
    await db.member.update({ where: { id: s.members["Fay Fenn"] }, data: { status: "MOVED" } });

    const plan = await planPrintRun(s.facilitator, 1);
    expect(plan).toMatchObject({ toPrint: 5, leftOut: 0 });
    expect(plan.members.map((m) => m.name).sort()).toEqual(NAMES.slice(0, 5));
    const log = await getMailLog(s.facilitator, 1);
    const mail = log.deliveries.filter((d) => d.channel === "MAIL");
    expect(mail.filter((d) => d.status === "PREPARED" && d.notPrinted === null)).toHaveLength(5);
    expect(mail.find((d) => d.member.id === s.members["Fay Fenn"])?.notPrinted).toBe("moved");

    const queued = await db.printRun.create({ data: { packId: s.pack.id, createdById: s.facilitator.user.id }, select: { id: true } });
    // Not finished: nothing to mark yet.
    await expect(markRunAsMailed(s.facilitator, { packNumber: 1, runId: queued.id, occurredOn: "2026-12-01" })).rejects.toMatchObject({ code: "CONFLICT" });
    await runPrintRun(queued.id);
    expect(await db.printRun.findUniqueOrThrow({ where: { id: queued.id }, select: { status: true, total: true } })).toEqual({ status: "DONE", total: 5 });

    // After the run: Eve withdraws (her envelope is printed, and must not go out); Dan's was mailed by hand.
    await db.member.update({ where: { id: s.members["Eve East"] }, data: { status: "WITHDRAWN" } });
    await recordDeliveryEvent(s.facilitator, { packNumber: 1, deliveryId: (await s.delivery("Dan Dale")).id, status: "MAILED", occurredOn: "2026-11-30" });

    const first = await markRunAsMailed(s.facilitator, { packNumber: 1, runId: queued.id, occurredOn: "2026-12-01" });
    expect(first.marked).toBe(3);
    expect(first.skipped.map((x) => [x.legalName, x.reason])).toEqual([
      ["Dan Dale", "alreadyMarked"],
      ["Eve East", "withdrawn"],
      ["Fay Fenn", "moved"],
    ]);
    for (const name of ["Ann Able", "Ben Best", "Cy Cole"] as const) expect((await s.delivery(name)).status).toBe("MAILED");
    expect((await s.delivery("Eve East")).status).toBe("PREPARED");
    expect((await s.delivery("Fay Fenn")).status).toBe("PREPARED");

    const events = () => db.deliveryEvent.count({ where: { delivery: { packId: s.pack.id }, status: "MAILED" } });
    const before = await events();
    const second = await markRunAsMailed(s.facilitator, { packNumber: 1, runId: queued.id, occurredOn: "2026-12-02" });
    expect(second.marked).toBe(0);
    expect(second.skipped.filter((x) => x.reason === "alreadyMarked").map((x) => x.legalName)).toEqual(["Ann Able", "Ben Best", "Cy Cole", "Dan Dale"]);
    expect(await events()).toBe(before);
  });

  it("skips members a run left out or never had, and refuses another pack's run, members and other groups", async () => {
    const s = await scenario();
    const other = await makePackScenario();
    await publishPack(other.facilitator, 1);
    const foreign = await makeDonePrintRun(other.pack.id, { printed: [] });
    const run = await makeDonePrintRun(s.pack.id, { printed: [s.members["Ann Able"]], leftOut: [s.members["Ben Best"]] });

    await expect(markRunAsMailed(s.facilitator, { packNumber: 1, runId: foreign.id, occurredOn: "2026-12-01" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(markRunAsMailed(other.facilitator, { packNumber: 1, runId: run.id, occurredOn: "2026-12-01" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(markRunAsMailed(s.memberCtx, { packNumber: 1, runId: run.id, occurredOn: "2026-12-01" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.delivery.count({ where: { packId: s.pack.id, status: "MAILED" } })).toBe(0);

    const result = await markRunAsMailed(s.facilitator, { packNumber: 1, runId: run.id, occurredOn: "2026-12-01" });
    expect(result.marked).toBe(1);
    expect(Object.fromEntries(result.skipped.map((x) => [x.legalName, x.reason]))).toEqual({
      "Ben Best": "leftOut",
      "Cy Cole": "notInRun",
      "Dan Dale": "notInRun",
      "Eve East": "notInRun",
      "Fay Fenn": "notInRun",
    });
  });

  it("sums the postage the same on the page and on the run's first sheet", async () => {
    const s = await scenario();
    // Two facilities with different limits, so the run has envelopes of different sizes.
    const tight = await makeFacility(s.group.organizationId, { maxPagesPerEnvelope: 3 });
    await db.person.updateMany({ where: { memberships: { some: { id: { in: [s.members["Eve East"], s.members["Fay Fenn"]] } } } }, data: { facilityId: tight.id } });

    const plan = await planPrintRun(s.facilitator, 1);
    const loose = plan.members.find((m) => m.name === "Ann Able")!.envelopes;
    const split = plan.members.find((m) => m.name === "Eve East")!.envelopes;
    // The pack as the factory makes it: a slip, a reading page and two response sheets.
    expect(loose).toEqual([4]);
    expect(split).toEqual([3, 2]);
    // At 5 g a sheet and 10 g an envelope: 4 sheets 30 g, 3 sheets 25 g, 2 sheets 20 g; all up to 30 g, $0.78.
    expect(plan.postage).toMatchObject({
      envelopes: 8,
      sheets: 4 * 4 + 2 * 3 + 2 * 2,
      grams: 4 * 30 + 2 * 25 + 2 * 20,
      cents: 8 * 78,
      unpriced: 0,
      sizes: [
        { sheets: 2, grams: 20, cents: 78, envelopes: 2 },
        { sheets: 3, grams: 25, cents: 78, envelopes: 2 },
        { sheets: 4, grams: 30, cents: 78, envelopes: 4 },
      ],
    });

    // Heavier paper, 6 g: a 4-sheet envelope is 34 g, the second row ($1.07).
    await db.organization.update({ where: { id: s.group.organizationId }, data: { paperGramsPerSheet: 6 } });
    expect((await planPrintRun(s.facilitator, 1)).postage).toMatchObject({ grams: 4 * 34 + 2 * 28 + 2 * 22, cents: 4 * 107 + 4 * 78, unpriced: 0 });
    // 8 g: a 4-sheet envelope is 42 g, heavier than the table's last row (40 g), and has no price.
    await db.organization.update({ where: { id: s.group.organizationId }, data: { paperGramsPerSheet: 8 } });
    expect((await planPrintRun(s.facilitator, 1)).postage).toMatchObject({ grams: 4 * 42 + 2 * 34 + 2 * 26, cents: 2 * 107 + 2 * 78, unpriced: 4, heaviestRate: 40 });

    const queued = await db.printRun.create({ data: { packId: s.pack.id, createdById: s.facilitator.user.id }, select: { id: true } });
    await runPrintRun(queued.id);
    const stored = await db.printRun.findUniqueOrThrow({ where: { id: queued.id }, select: { file: { select: { storageKey: true } } } });
    const dir = await tempDir();
    const file = path.join(dir, "run.pdf");
    await writeFile(file, await buffer(await storage().get(stored.file!.storageKey)));
    const sheet = (await pdfPages(file))[0]!.replace(/\s+/g, " ");
    expect(sheet).toContain("Postage (estimate)");
    expect(sheet).toContain("2 envelopes of 2 sheets: 26 g each, $0.78 each = $1.56");
    expect(sheet).toContain("2 envelopes of 3 sheets: 34 g each, $1.07 each = $2.14");
    expect(sheet).toContain("4 envelopes of 4 sheets: 42 g each, heavier than the rate table");
    expect(sheet).toContain("In all: 8 envelopes, 26 sheets, 288 g, postage $3.70 plus 4 not priced.");
    expect(sheet).toContain("4 envelopes weigh more than the rate table's heaviest row (40 g)");
    expect(sheet).toContain("8 g a sheet, 10 g an envelope");
  });
});
