// Starting print runs: one at a time per pack, a failed one can be started again, and only staff
// of the group may start or see one. Uses the real queue (pg-boss in the test database).
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getPrintRun, startPrintRun } from "@/lib/data/print-runs";
import { publishPack } from "@/lib/data/packs";
import { queue } from "@/lib/jobs/queue";
import { makePackScenario } from "@/tests/factories/pack";

afterAll(async () => {
  await (await queue()).stop({ graceful: false, wait: true });
});

describe("startPrintRun", () => {
  it("starts one run however often it is pressed, and a new one after a failure", async () => {
    const s = await makePackScenario();
    await publishPack(s.facilitator, 1);
    const runs = await Promise.all([startPrintRun(s.facilitator, 1), startPrintRun(s.facilitator, 1), startPrintRun(s.facilitator, 1)]);
    expect(new Set(runs.map((r) => r.id)).size).toBe(1);
    expect(runs[0]?.status).toBe("QUEUED");
    const jobs = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'print-run' AND data->>'printRunId' = ${runs[0]!.id}`;
    expect(Number(jobs[0]?.n)).toBe(1);

    await db.printRun.update({ where: { id: runs[0]!.id }, data: { status: "FAILED", error: "disk full" } });
    const again = await startPrintRun(s.facilitator, 1);
    expect(again.id).not.toBe(runs[0]!.id);
    expect(again.status).toBe("QUEUED");
  });

  it("is refused to members and other groups' staff, and the run is hidden from them", async () => {
    const s = await makePackScenario();
    const other = await makePackScenario();
    await publishPack(s.facilitator, 1);
    await expect(startPrintRun(s.memberCtx, 1)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const run = await startPrintRun(s.facilitator, 1);
    await expect(getPrintRun(s.memberCtx.user, run.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPrintRun(other.facilitator.user, run.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPrintRun(s.facilitator.user, run.id)).resolves.toMatchObject({ id: run.id, groupSlug: s.group.slug });
  });
});
