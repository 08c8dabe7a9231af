// The accessibility bar (issue 17): axe-core finds no violation of impact serious or critical on
// any page, for every role, at phone and desktop width, in English and Spanish, and the keyboard's
// focus can be seen on every control tabbed to. Pages are the demo program's, found
// through the database so that the list follows the data; each role's tour is its own test so
// the two workers share them. Violations are collected over the whole tour and reported together
// (page, width, rule, and the first elements), so one run shows everything to fix.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { db, DEMO_PASSWORD, expect, signInViaApi, test } from "./fixtures";

// The tours only read: they run side by side on both workers (the file would take 8 minutes alone).
test.describe.configure({ mode: "parallel" });

const WIDTHS = [390, 1280] as const;
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

async function demoPaths() {
  const intro = await db.group.findUniqueOrThrow({ where: { slug: "intro" }, select: { id: true, organizationId: true, courseId: true } });
  const lesson = await db.lesson.findFirstOrThrow({ where: { courseId: intro.courseId }, orderBy: { position: "asc" }, select: { id: true, readings: { select: { id: true }, take: 1 } } });
  const member = await db.member.findFirstOrThrow({ where: { groupId: intro.id, channel: "MAIL" }, select: { id: true } });
  const facility = await db.facility.findFirstOrThrow({ where: { organizationId: intro.organizationId }, select: { id: true } });
  const pack = await db.pack.findFirstOrThrow({ where: { groupId: intro.id, status: "PUBLISHED" }, orderBy: { number: "asc" }, select: { number: true } });
  const course = `/courses/${intro.courseId}`;
  const lessonPath = `${course}/lessons/${lesson.id}`;
  const groupPages = [
    "/groups/intro",
    `/groups/intro/packs/${pack.number}`,
    `/groups/intro/packs/${pack.number}/responses`,
    `/groups/intro/packs/${pack.number}/mail`,
    "/groups/intro/progress",
    "/groups/intro/members",
    `/groups/intro/members/${member.id}`,
    `/groups/intro/members/${member.id}/timeline`,
    `/groups/intro/members/${member.id}/sharing`,
    "/groups/intro/discussion",
    "/transcribe",
    "/courses",
    course,
    lessonPath,
    ...(lesson.readings[0] ? [`${lessonPath}/readings/${lesson.readings[0].id}`] : []),
  ];
  return {
    organizer: ["/", "/dashboard", "/people", "/roster", "/settings", "/audit", "/facilities", `/facilities/${facility.id}`, "/groups/intro/settings", "/groups/new", ...groupPages, "/notifications", "/account"],
    facilitator: ["/", ...groupPages, "/notifications", "/account"],
    member: ["/", "/groups/intro", `/groups/intro/packs/${pack.number}`, "/groups/intro/discussion", "/groups/intro/sharing", "/notifications", "/account"],
  };
}

/**
 * Tabs through the first controls of the page and names those whose focus cannot be seen: the
 * app's ring is a 3 px outline (app/globals.css), so an element without one hides where the
 * keyboard is (WCAG 2.4.7).
 */
async function unseenFocus(page: Page, presses = 15): Promise<string[]> {
  const unseen: string[] = [];
  await page.locator("body").focus();
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const visible = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== "none";
      return { visible, what: `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 40)}"` };
    });
    if (focused && !focused.visible) unseen.push(focused.what);
  }
  return unseen;
}

async function tour(page: Page, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of paths) {
      const response = await page.goto(path, { waitUntil: "networkidle" });
      expect(response?.status(), path).toBeLessThan(400);
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      for (const v of results.violations) {
        if (v.impact !== "serious" && v.impact !== "critical") continue;
        found.push(`${path} @${width}px: ${v.id} (${v.impact}) — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
      }
      if (width === 1280) found.push(...(await unseenFocus(page)).map((what) => `${path}: no visible focus on ${what}`));
    }
  }
  return found;
}

// Each role in each language (the browser's language decides for the demo accounts, which have
// not chosen one): the Spanish pages are other words in the same places, and words change names.
for (const [language, locale] of [["English", "en-US"], ["Spanish", "es-MX"]] as const) {
  for (const role of ["organizer", "facilitator", "member"] as const) {
    test(`no serious or critical axe violation on any page, as the ${role}, in ${language}, at 390 and 1280 px`, async ({ browser }) => {
      test.setTimeout(300_000);
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await signInViaApi(page, `${role}@example.org`, DEMO_PASSWORD);
      const paths = (await demoPaths())[role];
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", locale.slice(0, 2));
      expect(await tour(page, paths)).toEqual([]);
      await context.close();
    });
  }

  test(`no serious or critical axe violation on the pages before signing in, in ${language}`, async ({ browser }) => {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    expect(await tour(page, ["/sign-in", "/forgot-password"])).toEqual([]);
    await context.close();
  });
}
