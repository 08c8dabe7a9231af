// A member's pages stay light on a phone (issue 19, docs/decisions/042-light-member-pages.md):
// each loads at most its budget of JavaScript, counted as the bytes that travel — every script
// response's body as sent, gzip-compressed by `next start` (its `compress` option, on by
// default) — from the first request until the network is quiet, interactions included (the
// answer editor is typed in and saves). Each page is opened in a fresh browser context, so no
// chunk is served from an earlier page's cache and each page pays for all it needs.
import { writeFileSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { db, DEMO_PASSWORD, expect, signInViaApi, test } from "./fixtures";

/**
 * Each page's budget in bytes of gzip (1 kB = 1,000 bytes, as the browser's network panel counts
 * them): what the page loads now plus about 2.5 kB. The issue's aim is 120 kB, but Next.js 16 and
 * React 19 alone (react-dom, the router, the RSC client, Turbopack's runtime, next/link) load
 * about 135 kB on every page, and next-intl's client about 16 kB more; decision 042 has the
 * figures. A page that grows past its budget fails here: find the new chunk in this test's
 * member-page-js.txt, and load it later or on the server instead. A page made lighter: lower
 * its budget to the new figure plus the margin.
 */
const BUDGETS: Record<string, number> = {
  home: 156_000,
  group: 158_000,
  pack: 161_000,
  "answer editor": 161_000,
  discussion: 173_000,
};

type Script = { url: string; bytes: number; encoding: string };

/** Opens `path` signed in as the demo member, runs `then`, and returns every script it loaded. */
async function scriptsOf(browser: Browser, path: string, then?: (page: Page) => Promise<void>): Promise<Script[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInViaApi(page, "member@example.org", DEMO_PASSWORD);
  const pending: Promise<Script>[] = [];
  page.on("requestfinished", (request) => {
    if (request.resourceType() !== "script") return;
    pending.push(
      (async () => {
        const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
        return { url: new URL(request.url()).pathname, bytes: sizes.responseBodySize, encoding: (await response?.allHeaders())?.["content-encoding"] ?? "identity" };
      })(),
    );
  });
  await page.goto(path, { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
  if (then) {
    await then(page);
    await page.waitForLoadState("networkidle");
  }
  const scripts = await Promise.all(pending);
  await context.close();
  return scripts;
}

const total = (scripts: Script[]) => scripts.reduce((sum, s) => sum + s.bytes, 0);

test("a test fails when a member page's JavaScript grows past its budget", async ({ browser, consoleErrors: _ }, testInfo) => {
  const pack = await db.pack.findFirstOrThrow({
    where: { group: { slug: "intro" }, number: 1 },
    select: { lessons: { select: { lesson: { select: { prompts: { orderBy: { position: "asc" }, select: { id: true } } } } } } },
  });
  // The question the demo member's home sends them to: the second, where a draft waits.
  const draftPrompt = pack.lessons[0]!.lesson.prompts[1]!.id;

  const pages: { name: string; path: string; then?: (page: Page) => Promise<void> }[] = [
    { name: "home", path: "/" },
    { name: "group", path: "/groups/intro" },
    { name: "pack", path: "/groups/intro/packs/1" },
    {
      name: "answer editor",
      path: `/groups/intro/packs/1#question-${draftPrompt}`,
      // Type into the draft and let it save, then take the word back and let that save too,
      // so the demo data ends as it began.
      then: async (page) => {
        const box = page.locator(`#question-${draftPrompt}`).getByRole("textbox");
        const before = await box.inputValue();
        const draft = () => db.response.findFirst({ where: { promptId: draftPrompt, member: { person: { user: { email: "member@example.org" } } } }, select: { draftBody: true } }).then((r) => r?.draftBody);
        await box.press("ControlOrMeta+End");
        await box.pressSequentially(" budget");
        await expect.poll(draft).toBe(`${before} budget`);
        await box.fill(before);
        await expect.poll(draft).toBe(before);
      },
    },
    { name: "discussion", path: "/groups/intro/discussion" },
  ];

  const measured: { name: string; bytes: number; scripts: Script[] }[] = [];
  for (const { name, path, then } of pages) {
    const scripts = await scriptsOf(browser, path, then);
    // A figure of uncompressed bytes would not be the figure the budget is about.
    for (const s of scripts) if (s.bytes > 1024) expect(s.encoding, `${name}: ${s.url} sent compressed`).toMatch(/gzip|br|zstd/);
    measured.push({ name, bytes: total(scripts), scripts });
  }

  const report = measured.map((m) => `${m.name.padEnd(14)} ${(m.bytes / 1000).toFixed(1).padStart(6)} kB gzip in ${m.scripts.length} scripts (budget ${BUDGETS[m.name]! / 1000} kB)`).join("\n");
  // Every script of every page, in the test's output folder: where to look when a page grows.
  const details = testInfo.outputPath("member-page-js.txt");
  writeFileSync(details, `${report}\n\n${measured.map((m) => `${m.name}:\n${m.scripts.map((s) => `  ${s.bytes}\t${s.url}`).join("\n")}`).join("\n")}\n`);
  await testInfo.attach("member-page-js.txt", { path: details });
  console.log(`JavaScript of a member's pages:\n${report}`);

  for (const m of measured) expect.soft(m.bytes, `${m.name}: JavaScript (gzip bytes) within its budget`).toBeLessThanOrEqual(BUDGETS[m.name]!);
});

// The discussion's forms fetch their check (zod) on first use rather than with the page
// (components/forms/lazy-resolver.ts): it must still stop an empty reply or reason in the browser.
test("the discussion's forms load their check when first used and still say what is missing", async ({ browser, consoleErrors: _ }) => {
  const member = await browser.newContext();
  const page = await member.newPage();
  await signInViaApi(page, "member@example.org", DEMO_PASSWORD);
  await page.goto("/groups/intro/discussion");
  await page.waitForLoadState("networkidle");
  const later: string[] = [];
  page.on("requestfinished", (request) => {
    if (request.resourceType() === "script") later.push(request.url());
  });
  const replies = await db.reply.count();
  await page.getByRole("button", { name: "Send reply" }).first().click();
  await expect(page.getByText("Write a reply first.").first()).toBeVisible();
  expect(later.length, "the check's code came after the page, at the first submit").toBeGreaterThan(0);
  expect(await db.reply.count()).toBe(replies);
  await member.close();

  const staff = await browser.newContext();
  const facilitator = await staff.newPage();
  await signInViaApi(facilitator, "facilitator@example.org", DEMO_PASSWORD);
  await facilitator.goto("/groups/intro/discussion");
  await facilitator.getByText("Hide from the group").first().click();
  await facilitator.getByRole("button", { name: "Hide", exact: true }).first().click();
  await expect(facilitator.getByText("Say why, so the writer understands.").first()).toBeVisible();
  await staff.close();
});
