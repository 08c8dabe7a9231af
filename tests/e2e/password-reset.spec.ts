// Password reset without e-mail (docs/decisions/024-password-reset.md): the organizer makes a
// one-time link on the member page; the member opens it, a weak password is refused on its
// field, a strong one is set; their other browser is signed out, the old password fails and the
// new one signs in; the link then says it has been used. The pages are looked at at phone and
// desktop widths.
import { db, DEMO_PASSWORD, expect, makeStudyGroup, signInViaApi, test } from "./fixtures";

const NEW_PASSWORD = "violet anchor gravel teapot";
const SHOTS = "tests/.tmp/password-reset";

test("an organizer's reset link lets the member set a new password once; the old one and their sessions end", async ({ page, browser, consoleErrors: _, allowConsoleError }) => {
  allowConsoleError(/status of 401/); // next-auth answers the sign-in with the old password with 401
  const s = await makeStudyGroup();

  // The member is signed in elsewhere (a second browser).
  const elsewhere = await browser.newContext();
  const elsewherePage = await elsewhere.newPage();
  await signInViaApi(elsewherePage, s.memberUser.email, s.password);
  await elsewherePage.goto(`/groups/${s.group.slug}`);
  await expect(elsewherePage).toHaveURL(new RegExp(`/groups/${s.group.slug}$`));

  await signInViaApi(page, "organizer@example.org", DEMO_PASSWORD);
  await page.goto(`/groups/${s.group.slug}/members/${s.member.id}`);
  const section = page.getByRole("region", { name: "Password", exact: true });
  await section.getByRole("button", { name: "Make a reset link" }).click();
  const linkField = section.getByLabel("Reset link");
  await expect(linkField).toHaveValue(/\/reset-password\/[A-Za-z0-9_-]{43}$/);
  const link = new URL(await linkField.inputValue());
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await section.screenshot({ path: `${SHOTS}/organizer-${width}.png` });
  }
  expect(await db.auditLog.count({ where: { personId: s.member.personId, action: "passwordReset.create" } })).toBe(1);

  // The member, in a fresh browser, opens the link.
  const context = await browser.newContext();
  const member = await context.newPage();
  await member.setViewportSize({ width: 390, height: 844 });
  await member.goto(link.pathname);
  await expect(member.getByRole("heading", { name: "Set a new password" })).toBeVisible();
  await expect(member.getByText(`Choose a new password for ${s.memberUser.email}.`, { exact: false })).toBeVisible();
  await member.screenshot({ path: `${SHOTS}/reset-390.png`, fullPage: true });
  await member.setViewportSize({ width: 1280, height: 800 });
  await member.screenshot({ path: `${SHOTS}/reset-1280.png`, fullPage: true });

  const form = member.getByRole("form", { name: "Set a new password" });
  await form.getByLabel("New password", { exact: true }).fill("password123");
  await form.getByLabel("Type the new password again").fill("password123");
  await form.getByRole("button", { name: "Set the new password" }).click();
  await expect(form.getByText(/commonly used password|most used passwords/)).toBeVisible();
  await member.setViewportSize({ width: 390, height: 844 });
  await member.screenshot({ path: `${SHOTS}/reset-weak-390.png`, fullPage: true });
  expect(await db.session.count({ where: { userId: s.memberUser.id } })).toBe(1);

  await form.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await form.getByLabel("Type the new password again").fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Set the new password" }).click();
  await expect(member.getByRole("main").getByRole("status")).toHaveText("Your new password is set. Sign in with it.");
  expect(await db.session.count({ where: { userId: s.memberUser.id } })).toBe(0);

  // The other browser is signed out.
  await elsewherePage.goto(`/groups/${s.group.slug}`);
  await expect(elsewherePage).toHaveURL(/\/sign-in/);
  await elsewhere.close();

  // The old password fails; the new one signs in.
  await member.getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(member).toHaveURL(/\/sign-in/);
  const signIn = member.getByRole("form", { name: "Sign in" });
  await signIn.getByLabel("Email").fill(s.memberUser.email);
  await signIn.getByLabel("Password").fill(s.password);
  await signIn.getByRole("button", { name: "Sign in" }).click();
  await expect(signIn.getByRole("alert")).toHaveText("That email and password do not match an account. Check both and try again.");
  await signIn.getByLabel("Password").fill(NEW_PASSWORD);
  await signIn.getByRole("button", { name: "Sign in" }).click();
  await expect(member).not.toHaveURL(/\/sign-in/);

  // The link worked once.
  await member.goto(link.pathname);
  await expect(member.getByRole("main").getByRole("alert")).toHaveText("This link has been used already. Each link works once: ask for a new one if you need it.");
  await context.close();
});

test("the sign-in form links to 'Forgot your password?', which says to ask an organizer when the site sends no e-mail", async ({ page, consoleErrors: _ }) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByRole("heading", { name: "Forgot your password" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("This site does not send e-mail. Ask an organizer of your group for a link to set a new password.");
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `${SHOTS}/forgot-${width}.png`, fullPage: true });
  }
  await page.goto("/sign-in");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/sign-in-390.png`, fullPage: true });
  // An unknown link says so, and offers a new one.
  await page.goto(`/reset-password/${"A".repeat(43)}`);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("This link does not work. Check that you copied all of it, or ask for a new one.");
});
