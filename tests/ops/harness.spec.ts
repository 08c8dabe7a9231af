// The operations harness itself: an instance starts from the shared build, answers, and a
// SIGTERM ends the launcher with code 0 (PostgreSQL stopped cleanly, the folder reusable).
import { expect, test } from "@playwright/test";
import { startStudypack } from "./studypack";

test("an instance starts, answers and stops cleanly, and starts again on the same folder", async () => {
  const first = await startStudypack({ slot: 1, env: { DEMO_DATA: "off" } });
  expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
  expect((await first.stop()).code).toBe(0);
  const again = await startStudypack({ slot: 1, keep: true, env: { DEMO_DATA: "off" } });
  expect(again.output()).not.toContain("applied");
  expect((await again.stop()).code).toBe(0);
});
