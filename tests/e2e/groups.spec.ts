// Groups as an organizer sets them up (decision 023): create one, edit it, archive it (it leaves
// the list and shows under "Show archived groups"), bring it back; on a desktop and on a phone.
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import type { Page } from "@playwright/test";
import { db, expect, signInViaApi, test } from "./fixtures";

async function makeOrganizer() {
  const id = randomUUID().slice(0, 8);
  const password = `pw-${id}-long-enough`;
  const org = await db.organization.findUniqueOrThrow({ where: { slug: "riverside" } });
  const user = await db.user.create({ data: { email: `org-${id}@example.test`, name: `Organizer ${id}`, passwordHash: await bcrypt.hash(password, 4) } });
  await db.organizer.create({ data: { organizationId: org.id, userId: user.id } });
  return { id, org, user, password };
}

async function createEditArchive(page: Page, label: string) {
  const o = await makeOrganizer();
  await signInViaApi(page, o.user.email, o.password);
  await page.goto("/", { waitUntil: "networkidle" });
  await page.getByRole("link", { name: "New group" }).click();
  await expect(page.getByRole("heading", { name: "Create a group" })).toBeVisible();

  // The address follows the name until it is typed; a bad one is refused with the rule.
  await page.getByLabel("Name").fill(`Évening Group ${o.id}`);
  await expect(page.getByLabel("Address")).toHaveValue(`evening-group-${o.id}`);
  await page.getByLabel("Address").fill("Evening Group!");
  await page.getByRole("button", { name: "Create group" }).click();
  await expect(page.getByText("Use only lower-case letters a–z, digits and single dashes", { exact: false })).toBeVisible();
  // A taken address is refused by the server, on its field.
  await page.getByLabel("Address").fill("intro");
  await page.getByRole("button", { name: "Create group" }).click();
  await expect(page.getByText("This address is already used by another group.")).toBeVisible();
  const slug = `evening-${o.id}`;
  await page.getByLabel("Address").fill(slug);
  await page.getByLabel("Level").selectOption({ label: "Advanced" });
  await page.getByLabel("Expected mail turnaround (days)").fill("21");
  await page.getByLabel("A pack every … weeks").fill("3");
  await page.screenshot({ path: `/tmp/groups-${label}-new.png`, fullPage: true });
  await page.getByRole("button", { name: "Create group" }).click();
  await expect(page).toHaveURL(new RegExp(`/groups/${slug}$`));
  await expect(page.getByRole("heading", { name: `Évening Group ${o.id}` })).toBeVisible();
  expect(await db.group.findUniqueOrThrow({ where: { slug } })).toMatchObject({ organizationId: o.org.id, level: "ADVANCED", expectedTurnaroundDays: 21, packIntervalDays: 21, archivedAt: null });

  // Edit: a new name and address; the schedule shows as the next due date.
  await page.getByRole("link", { name: "Group settings" }).click();
  await expect(page.getByText(/With this schedule, the next pack is due/)).toBeVisible();
  await page.getByLabel("Name").fill(`Evening Group ${o.id} (spring)`);
  await page.getByLabel("Address").fill(`${slug}-spring`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/groups/${slug}-spring/settings$`));
  await expect(page.getByRole("heading", { name: `Group settings: Evening Group ${o.id} (spring)` })).toBeVisible();
  await page.screenshot({ path: `/tmp/groups-${label}-settings.png`, fullPage: true });

  // Archive, after the app's own confirmation: read-only, gone from the list, under "show archived".
  await page.getByRole("button", { name: "Archive this group" }).click();
  await page.getByRole("group", { name: "Archive this group" }).getByRole("button", { name: "Archive this group" }).click();
  await expect(page.getByText("This group is archived: it is read-only")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(page.getByLabel("Name")).toBeDisabled();
  await page.screenshot({ path: `/tmp/groups-${label}-archived.png`, fullPage: true });
  await page.goto("/", { waitUntil: "networkidle" });
  await expect(page.getByRole("link", { name: /Introductory group/ })).toBeVisible();
  await expect(page.getByText(`Evening Group ${o.id} (spring)`)).toHaveCount(0);
  await page.getByRole("link", { name: "Show archived groups" }).click();
  const archived = page.getByRole("list", { name: "Archived groups" });
  await expect(archived.getByRole("link", { name: new RegExp(`Evening Group ${o.id}`) })).toBeVisible();
  await page.screenshot({ path: `/tmp/groups-${label}-list-archived.png`, fullPage: true });

  // Its records are kept and it opens read-only: no "new pack"; bringing it back lists it again.
  await archived.getByRole("link", { name: new RegExp(`Evening Group ${o.id}`) }).click();
  await expect(page.getByText("This group is archived: it is read-only")).toBeVisible();
  await expect(page.getByRole("button", { name: /new pack/i })).toHaveCount(0);
  await page.getByRole("link", { name: "Group settings" }).click();
  await page.getByRole("button", { name: "Bring this group back" }).click();
  await expect(page.getByRole("button", { name: "Save changes" })).toBeVisible();
  // Listed again among the organization's groups. The dashboard, searched by name: the home page
  // shows an organizer only the first 12 groups they do not run themselves, and the demo
  // organization holds every other browser test's groups too.
  await page.goto(`/dashboard?q=${encodeURIComponent(`Evening Group ${o.id}`)}`, { waitUntil: "networkidle" });
  await expect(page.getByRole("link", { name: new RegExp(`Evening Group ${o.id}`) }).first()).toBeVisible();
}

test("an organizer creates a group, edits it, archives it and brings it back", async ({ page, consoleErrors: _ }) => {
  await createEditArchive(page, "desktop");
});

test("the same on a 390 px phone", async ({ page, consoleErrors: _ }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await createEditArchive(page, "phone");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("a facilitator sees no group settings and gets not found at their address", async ({ page, consoleErrors: _, allowConsoleError }) => {
  allowConsoleError(/404/);
  const id = randomUUID().slice(0, 8);
  const password = `pw-${id}-long-enough`;
  const group = await db.group.findUniqueOrThrow({ where: { slug: "intro" } });
  const user = await db.user.create({ data: { email: `fac-${id}@example.test`, name: `Facilitator ${id}`, passwordHash: await bcrypt.hash(password, 4) } });
  await db.facilitator.create({ data: { groupId: group.id, userId: user.id } });
  await signInViaApi(page, user.email, password);
  await page.goto("/groups/intro", { waitUntil: "networkidle" });
  await expect(page.getByRole("link", { name: "Group settings" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "New group" })).toHaveCount(0);
  const response = await page.goto("/groups/intro/settings");
  expect(response?.status()).toBe(404);
  expect((await page.goto("/groups/new"))?.status()).toBe(404);
});
