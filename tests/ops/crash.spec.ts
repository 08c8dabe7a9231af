// The short crash run (issue 18, point 7): members submit answers while the web server and
// PostgreSQL are killed with -9, three kills in all; every acknowledged submit is in the database
// afterwards, the launcher exits by itself after the web server kill (and is started again, as
// systemd would), and starts PostgreSQL again itself. The full run is `npm run test:crash`.
import { expect, test } from "@playwright/test";
import { runCrashTest, summarize, type CrashTarget } from "../../scripts/test-crash";
import { startStudypack } from "./studypack";

const SECRET = "crash-secret-crash-secret-crash-secret-0000";

test("three kills during writes lose no acknowledged submit", async () => {
  test.setTimeout(240_000);
  const start = async (fresh: boolean): Promise<CrashTarget> => {
    const instance = await startStudypack({ slot: 22, keep: !fresh, env: { AUTH_SECRET: SECRET, DEMO_DATA: "on" } });
    return {
      url: instance.url,
      databaseUrl: instance.databaseUrl,
      dataDir: instance.dataDir,
      pgPort: instance.pgPort,
      launcherPid: instance.launcher.pid!,
      exited: instance.exited,
      stop: instance.stop,
    };
  };
  const report = await runCrashTest({ kills: 3, writers: 8, seconds: 4, secret: SECRET, start, log: (line) => console.log(line) });
  console.log(summarize(report));
  expect(report.acknowledged).toBeGreaterThan(50);
  expect(report.missing).toEqual([]);
  expect(report.problems).toEqual([]);
  expect(report.kills.map((k) => k.part)).toEqual(["web server", "PostgreSQL", "web server"]);
});
