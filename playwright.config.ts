// Browser tests drive the production build in Debian's Chromium (/usr/bin/chromium), started
// the way a user starts it: `npm start` with no DATABASE_URL, so the embedded PostgreSQL,
// migrations, demo data and the build are all part of what is tested. The database lives in
// a fresh folder for each run (tests/.tmp/e2e-pg) on its own ports, beside any dev server.
import { defineConfig, devices } from "@playwright/test";
import { E2E } from "./tests/e2e/env";

export default defineConfig({
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  // Generous: a 2-core CI machine runs two browsers and the server at once.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: E2E.baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "chromium", testDir: "tests/e2e", use: { ...devices["Desktop Chrome"] } },
    // Operations: backup and restore, the launcher, load and crash runs. Each spec starts its own
    // Studypack from the build the web server below made (tests/ops/studypack.ts); no browser.
    { name: "ops", testDir: "tests/ops" },
  ],
  webServer: {
    command: `rm -rf ${E2E.dataDir} && node scripts/start.mjs start`,
    url: `${E2E.baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: String(E2E.port),
      EMBEDDED_PG_PORT: String(E2E.pgPort),
      EMBEDDED_PG_DIR: E2E.dataDir,
      STUDYPACK_DIST_DIR: E2E.distDir,
      DATABASE_URL: "",
      NEXTAUTH_URL: E2E.baseURL,
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-000000",
      // A message that is missing or cannot be formatted fails the page (i18n/request.ts).
      STUDYPACK_STRICT_MESSAGES: "1",
    },
  },
});
