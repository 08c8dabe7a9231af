// The print-run job end to end against the real database and storage: the PDF it stores is read
// back with poppler, and the PrintRun row tells the page what happened.
import { execFile } from "node:child_process";
import { writeFile, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runPrintRun } from "@/lib/jobs/print-run-job";
import { publishPack } from "@/lib/data/packs";
import { addMailMember } from "@/lib/data/members";
import { storage } from "@/lib/storage";
import { makePackScenario } from "@/tests/factories/pack";

const run = promisify(execFile);

async function pdfText(bytes: Buffer) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "studypack-pdf-"));
  const file = path.join(dir, "run.pdf");
  await writeFile(file, bytes);
  const [{ stdout: text }, { stdout: info }] = await Promise.all([run("pdftotext", ["-layout", file, "-"]), run("pdfinfo", [file])]);
  return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]) };
}

describe("print-run job", () => {
  it("makes one merged PDF of every mail member's pack, stores it and reports progress", async () => {
    const s = await makePackScenario();
    const facility = await db.facility.create({ data: { organizationId: s.group.organizationId, name: `Facility ${s.group.slug}`, addressLines: ["1 Gate Rd", "Town, ST 00000"], maxPagesPerEnvelope: 10 } });
    for (const [legalName, idNumber] of [["Ann Mailer", "A-100"], ["Ben Mailer", "B-200"], ["Cy Mailer", "C-300"]] as const) {
      await addMailMember(s.facilitator, { legalName, penName: legalName.split(" ")[0]!, facilityId: facility.id, idNumber, housingUnit: "U-1" });
    }
    await publishPack(s.facilitator, 1);
    const queued = await db.printRun.create({ data: { packId: s.pack.id, createdById: s.facilitator.user.id } });

    await runPrintRun(queued.id);
    await runPrintRun(queued.id); // a duplicate job finds the run already taken and does nothing

    const done = await db.printRun.findUniqueOrThrow({ where: { id: queued.id }, include: { file: true } });
    expect(done).toMatchObject({ status: "DONE", done: 3, total: 3, error: null });
    expect(done.file?.contentType).toBe("application/pdf");
    const bytes = await buffer(await storage().get(done.file!.storageKey));
    const { text, pages } = await pdfText(bytes);
    expect(pages).toBeGreaterThan(3);
    for (const name of ["Ann Mailer", "Ben Mailer", "Cy Mailer"]) expect(text).toContain(name);
    expect(text.indexOf("Ann Mailer")).toBeLessThan(text.lastIndexOf("Cy Mailer"));
  });
});
