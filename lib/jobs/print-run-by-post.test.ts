// E-message members' by-post readings in the pack's mail print run (docs/decisions/054), end to
// end on the real database and storage: the merged PDF is read back with poppler. After the mail
// member's pack comes a by-post document for each e-message member owed one (their reading, name
// and address, no questions), the run sheet lists it, the run records the "byPost" mailing the
// messages page shows, and nothing is printed twice; members already mailed, erased, or of a
// pack with nothing by post are left out.
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadGroupContext } from "@/lib/authz";
import { runPrintRun } from "@/lib/jobs/print-run-job";
import { BY_POST_NOTE, recordByPostMailed, viewEmessageLog } from "@/lib/data/emessage-deliveries";
import { eraseMember } from "@/lib/data/member-data";
import { addMailMember, addMember } from "@/lib/data/members";
import { markRunAsMailed } from "@/lib/data/deliveries";
import { publishPack } from "@/lib/data/packs";
import { planPrintRun } from "@/lib/data/print-runs";
import { storage } from "@/lib/storage";
import { emessageChannelSchema } from "@/lib/validations/emessage";
import { makeOrganizer } from "@/tests/factories";
import { makePackScenario } from "@/tests/factories/pack";

const run = promisify(execFile);
const READING = "Quietly the river keeps its counsel";

/** The run's PDF as text, one string per page (pdftotext separates pages with a form feed). */
async function pdfPages(bytes: Buffer): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "studypack-bypost-"));
  const file = path.join(dir, "run.pdf");
  await writeFile(file, bytes);
  const { stdout } = await run("pdftotext", ["-layout", file, "-"], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.split("\f").filter((page) => page.trim());
}

async function printRun(packId: string, createdById: string) {
  const queued = await db.printRun.create({ data: { packId, createdById } });
  await runPrintRun(queued.id);
  const done = await db.printRun.findUniqueOrThrow({ where: { id: queued.id }, include: { file: true } });
  expect(done).toMatchObject({ status: "DONE", error: null });
  return { ...done, pages: await pdfPages(await buffer(await storage().get(done.file!.storageKey))) };
}

/** One mail member and three e-message members (Eve, Flo, Gus) at one facility; pack 1 published. */
async function scenario(options: { byPost?: boolean } = {}) {
  const s = await makePackScenario();
  const tag = s.group.slug.slice(-6);
  const facility = await db.facility.create({
    data: { organizationId: s.group.organizationId, name: `Facility ${tag}`, addressLines: ["1 Gate Rd", `Town ${tag}, ST 00000`], maxPagesPerEnvelope: 10 },
  });
  await db.reading.updateMany({ where: { lessonId: s.lesson.id }, data: { bodyMarkdown: `${READING}, and the long grass bends.`, emessageByMailOnly: options.byPost ?? true } });
  await addMailMember(s.facilitator, { legalName: `Ann Mailer ${tag}`, penName: `Ann${tag}`, facilityId: facility.id, idNumber: `A-${tag}`, housingUnit: "U-1" });
  const emessage = async (first: string, contact: string) =>
    (await addMember(s.facilitator, { legalName: `${first} Messager ${tag}`, penName: `${first}${tag}`, facilityId: facility.id, idNumber: `${first[0]}-${tag}`, housingUnit: "U-2" }, emessageChannelSchema.parse({ service: "CORRLINKS", contact }))).id;
  const ids = { eve: await emessage("Eve", "11111-001"), flo: await emessage("Flo", "22222-002"), gus: await emessage("Gus", "33333-003") };
  await publishPack(s.facilitator, 1);
  const deliveryOf = async (memberId: string) => (await db.delivery.findFirstOrThrow({ where: { packId: s.pack.id, memberId }, select: { id: true } })).id;
  const organizer = await loadGroupContext(await makeOrganizer(s.group.organizationId), s.group.slug);
  if (!organizer) throw new Error("no access");
  return { ...s, tag, facility, ids, deliveryOf, organizer, name: (first: string) => `${first} Messager ${tag}` };
}

describe("by-post readings in the mail print run", () => {
  it("prints each owed e-message member's by-post readings after the mail packs, lists them, records them as mailed, and not again", async () => {
    const s = await scenario();
    // Flo's readings were mailed by hand already; Gus is erased: neither is printed.
    await recordByPostMailed(s.facilitator, { packNumber: 1, deliveryId: await s.deliveryOf(s.ids.flo), occurredOn: "2026-12-01" });
    await eraseMember(s.organizer, s.ids.gus, `Gus${s.tag}`);

    // The mail page says before the run what it will add.
    const plan = await planPrintRun(s.facilitator, 1);
    expect(plan.toPrint).toBe(1);
    expect(plan.byPost).toMatchObject({ toPrint: 1, leftOut: 0, envelopes: 1 });
    expect(plan.byPost.members.map((m) => m.memberId)).toEqual([s.ids.eve]);
    expect(plan.postage.envelopes).toBe(2);

    const first = await printRun(s.pack.id, s.facilitator.user.id);
    expect(first).toMatchObject({ done: 2, total: 2 });
    const sheet = first.pages.filter((page) => page.includes("keep it, do not mail it")).join("\n").replace(/\s+/g, " ");
    const packs = first.pages.filter((page) => !page.includes("keep it, do not mail it"));
    // The run sheet: Ann's pack, then Eve's by-post readings, marked as such; nobody else.
    expect(sheet).toContain("1 member, 1 envelope, 4 pages to print");
    expect(sheet).toContain("Also by-post readings for 1 member who gets packs by e-message: 1 envelope, 2 pages");
    // (pdftotext reads the table's rows cell line by cell line: a wrapped name ends after the other cells.)
    expect(sheet).toMatch(new RegExp(`1 Ann Mailer ${s.tag} · ID Facility ${s.tag} · U-1 1 4 pages 2–5 A-${s.tag} 2 `));
    expect(sheet).toMatch(new RegExp(`2 Eve Messager ${s.tag} · ID Facility ${s.tag} · U-2 1 2 pages 6–7 E-${s.tag} · By-post readings \\(gets packs by e-message\\)`));
    expect(sheet.indexOf(`Ann Mailer ${s.tag}`)).toBeLessThan(sheet.indexOf(s.name("Eve")));
    for (const other of ["Flo", "Gus"]) expect(first.pages.join("\n")).not.toContain(s.name(other));
    // Eve's document: her name and facility address, the reading's words, no question.
    const eve = packs.filter((page) => page.includes(s.name("Eve")));
    expect(eve.length).toBeGreaterThan(1);
    expect(eve.join("\n")).toContain(`Town ${s.tag}, ST 00000`);
    expect(eve.join("\n")).toContain(READING);
    expect(eve.join("\n")).not.toContain("Question 1?");
    // After Ann's whole pack (which has the questions).
    const lastAnn = packs.findLastIndex((page) => page.includes(`Ann Mailer ${s.tag}`));
    expect(packs.findIndex((page) => page.includes(s.name("Eve")))).toBeGreaterThan(lastAnn);
    expect(packs.slice(0, lastAnn + 1).join("\n")).toContain("Question 1?");

    // Recorded as the one-member button records it: the messages page shows Eve's as mailed.
    const events = await db.deliveryEvent.findMany({ where: { deliveryId: await s.deliveryOf(s.ids.eve), note: BY_POST_NOTE } });
    expect(events).toMatchObject([{ status: "MAILED", actorId: s.facilitator.user.id }]);
    const log = await viewEmessageLog(s.facilitator, 1);
    expect(log.deliveries.find((d) => d.member.id === s.ids.eve)).toMatchObject({ byPostMailed: true, status: "PREPARED" });
    // "Mark all printed as mailed" is about mail members only: Eve is not marked nor reported.
    const marked = await markRunAsMailed(s.facilitator, { packNumber: 1, runId: first.id, occurredOn: "2026-12-02" });
    expect(marked.marked).toBe(1);
    expect(marked.skipped).toEqual([]);

    // A second run prints no by-post document again.
    expect((await planPrintRun(s.facilitator, 1)).byPost.toPrint).toBe(0);
    const second = await printRun(s.pack.id, s.facilitator.user.id);
    expect(second).toMatchObject({ done: 1, total: 1 });
    expect(second.pages.join("\n")).not.toContain(s.name("Eve"));
    expect(second.pages.join("\n")).not.toContain("By-post readings");
    expect(await db.deliveryEvent.count({ where: { deliveryId: await s.deliveryOf(s.ids.eve), note: BY_POST_NOTE } })).toBe(1);
  });

  it("leaves out a by-post document that cannot fit its facility's rules, lists it, and records nothing for it", async () => {
    const s = await scenario();
    const strict = await db.facility.create({ data: { organizationId: s.group.organizationId, name: `Strict ${s.tag}`, addressLines: ["2 Gate Rd"], maxPagesPerEnvelope: 1 } });
    const eve = await db.member.findUniqueOrThrow({ where: { id: s.ids.eve }, select: { personId: true } });
    await db.person.update({ where: { id: eve.personId }, data: { facilityId: strict.id } });
    const plan = await planPrintRun(s.facilitator, 1);
    expect(plan.byPost).toMatchObject({ toPrint: 2, leftOut: 1 });
    expect(plan.byPost.members.find((m) => m.memberId === s.ids.eve)).toMatchObject({ printed: false, envelopes: [] });

    const done = await printRun(s.pack.id, s.facilitator.user.id);
    const sheet = done.pages.filter((page) => page.includes("keep it, do not mail it")).join("\n").replace(/\s+/g, " ");
    expect(sheet).toContain("Not printed (fix first, then print again)");
    expect(sheet).toContain(`${s.name("Eve")} · ID E-${s.tag} · By-post readings (gets packs by e-message):`);
    expect(sheet).toContain("Also by-post readings for 2 members who get packs by e-message: 2 envelopes");
    const recorded = await db.deliveryEvent.findMany({ where: { delivery: { packId: s.pack.id }, note: BY_POST_NOTE }, select: { delivery: { select: { memberId: true } } } });
    expect(recorded.map((e) => e.delivery.memberId).sort()).toEqual([s.ids.flo, s.ids.gus].sort());
    // Still owed: the next run takes her once her facility's rules are fixed.
    expect((await planPrintRun(s.facilitator, 1)).byPost.members.map((m) => m.memberId)).toEqual([s.ids.eve]);
  });

  it("adds nothing for e-message members when no reading of the pack goes by post", async () => {
    const s = await scenario({ byPost: false });
    const plan = await planPrintRun(s.facilitator, 1);
    expect(plan.byPost).toMatchObject({ toPrint: 0, envelopes: 0, members: [] });
    const done = await printRun(s.pack.id, s.facilitator.user.id);
    expect(done).toMatchObject({ done: 1, total: 1 });
    const text = done.pages.join("\n");
    for (const first of ["Eve", "Flo", "Gus"]) expect(text).not.toContain(s.name(first));
    expect(text).not.toContain("By-post readings");
    expect(await db.deliveryEvent.count({ where: { delivery: { packId: s.pack.id }, note: BY_POST_NOTE } })).toBe(0);
  });
});
