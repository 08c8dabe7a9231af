// A PDF reading, from upload to a member reading it: the demo facilitator adds a 12-page PDF to a
// lesson of the demo course (a PNG named .pdf is refused first, with its message), a member of a
// group whose published pack holds that lesson sees its page count with "Read it here" and
// "Download", and the PDF is served to them inline and sandboxed; a member of another group gets
// a 404. The group and pack are made here, so the demo groups' own packs stay as they are.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { tinyPng } from "../factories/files";
import { textPdf } from "../factories/pdf-readings";
import { naughtyStrings } from "../setup/naughty-strings";
import { DEMO_PASSWORD, db, expect, makeAccount, signInViaApi, test } from "./fixtures";

/** Naughty titles that survive trimming as they are: markup, SQL, Arabic-Indic digits, emoji. */
const fits = (s: string) => s === s.trim() && !/\s{2}|[\p{Cc}\p{Cf}]/u.test(s) && s.length <= 60;
const NAUGHTY = [/<script>alert\(/, /[\u0660-\u0669]/, /🏽/u, /'; DROP TABLE/].map((pattern) => naughtyStrings.find((s) => fits(s) && pattern.test(s))!);

async function shoot(page: Page, name: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `/tmp/pdf-reading-${name}-${width}.png`, fullPage: true });
  }
}

test("a facilitator uploads a PDF reading; a member of a group with a published pack holding it opens it", async ({ page, browser, consoleErrors: _, allowConsoleError }) => {
  allowConsoleError(/status of 400/); // the refused upload's answer
  const id = randomUUID().slice(0, 6);
  const intro = await db.group.findUniqueOrThrow({ where: { slug: "intro" }, select: { organizationId: true, courseId: true } });
  const position = (await db.lesson.count({ where: { courseId: intro.courseId } })) + 1;
  const lesson = await db.lesson.create({ data: { courseId: intro.courseId, position, title: `Scanned chapters ${id}` } });
  const title = `Chapter ${id} ${NAUGHTY.join(" ")}`;

  await signInViaApi(page, "facilitator@example.org", DEMO_PASSWORD);
  await page.goto(`/courses/${intro.courseId}/lessons/${lesson.id}/readings/new`);
  await page.getByRole("radio", { name: /A PDF file/ }).check();
  const form = page.getByRole("form", { name: "Add a reading" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Author").fill("R. Williams");

  // A picture named .pdf: refused from its content, with the plain message, on the file field.
  await form.getByLabel("PDF file").setInputFiles({ name: "chapter.pdf", mimeType: "application/pdf", buffer: tinyPng() });
  await form.getByRole("button", { name: "Add reading" }).click();
  await expect(form.getByText("This file is not a PDF, whatever its name says.", { exact: false })).toBeVisible();
  expect(await db.reading.count({ where: { lessonId: lesson.id } })).toBe(0);
  await shoot(page, "upload-refused");

  await form.getByLabel("PDF file").setInputFiles({ name: "chapter 3.pdf", mimeType: "application/pdf", buffer: Buffer.from(await textPdf(12)) });
  await form.getByRole("button", { name: "Add reading" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("PDF, 12 pages")).toBeVisible();
  const reading = await db.reading.findFirstOrThrow({ where: { lessonId: lesson.id }, select: { id: true, pdfPageCount: true, pdfHasText: true, bodyMarkdown: true } });
  expect(reading).toMatchObject({ pdfPageCount: 12, pdfHasText: true, bodyMarkdown: null });

  // The lesson editor lists it with its page count.
  await page.goto(`/courses/${intro.courseId}/lessons/${lesson.id}`);
  await expect(page.getByRole("list", { name: "Readings" }).getByText("PDF, 12 pages")).toBeVisible();
  await page.goto(`/courses/${intro.courseId}/lessons/${lesson.id}/readings/${reading.id}`);
  await expect(page.getByRole("radio", { name: /A PDF file/ })).toBeChecked();
  await shoot(page, "edit-form");

  // A group of the same course, with a published pack holding the lesson, and its member.
  const group = await db.group.create({ data: { organizationId: intro.organizationId, courseId: intro.courseId, slug: `pdf-${id}`, name: `PDF readers ${id}`, level: "INTRODUCTORY" } });
  await db.pack.create({ data: { groupId: group.id, number: 1, title: "Scans", status: "PUBLISHED", publishedAt: new Date(), lessons: { create: { lessonId: lesson.id, position: 1 } } } });
  const member = await makeAccount("MEMBER", group.slug);
  const outsider = await makeAccount("MEMBER", "intro");

  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await signInViaApi(memberPage, member.email, member.password);
  await memberPage.goto(`/groups/${group.slug}/packs/1`);
  const section = memberPage.locator(`section[aria-labelledby="reading-${reading.id}"]`);
  await expect(section.getByRole("heading", { level: 3 })).toHaveText(title);
  await expect(section.getByText("PDF, 12 pages")).toBeVisible();
  const read = section.getByRole("link", { name: "Read it here" });
  await expect(read).toHaveAttribute("target", "_blank");
  await expect(section.getByRole("link", { name: "Download" })).toBeVisible();
  await shoot(memberPage, "member-view");

  // What the link opens: the PDF, inline, sandboxed.
  const href = (await read.getAttribute("href"))!;
  const served = await memberPage.request.get(href);
  expect(served.status()).toBe(200);
  expect(served.headers()).toMatchObject({ "content-type": "application/pdf", "x-content-type-options": "nosniff" });
  expect(served.headers()["content-disposition"]).toMatch(/^inline; /);
  expect(served.headers()["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
  expect((await served.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const download = await memberPage.request.get(`${href}?download=1`);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; /);
  await memberContext.close();

  // A member of another group of the same course: not found.
  const outsiderContext = await browser.newContext();
  const outsiderPage = await outsiderContext.newPage();
  await signInViaApi(outsiderPage, outsider.email, outsider.password);
  expect((await outsiderPage.request.get(href)).status()).toBe(404);
  await outsiderContext.close();
});
