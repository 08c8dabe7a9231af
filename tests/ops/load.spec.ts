// The short load run of CI (the full one: `npm run test:load`, README "Load and crash tests"): 50
// signed-in members write for 20 s into a Studypack started as an operator starts it, with a
// limit of work at once low enough that some of them are turned away. Every acknowledged answer
// must be stored, nothing refused may be, and every refusal must be a 503 with Retry-After.
import { expect, test } from "@playwright/test";
import { formatReport, runLoad } from "../../scripts/test-load";
import { startStudypack } from "./studypack";

/** The AUTH_SECRET tests/ops/studypack.ts gives its instances (to make session cookies). */
const OPS_AUTH_SECRET = "ops-secret-ops-secret-ops-secret-00000000";

test("50 writers for 20 s: every acknowledged answer is stored, and overload is a quick 503 with Retry-After", async () => {
  test.setTimeout(240_000);
  // 2 at once and 2 waiting at most 100 ms: 50 writers overload that for sure, on any machine.
  const app = await startStudypack({ slot: 30, env: { ADMISSION_MAX_IN_FLIGHT: "2", ADMISSION_MAX_QUEUE: "2", ADMISSION_MAX_WAIT_MS: "100", ADMISSION_RETRY_AFTER_SECONDS: "1" } });
  try {
    const running = runLoad({ url: app.url, databaseUrl: app.databaseUrl, authSecret: OPS_AUTH_SECRET, members: 50, seconds: 20 });
    // The health check is answered while writers are being turned away.
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const health = await fetch(`${app.url}/api/health`);
    expect(health.status).toBe(200);
    const report = await running;
    console.log(formatReport(report));
    expect(report.differences).toEqual([]);
    expect(report.other).toBe(0);
    expect(report.acknowledged).toBeGreaterThan(100);
    expect(report.stored).toBeGreaterThanOrEqual(report.acknowledged);
    // Overload was reached, and answered as such.
    expect(report.busy).toBeGreaterThan(0);
    // A refusal is quick: it waited at most 100 ms for a turn (the rest is a busy shared machine).
    expect(report.busyLatency.p95).toBeLessThan(2_000);
  } finally {
    await app.stop();
  }
});
