// A program that has never seen Studypack: `npm start` with DEMO_DATA=off on a fresh embedded
// database (a second server of its own, on its own ports, sharing the build), the setup link
// read from the server's log, the organization and first organizer made in the browser, and the
// link dead afterwards.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { expect, test } from "./fixtures";
import { E2E } from "./env";

const port = E2E.port + 50;
const pgPort = E2E.pgPort + 50;
const base = `http://localhost:${port}`;
const dataDir = `tests/.tmp/e2e-empty-${pgPort}`;
let server: ChildProcess | undefined;
let setupLink = "";

test.beforeAll(async () => {
  test.setTimeout(180_000);
  rmSync(dataDir, { recursive: true, force: true });
  server = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/serve.ts", "start"], {
    env: {
      ...process.env,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      EMBEDDED_PG_DIR: dataDir,
      STUDYPACK_DIST_DIR: E2E.distDir,
      DATABASE_URL: "",
      DEMO_DATA: "off",
      NEXTAUTH_URL: base,
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-000000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  server.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  for (let i = 0; i < 170 && !(setupLink && /Ready|is at/.test(log)); i++) {
    setupLink = /http:\/\/\S+\/setup\/[A-Za-z0-9_-]+/.exec(log)?.[0] ?? "";
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  expect(setupLink, `the log printed a setup link:\n${log}`).toMatch(new RegExp(`^${base}/setup/`));
  await expect.poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status, { timeout: 60_000 }).toBe(200);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
});

test("an empty installation says where setup is, sets itself up through the link, then the link is dead", async ({ page, allowConsoleError }) => {
  allowConsoleError(/status of 404/); // the wrong link and the used one are visited on purpose
  await page.goto(`${base}/sign-in`);
  await expect(page.getByRole("status")).toContainText("not set up yet");
  // Only the printed link opens setup.
  expect((await page.goto(`${base}/setup/not-the-link-not-the-link-0000`))?.status()).toBe(404);

  await page.goto(setupLink);
  await expect(page.getByRole("heading", { name: "Set up Studypack" })).toBeVisible();
  await page.getByLabel("Name of the organization").fill("Lakeside Readers");
  await page.getByLabel("Return address").fill("PO Box 12\nLakeside, MN 55000");
  // The time zone shown is the one that would be saved (the browser's here: UTC), never a blank.
  await expect(page.getByLabel("Time zone")).toHaveValue("UTC");
  await page.getByLabel("Time zone").selectOption("America/Chicago");
  await page.getByLabel("Your name").fill("Ada Organizer");
  await page.getByLabel("Your email").fill("ada@lakeside.example");
  // A common password is refused beside its field; nothing is made.
  await page.getByLabel("Password", { exact: true }).fill("password123");
  await page.getByLabel("Password again").fill("password123");
  await page.getByRole("button", { name: "Set up and sign in" }).click();
  await expect(page.getByText("This is a commonly used password. Choose something else.")).toBeVisible();

  await page.getByLabel("Password", { exact: true }).fill("seven owls read by lamplight");
  await page.getByLabel("Password again").fill("seven owls read by lamplight");
  await page.getByRole("button", { name: "Set up and sign in" }).click();
  await expect(page).toHaveURL(`${base}/`);
  await expect(page.getByText("Hello, Ada Organizer.")).toBeVisible();
  await expect(page.getByText("Your organization has no groups yet.")).toBeVisible();
  await page.goto(`${base}/settings`);
  await expect(page.getByLabel(/name/i).first()).toHaveValue("Lakeside Readers");

  // The link is dead for good, and so is the sign-in notice.
  expect((await page.goto(setupLink))?.status()).toBe(404);
  await page.context().clearCookies();
  await page.goto(`${base}/sign-in`);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});
