// A program that has never seen Studypack: `npm start` with DEMO_DATA=off on a fresh embedded
// database (a second server of its own, on its own ports, sharing the build), the setup link
// read from the server's log, the organization and first organizer made in the browser, and the
// link dead afterwards. Then its first week, each person in their own browser: a course, a
// group, a facilitator invited by link who builds and publishes a pack, an online member added
// by e-mail who accepts and answers, the facilitator's week showing the answer, and a reset link
// from the organizer that replaces the member's password. No demo data, no database by hand.
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

// The second test goes on from the first's organization.
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  rmSync(dataDir, { recursive: true, force: true });
  // As `npm start` runs it (decision 052).
  server = spawn(process.execPath, ["scripts/start.mjs", "start"], {
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

test("its first week: a course, a group, a facilitator by invitation, a pack, a member who answers, and a password reset", async ({ page, browser, allowConsoleError }) => {
  test.setTimeout(240_000);
  allowConsoleError(/status of 401/); // the old password is tried on purpose, and refused
  const ORGANIZER = { email: "ada@lakeside.example", password: "seven owls read by lamplight" };
  const signInForm = async (p: typeof page, email: string, password: string) => {
    await p.goto(`${base}/sign-in`, { waitUntil: "networkidle" });
    const form = p.getByRole("form", { name: "Sign in" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Password").fill(password);
    await form.getByRole("button", { name: "Sign in" }).click();
  };
  await signInForm(page, ORGANIZER.email, ORGANIZER.password);
  await expect(page.getByText("Hello, Ada Organizer.")).toBeVisible();

  // A course with one lesson and one question.
  await page.goto(`${base}/courses`, { waitUntil: "networkidle" });
  const newCourse = page.getByRole("form", { name: "Start a new course" });
  await newCourse.getByLabel("Course title").fill("Reading together");
  await newCourse.getByRole("button", { name: "Create course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reading together" })).toBeVisible();
  const addLesson = page.getByRole("form", { name: "Add a lesson" });
  await addLesson.getByLabel("Lesson title").fill("Beginnings");
  await addLesson.getByRole("button", { name: "Add lesson" }).click();
  await expect(addLesson.getByRole("status")).toContainText("Added “Beginnings”.");
  await page.getByRole("list", { name: "Lessons" }).getByRole("link", { name: "Beginnings" }).click();
  const addPrompt = page.getByRole("form", { name: "Add a prompt" });
  await addPrompt.getByLabel("Question").fill("What brought you to this group?");
  await addPrompt.getByRole("button", { name: "Add prompt" }).click();
  await expect(addPrompt.getByRole("status")).toHaveText("Prompt added.");

  // A group on that course.
  await page.goto(`${base}/`, { waitUntil: "networkidle" });
  await page.getByRole("link", { name: "New group" }).click();
  await page.getByLabel("Name").fill("Thursday Readers");
  await expect(page.getByLabel("Address")).toHaveValue("thursday-readers");
  await page.getByRole("button", { name: "Create group" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thursday Readers" })).toBeVisible();

  // A facilitator, invited by a link to copy (this installation sends no e-mail).
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  await page.getByLabel("E-mail").fill("ben@lakeside.example");
  await expect(page.getByLabel("Role")).toHaveValue("FACILITATOR");
  await expect(page.getByLabel("Group")).toHaveValue("thursday-readers");
  await page.getByRole("button", { name: "Create invitation" }).click();
  const facilitatorLink = await page.getByLabel("Invitation link").inputValue();
  expect(facilitatorLink).toMatch(new RegExp(`^${base}/invitations/[A-Za-z0-9_-]{43}$`));
  await expect(page.getByRole("region", { name: "Open invitations" })).toContainText("ben@lakeside.example · facilitator of Thursday Readers");

  const facilitatorContext = await browser.newContext();
  const ben = await facilitatorContext.newPage();
  await ben.goto(facilitatorLink, { waitUntil: "networkidle" });
  await ben.getByLabel("Your name").fill("Ben Facilitator");
  await ben.getByLabel("Choose a password").fill("maple leaves on a slow river");
  await ben.getByLabel("Type the password again").fill("maple leaves on a slow river");
  await ben.getByRole("button", { name: "Create account and join" }).click();
  await ben.waitForURL(`${base}/groups/thursday-readers`);

  // The facilitator builds and publishes the first pack.
  await ben.getByRole("button", { name: "Start a new pack" }).click();
  const start = ben.getByRole("form", { name: "Start pack 1" });
  await expect(start.getByRole("checkbox", { name: /Beginnings/ })).toBeChecked();
  await start.getByRole("button", { name: "Start the pack" }).click();
  await ben.waitForURL(`${base}/groups/thursday-readers/packs/1/edit`);
  await ben.getByLabel("Letter to the group").fill("Welcome, all. Write as much or as little as you like.");
  await ben.getByLabel("Due date").fill("2027-01-29");
  await ben.getByRole("button", { name: "Publish to members" }).click();
  await ben.getByRole("dialog").getByRole("button", { name: "Publish to members" }).click();
  await expect(ben.getByRole("button", { name: "Publish to members" })).toHaveCount(0);

  // An online member, added by e-mail, with an invitation link.
  await ben.goto(`${base}/groups/thursday-readers/members`, { waitUntil: "networkidle" });
  const addOnline = ben.getByRole("form", { name: "Add an online member" });
  await addOnline.getByLabel("Legal name").fill("Carmen Ruiz");
  await addOnline.getByLabel("E-mail").fill("carmen@lakeside.example");
  await addOnline.getByLabel("Pen name (optional)").fill("Carmen R.");
  await addOnline.getByRole("button", { name: "Add and invite" }).click();
  await expect(addOnline.getByRole("status")).toContainText("Carmen R. is in the group.");
  const memberLink = await addOnline.getByLabel("Invitation link for Carmen R.").inputValue();

  const memberContext = await browser.newContext();
  const carmen = await memberContext.newPage();
  await carmen.goto(memberLink, { waitUntil: "networkidle" });
  await carmen.getByLabel("Your name").fill("Carmen");
  await carmen.getByLabel("Choose a password").fill("the lighthouse keeps its own time");
  await carmen.getByLabel("Type the password again").fill("the lighthouse keeps its own time");
  await carmen.getByRole("button", { name: "Create account and join" }).click();
  await carmen.waitForURL(`${base}/groups/thursday-readers`);
  // Home says what to do next, and takes her there.
  await carmen.goto(`${base}/`, { waitUntil: "networkidle" });
  await expect(carmen.getByText("0 of 1 question answered")).toBeVisible();
  await carmen.getByRole("link", { name: /Start Pack 1|Continue Pack 1/ }).click();
  await carmen.getByLabel("Your answer").fill("A friend wrote to me about it from inside.");
  await carmen.getByRole("button", { name: "Submit answer" }).click();
  await expect(carmen.getByText(/^Submitted /)).toBeVisible();

  // The facilitator's week shows the one answer waiting, and leads to it; a notification too.
  await ben.goto(`${base}/groups/thursday-readers`, { waitUntil: "networkidle" });
  const week = ben.getByRole("region", { name: "This week" });
  await expect(week.getByRole("link")).toHaveText(["1 answer to pack 1 waiting for feedback"]);
  await week.getByRole("link", { name: "1 answer to pack 1 waiting for feedback" }).click();
  await expect(ben.getByText("A friend wrote to me about it from inside.")).toBeVisible();
  await ben.goto(`${base}/notifications`);
  await expect(ben.getByText("1 new answer to pack 1 of Thursday Readers")).toBeVisible();

  // The organizer makes a reset link for the member; her old password stops working.
  await page.goto(`${base}/groups/thursday-readers/members`, { waitUntil: "networkidle" });
  await page.getByRole("link", { name: "Carmen Ruiz" }).click();
  const password = page.getByRole("region", { name: "Password", exact: true });
  await password.getByRole("button", { name: "Make a reset link" }).click();
  const resetLink = await password.getByLabel("Reset link").inputValue();
  await memberContext.clearCookies();
  await carmen.goto(resetLink, { waitUntil: "networkidle" });
  const reset = carmen.getByRole("form", { name: "Set a new password" });
  await reset.getByLabel("New password", { exact: true }).fill("a new lamp for the long evenings");
  await reset.getByLabel("Type the new password again").fill("a new lamp for the long evenings");
  await reset.getByRole("button", { name: "Set the new password" }).click();
  await expect(carmen.getByRole("main").getByRole("status")).toHaveText("Your new password is set. Sign in with it.");
  await signInForm(carmen, "carmen@lakeside.example", "the lighthouse keeps its own time");
  await expect(carmen.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("That email and password do not match an account. Check both and try again.");
  await signInForm(carmen, "carmen@lakeside.example", "a new lamp for the long evenings");
  await expect(carmen.getByText("Hello, Carmen.")).toBeVisible();

  await facilitatorContext.close();
  await memberContext.close();
});
