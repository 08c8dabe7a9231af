// Sessions end on the server (docs/decisions/018-sessions-passwords-and-throttling.md): a cookie
// saved before signing out opens nothing afterwards; a password change signs out the person's
// other browsers and keeps this one; "sign out everywhere" ends them all. Each browser is its own
// Playwright context, as two devices would be.
import type { Browser, BrowserContext, Cookie } from "@playwright/test";
import { db, expect, makeAccount, signInViaApi, test } from "./fixtures";

test.use({ viewport: { width: 1280, height: 800 } });

async function signedInContext(browser: Browser, email: string, password: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  await signInViaApi(await context.newPage(), email, password);
  return context;
}

/** Whether a browser with these cookies is let into the member's group. */
async function opensGroup(browser: Browser, cookies: Cookie[]): Promise<boolean> {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto("/groups/intro");
  const inside = !/\/sign-in/.test(page.url());
  await context.close();
  return inside;
}

test("after signing out, the cookie saved before opens nothing", async ({ page, browser, consoleErrors: _ }) => {
  const account = await makeAccount("MEMBER", "intro");
  await signInViaApi(page, account.email, account.password);
  const saved = await page.context().cookies();
  expect(await opensGroup(browser, saved)).toBe(true);

  await page.goto("/");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await opensGroup(browser, saved)).toBe(false);
});

test("changing the password signs out the other browser and keeps this one signed in", async ({ page, browser, allowConsoleError }) => {
  allowConsoleError(/status of 401/); // the other browser's sign-in with the old password below is answered 401
  const account = await makeAccount("MEMBER", "intro");
  await signInViaApi(page, account.email, account.password);
  const other = await signedInContext(browser, account.email, account.password);
  const otherCookies = await other.cookies();
  expect(await opensGroup(browser, otherCookies)).toBe(true);

  await page.goto("/account");
  const form = page.getByRole("form", { name: "Change your password" });
  const current = form.getByLabel("Current password");
  const fresh = form.getByLabel("New password", { exact: true });
  const again = form.getByLabel("New password again");

  // Refusals come back beside the field they are about, and change nothing.
  await current.fill(account.password);
  await fresh.fill("password123");
  await again.fill("password123");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("This is a commonly used password. Choose something else.")).toBeVisible();
  await expect(fresh).toHaveAttribute("aria-invalid", "true");
  await fresh.fill("too short");
  await again.fill("too short");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("Use at least 10 characters.")).toBeVisible();
  await current.fill("not my password at all");
  await fresh.fill("seven owls read by lamplight");
  await again.fill("seven owls read by lamplight");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("This is not your current password.")).toBeVisible();
  await expect(current).toHaveAttribute("aria-invalid", "true");
  expect(await opensGroup(browser, otherCookies)).toBe(true);

  await current.fill(account.password);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("Password changed. One other device was signed out.")).toBeVisible();
  await expect(current).toHaveValue("");

  // The other browser is signed out; this one is not.
  const otherPage = await other.newPage();
  await otherPage.goto("/groups/intro");
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await page.goto("/groups/intro");
  await expect(page.getByRole("heading", { name: "Introductory group (autumn)" })).toBeVisible();

  // The new password signs in (and the old one does not), with the form.
  await otherPage.getByLabel("Email").fill(account.email);
  await otherPage.getByLabel("Password").fill(account.password);
  await otherPage.getByRole("button", { name: "Sign in" }).click();
  await expect(otherPage.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("That email and password do not match an account. Check both and try again.");
  await otherPage.getByLabel("Password").fill("seven owls read by lamplight");
  await otherPage.getByRole("button", { name: "Sign in" }).click();
  await expect(otherPage).toHaveURL(/\/groups\/intro$/);
  expect((await db.user.findUniqueOrThrow({ where: { id: account.id } })).passwordHash).toMatch(/^\$argon2id\$/);
  await other.close();
});

test("sign out everywhere ends this browser's session and every other", async ({ page, browser, consoleErrors: _ }) => {
  const account = await makeAccount("FACILITATOR", "intro");
  await signInViaApi(page, account.email, account.password);
  const saved = await page.context().cookies();
  const other = await signedInContext(browser, account.email, account.password);
  const otherCookies = await other.cookies();
  await other.close();

  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await opensGroup(browser, saved)).toBe(false);
  expect(await opensGroup(browser, otherCookies)).toBe(false);
  expect(await db.session.count({ where: { userId: account.id } })).toBe(0);
});

test("after many wrong passwords from here, the sign-in form names the wait and says the account is not locked", async ({ page, consoleErrors: _, allowConsoleError }) => {
  allowConsoleError(/status of 401/);
  const account = await makeAccount("MEMBER", "intro");
  // Nine recent failures of this account from this machine (whichever loopback address the
  // browser uses): the next try waits 16 s (eighteen rows stay below the under-attack mark of 20).
  await db.signInAttempt.createMany({ data: ["127.0.0.1", "::1"].flatMap((ip) => Array.from({ length: 9 }, () => ({ email: account.email, ip, succeeded: false }))) });
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("Too many attempts. Wait a minute, then try again. Your account is not locked.");
  await expect(page).toHaveURL(/\/sign-in/);

  // Claiming to be someone else in X-Forwarded-For changes nothing: no trusted proxy is configured.
  const request = page.context().request;
  const headers = { connection: "close" };
  const { csrfToken } = (await (await request.get("/api/auth/csrf", { headers })).json()) as { csrfToken: string };
  const forged = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: account.email, password: account.password, json: "true" },
    headers: { ...headers, "x-forwarded-for": "203.0.113.5" },
    maxRedirects: 0,
  });
  expect(((await forged.json()) as { url: string }).url).toContain("error=TooManyAttempts");
});

test.describe("the account page as a person sees it", () => {
  for (const width of [1280, 390]) {
    test(`at ${width} px: labelled fields, reasons beside them, keyboard order`, async ({ page, consoleErrors: _ }) => {
      await page.setViewportSize({ width, height: 900 });
      const account = await makeAccount("MEMBER", "intro");
      await signInViaApi(page, account.email, account.password);
      await page.goto("/account");
      await expect(page.getByRole("heading", { name: "Sign-in and security" })).toBeVisible();
      const form = page.getByRole("form", { name: "Change your password" });
      await form.getByLabel("Current password").fill(account.password);
      await form.getByLabel("New password", { exact: true }).fill("qwertyuiop12");
      await form.getByLabel("New password again").fill("qwertyuiop13");
      await form.getByRole("button", { name: "Change password" }).click();
      await expect(form.getByText("The two passwords are not the same.")).toBeVisible();
      await form.getByLabel("New password again").fill("qwertyuiop12");
      await form.getByRole("button", { name: "Change password" }).click();
      const reason = form.getByText(/easy to guess|commonly used password/);
      await expect(reason).toBeVisible();
      // The reason is read out with its field.
      const described = await form.getByLabel("New password", { exact: true }).getAttribute("aria-describedby");
      expect(described?.split(" ").length).toBe(2);

      // Keyboard: from the current password, Tab goes through the fields to the button.
      await form.getByLabel("Current password").focus();
      await page.keyboard.press("Tab");
      await expect(form.getByLabel("New password", { exact: true })).toBeFocused();
      await page.keyboard.press("Tab");
      await expect(form.getByLabel("New password again")).toBeFocused();
      await page.keyboard.press("Tab");
      await expect(form.getByRole("button", { name: "Change password" })).toBeFocused();
      await page.screenshot({ path: `tests/.tmp/screens/account-${width}.png`, fullPage: true });
    });
  }
});
