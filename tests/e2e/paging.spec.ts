// The lists that grow with the organization, in the browser (docs/decisions/041): an organizer
// of a network with more groups and staff than a page pages through the dashboard's groups and
// the People page by links, finds a group and a person by search, and the pages fit a phone.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import bcrypt from "bcryptjs";
import type { Page } from "@playwright/test";
import { db, expect, signInViaApi, test } from "./fixtures";

const PAGE = 25;
const shots = process.env.SCREENSHOTS_DIR;

async function makeNetwork() {
  const id = randomUUID().slice(0, 8);
  const password = `pw-${id}-long-enough`;
  const org = await db.organization.create({ data: { slug: `paged-${id}`, name: `Paged network ${id}` } });
  const organizer = await db.user.create({ data: { email: `org-${id}@example.test`, name: `Aaron Organizer ${id}`, passwordHash: await bcrypt.hash(password, 4) } });
  await db.organizer.create({ data: { organizationId: org.id, userId: organizer.id } });
  const course = await db.course.create({ data: { organizationId: org.id, slug: `paged-${id}`, title: `Course ${id}` } });
  await db.group.createMany({
    data: Array.from({ length: PAGE + 1 }, (_, i) => ({ organizationId: org.id, courseId: course.id, slug: `paged-${id}-${i}`, name: `Paged group ${String(i).padStart(2, "0")}`, level: "INTRODUCTORY" as const })),
  });
  await db.user.createMany({ data: Array.from({ length: PAGE }, (_, i) => ({ email: `staff-${id}-${i}@example.test`, name: `Staff ${String(i).padStart(2, "0")} ${id}` })) });
  const [groups, staff] = await Promise.all([
    db.group.findMany({ where: { organizationId: org.id }, orderBy: { name: "asc" }, select: { id: true } }),
    db.user.findMany({ where: { email: { startsWith: `staff-${id}-` } }, orderBy: { email: "asc" }, select: { id: true } }),
  ]);
  await db.facilitator.createMany({ data: staff.map((u, i) => ({ userId: u.id, groupId: groups[i]!.id })) });
  return { id, organizer, password };
}

/** Serious or critical accessibility violations on the page (the tags of accessibility.spec.ts). */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
}

/** Nothing on the page is wider than the window (no sideways scrolling on a phone). */
async function fitsWidth(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

test("an organizer pages through the dashboard's groups and the staff, and finds them by search", async ({ page, consoleErrors: _ }) => {
  const n = await makeNetwork();
  await signInViaApi(page, n.organizer.email, n.password);

  await page.goto("/dashboard", { waitUntil: "networkidle" });
  const groupsPager = page.getByRole("navigation", { name: "Pages of groups" });
  await expect(groupsPager.getByText("Page 1 of 2")).toBeVisible();
  await expect(page.getByText(`Groups 1–${PAGE} of ${PAGE + 1}.`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Paged group 00" })).toBeVisible();
  await expect(page.getByRole("link", { name: `Paged group ${PAGE}` })).toHaveCount(0);
  // The level figures count every group, whatever the page.
  await expect(page.getByRole("row", { name: /^Groups/ }).first()).toContainText(String(PAGE + 1));
  await groupsPager.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/\/dashboard\?page=2$/);
  await expect(page.getByRole("link", { name: `Paged group ${PAGE}` })).toBeVisible();
  await expect(groupsPager.getByRole("link", { name: "Next page" })).toHaveCount(0);
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await fitsWidth(page)).toBe(true);
  expect(await violations(page)).toEqual([]);
  if (shots) await page.screenshot({ path: `${shots}/dashboard-page-2-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole("searchbox", { name: "Find a group by name" }).fill("group 07");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page).toHaveURL(/\/dashboard\?q=group\+07$/);
  await expect(page.getByRole("link", { name: "Paged group 07" })).toBeVisible();
  await expect(groupsPager).toHaveCount(0);
  await page.goto("/dashboard?q=nothing-like-this&page=abc", { waitUntil: "networkidle" });
  await expect(page.getByText("No group's name contains “nothing-like-this”.")).toBeVisible();

  await page.goto("/people", { waitUntil: "networkidle" });
  const staffPager = page.getByRole("navigation", { name: "Pages of staff" });
  await expect(staffPager.getByText("Page 1 of 2")).toBeVisible();
  await staffPager.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/\/people\?page=2$/);
  await expect(page.getByText(`Staff ${PAGE - 1} ${n.id}`, { exact: true })).toBeVisible();
  await page.getByRole("searchbox", { name: "Find someone by name or e-mail" }).fill(`Staff 03 ${n.id}`);
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByText(`Staff 03 ${n.id}`, { exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "Staff" }).getByRole("listitem").filter({ has: page.getByText(/@example\.test$/) })).toHaveCount(1);
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await fitsWidth(page)).toBe(true);
  if (shots) await page.screenshot({ path: `${shots}/people-search-phone.png`, fullPage: true });
  await page.goto("/people?page=2", { waitUntil: "networkidle" });
  expect(await fitsWidth(page)).toBe(true);
  expect(await violations(page)).toEqual([]);
  if (shots) await page.screenshot({ path: `${shots}/people-page-2-phone.png`, fullPage: true });
});
