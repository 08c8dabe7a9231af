import { DEMO_PASSWORD, expect, makeAccount, makeMemberInvitation, signInViaApi, test } from "./fixtures";

test.use({ viewport: { width: 1280, height: 800 } });

const demo = [
  // The organizer sees every group of the demo organization, and other specs add groups to it
  // (in any order, on two workers): for them, at least the demo's groups.
  { email: "organizer@example.org", groups: ["Introductory group (autumn)", "Advanced group"], role: "Organizer", exact: false },
  { email: "facilitator@example.org", groups: ["Introductory group (autumn)", "Advanced group"], role: "Facilitator", exact: true },
  { email: "member@example.org", groups: ["Introductory group (autumn)"], role: "Member", exact: true },
];

for (const account of demo) {
  test(`${account.email} signs in with the form and sees their groups`, async ({ page, consoleErrors: _ }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Your groups" })).toBeVisible();
    const list = page.getByRole("list", { name: "Your groups" });
    for (const name of account.groups) await expect(list.getByText(name)).toBeVisible();
    if (account.exact) await expect(list.getByRole("listitem")).toHaveCount(account.groups.length);
    else expect(await list.getByRole("listitem").count()).toBeGreaterThanOrEqual(account.groups.length);
    await expect(list.getByText(account.role).first()).toBeVisible();
  });
}

test("a wrong password and an unknown email get the same message, which names neither", async ({ page, consoleErrors: _, allowConsoleError }) => {
  allowConsoleError(/status of 401/); // next-auth answers a failed sign-in with 401
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("member@example.org");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const alert = page.getByRole("form", { name: "Sign in" }).getByRole("alert");
  await expect(alert).toHaveText("That email and password do not match an account. Check both and try again.");
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel("Email").fill("nobody-here@example.org");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert).toHaveText("That email and password do not match an account. Check both and try again.");
});

test("empty fields are explained beside each field", async ({ page, consoleErrors: _ }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});

test("the intro member opening /groups/advanced gets the 404 page", async ({ page, consoleErrors: _, allowConsoleError }) => {
  allowConsoleError(/status of 404/);
  await signInViaApi(page, "member@example.org", DEMO_PASSWORD);
  const response = await page.goto("/groups/advanced");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByText("Advanced group")).toHaveCount(0);

  const own = await page.goto("/groups/intro");
  expect(own?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Introductory group (autumn)" })).toBeVisible();
});

test("a signed-out visitor is sent to sign in and comes back to the group", async ({ page, consoleErrors: _ }) => {
  const account = await makeAccount("FACILITATOR", "advanced");
  await page.goto("/groups/advanced");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fgroups%2Fadvanced/);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/groups\/advanced$/);
  await expect(page.getByRole("heading", { name: "Advanced group" })).toBeVisible();
});

test("signing out ends the session", async ({ page, consoleErrors: _ }) => {
  const account = await makeAccount("MEMBER", "intro");
  await signInViaApi(page, account.email, account.password);
  await page.goto("/");
  // The header says it once on screen (a phone has it in its menu, which is closed): the visible one.
  await expect(page.getByText(`Signed in as ${account.name}`).filter({ visible: true })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/groups/intro");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an invitation link lets a new person set a password and land in their group, once", async ({ page, consoleErrors: _ }) => {
  const invitation = await makeMemberInvitation("intro");
  await page.goto(invitation.path);
  await expect(page.getByText("invites you to join Introductory group (autumn) as member")).toBeVisible();
  await expect(page.getByText(invitation.email)).toBeVisible();
  await expect(page.getByText(`Other members will see you as “${invitation.penName}”`)).toBeVisible();

  await page.getByLabel("Your name").fill("Grace New");
  await page.getByLabel("Choose a password").fill("short");
  await page.getByLabel("Type the password again").fill("different");
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();

  await page.getByLabel("Choose a password").fill("a long enough password");
  await page.getByLabel("Type the password again").fill("a long enough password");
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(/\/groups\/intro$/);
  await expect(page.getByRole("heading", { name: "Introductory group (autumn)" })).toBeVisible();
  await expect(page.getByText("Signed in as Grace New").filter({ visible: true })).toBeVisible();

  // The link works once.
  await page.context().clearCookies();
  await page.goto(invitation.path);
  await expect(page.getByRole("alert").filter({ hasText: "already been used" })).toBeVisible();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the organizer's links and account are behind a menu that closes after a choice, on Escape and on a tap outside", async ({ page, consoleErrors: _ }) => {
    await signInViaApi(page, "organizer@example.org", DEMO_PASSWORD);
    await page.goto("/");
    const menu = page.getByRole("group").filter({ has: page.getByText("Menu", { exact: true }) });
    const button = page.getByText("Menu", { exact: true });
    const nav = page.getByRole("navigation", { name: "Main" });
    // One line of header: the page starts near the top, and the links wait behind the menu.
    await expect(nav).toBeHidden();
    await expect(page.getByRole("link", { name: "Notifications" })).toBeVisible();
    expect((await page.getByRole("heading", { level: 1 }).boundingBox())!.y).toBeLessThan(140);

    await button.click();
    await expect(nav).toBeVisible();
    for (const name of ["Your groups", "Dashboard", "Courses", "Roster", "Account"]) await expect(nav.getByRole("link", { name })).toBeVisible();
    await expect(menu.getByRole("button", { name: "Sign out" })).toBeVisible();
    await nav.getByRole("link", { name: "Account" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(nav).toBeHidden();

    await button.click();
    await expect(nav).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(button).toBeFocused();

    await button.click();
    await expect(nav).toBeVisible();
    await page.mouse.click(20, 780); // below the open menu
    await expect(nav).toBeHidden();
  });
});
