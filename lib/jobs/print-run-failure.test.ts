// A print run that cannot finish says why, in words a facilitator can act on, and the run can be
// started again. Storage is pointed at a folder that cannot exist (beneath a regular file), so
// the real storage module fails the way a full or unwritable disk would.
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { runPrintRun } from "@/lib/jobs/print-run-job";
import { publishPack } from "@/lib/data/packs";
import { addMailMember } from "@/lib/data/members";
import { makePackScenario } from "@/tests/factories/pack";

await vi.hoisted(async () => {
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "studypack-broken-")), "not-a-folder");
  writeFileSync(file, "");
  process.env.STORAGE_DIR = path.join(file, "files");
});

describe("a print run that fails", () => {
  it("is marked failed with a reason a facilitator can read", async () => {
    const s = await makePackScenario();
    const facility = await db.facility.create({ data: { organizationId: s.group.organizationId, name: `F ${s.group.slug}`, addressLines: ["1 Road"] } });
    await addMailMember(s.facilitator, { legalName: "Dee Mail", penName: "Dee", facilityId: facility.id, idNumber: "D-1", housingUnit: "" });
    await publishPack(s.facilitator, 1);
    const queued = await db.printRun.create({ data: { packId: s.pack.id } });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await runPrintRun(queued.id);
    expect(errors).toHaveBeenCalled(); // logged for the operator
    errors.mockRestore();
    const failed = await db.printRun.findUniqueOrThrow({ where: { id: queued.id } });
    expect(failed.status).toBe("FAILED");
    expect(failed.error).toMatch(/^Something went wrong while making the PDF \(.+\)\.$/);
    expect(failed.fileId).toBeNull();
    expect(await db.storedFile.count({ where: { organizationId: s.group.organizationId } })).toBe(0);
  });
});
