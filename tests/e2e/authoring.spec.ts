// Authoring a course in the browser: the demo facilitator (who runs `intro` and `advanced`,
// both on the demo course) adds a lesson, pastes a long reading with a heading, a quotation and
// a footnote, adds prompts, reorders, and reads the result as members will. A member who opens
// the editor's address gets the 404 page.
import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD, db, expect, signInViaApi, test } from "./fixtures";

const COURSE = "Foundations: Work, Wages and Time";

/** About 30 pages: a heading, a block quote and a footnote, then many paragraphs and a list. */
function article(): string {
  const paragraph =
    "The clock entered the workshop before it entered the home. Where work had followed the task, it came to follow the hour, and the hour was measured by someone else. ";
  const parts = [
    "# The working day",
    "",
    "> Time is now currency: it is not passed but spent.",
    "",
    "The change was slow, and it was resisted.[^1]",
    "",
  ];
  for (let section = 1; section <= 12; section++) {
    parts.push(`## Part ${section}`, "");
    for (let p = 0; p < 10; p++) parts.push(paragraph.repeat(6), "");
    parts.push("- the bell", "- the fine", "- the watch", "");
  }
  parts.push("[^1]: See the petitions of the weavers, 1790s.");
  return parts.join("\n");
}

test("a facilitator builds a lesson: reading, prompts, order, and the reading as members see it", async ({ page, consoleErrors: _ }) => {
  const id = randomUUID().slice(0, 6);
  const first = `The working day ${id}`;
  const second = `Wages ${id}`;
  await signInViaApi(page, "facilitator@example.org", DEMO_PASSWORD);

  await page.goto("/courses");
  await page.getByRole("list", { name: "Courses" }).getByRole("link", { name: new RegExp(COURSE) }).click();
  await expect(page.getByRole("heading", { level: 1, name: COURSE })).toBeVisible();

  // Two lessons, added at the end of the course.
  const addLesson = page.getByRole("form", { name: "Add a lesson" });
  for (const title of [first, second]) {
    await addLesson.getByLabel("Lesson title").fill(title);
    await addLesson.getByRole("button", { name: "Add lesson" }).click();
    await expect(addLesson.getByRole("status")).toContainText(`Added “${title}”.`);
  }
  const lessons = page.getByRole("list", { name: "Lessons" });
  const titles = () => lessons.getByRole("heading", { level: 3 }).allTextContents();
  await expect.poll(async () => (await titles()).slice(-2)).toEqual([first, second]);

  // Reorder: the second moves up, keeping focus on its arrow; moving it down restores the order.
  await page.getByRole("button", { name: `Move “${second}” up` }).click();
  await expect.poll(async () => (await titles()).slice(-2)).toEqual([second, first]);
  await expect(page.getByRole("button", { name: `Move “${second}” up` })).toBeFocused();
  await page.getByRole("button", { name: `Move “${second}” down` }).click();
  await expect.poll(async () => (await titles()).slice(-2)).toEqual([first, second]);
  await expect(page.getByRole("button", { name: `Move “${first}” down` })).toBeEnabled();
  await expect(page.getByRole("button", { name: `Move “${second}” down` })).toBeDisabled();

  // A reading, pasted whole.
  await lessons.getByRole("link", { name: first }).click();
  await expect(page.getByRole("heading", { level: 1, name: first })).toBeVisible();
  await page.getByRole("link", { name: "Add a reading" }).click();
  await page.getByLabel("Title", { exact: true }).fill("Time, work-discipline and industrial capitalism");
  await page.getByLabel("Author").fill("E. P. Thompson");
  await page.getByLabel("Pages").fill("56–97");
  await page.getByLabel("Text", { exact: true }).fill(article());
  await page.getByRole("button", { name: /^Use \d+ minutes$/ }).click();
  await page.getByRole("button", { name: "Add reading" }).click();

  // Straight to the preview: rendered, not Markdown source.
  await expect(page.getByRole("status")).toHaveText("Reading added. This is how members will see it.");
  const reading = page.getByRole("article");
  await expect(reading.getByRole("heading", { level: 1, name: "Time, work-discipline and industrial capitalism" })).toBeVisible();
  await expect(reading.getByText("by E. P. Thompson")).toBeVisible();
  await expect(reading.getByRole("heading", { name: "The working day" })).toBeVisible();
  await expect(reading.locator("blockquote")).toHaveText("Time is now currency: it is not passed but spent.");
  await expect(reading.getByRole("heading", { name: "Part 12" })).toBeVisible();
  const noteLink = reading.locator("sup a").first();
  await expect(noteLink).toHaveText("1");
  await expect(reading.locator(".footnotes")).toContainText("See the petitions of the weavers, 1790s.");
  await expect(reading).not.toContainText("[^1]");
  await expect(reading).not.toContainText("> Time");

  // Two prompts, the first about the reading.
  await page.getByRole("link", { name: first }).click();
  const addPrompt = page.getByRole("form", { name: "Add a prompt" });
  await addPrompt.getByLabel("Question").fill("What changed when work followed the clock?");
  await addPrompt.getByLabel("About").selectOption({ label: "Time, work-discipline and industrial capitalism" });
  await addPrompt.getByRole("button", { name: "Add prompt" }).click();
  await expect(addPrompt.getByRole("status")).toHaveText("Prompt added.");
  await expect(addPrompt.getByLabel("Question")).toHaveValue("");
  await addPrompt.getByLabel("Question").fill("Where do you see the clock in your own day?");
  await addPrompt.getByLabel("About").selectOption({ label: "The whole lesson" });
  await addPrompt.getByRole("button", { name: "Add prompt" }).click();

  const prompts = page.getByRole("list", { name: "Discussion prompts" }).getByRole("listitem");
  await expect(prompts).toHaveCount(2);
  await expect(prompts.nth(0)).toContainText("What changed when work followed the clock?");
  await expect(prompts.nth(0)).toContainText("About “Time, work-discipline and industrial capitalism”");
  await expect(prompts.nth(1)).toContainText("About the whole lesson");

  await page.getByRole("button", { name: "Move “prompt 2” up" }).click();
  await expect(prompts.nth(0)).toContainText("Where do you see the clock in your own day?");
  await expect(prompts.nth(1)).toContainText("What changed when work followed the clock?");

  // A prompt is edited in place; the cursor goes into it, then back to its Edit button.
  await page.getByRole("button", { name: "Edit prompt 2" }).click();
  const editPrompt = page.getByRole("form", { name: "Edit prompt" });
  await expect(editPrompt.getByLabel("Question")).toBeFocused();
  await editPrompt.getByLabel("Question").fill("What changed when work followed the clock, and who resisted?");
  await editPrompt.getByRole("button", { name: "Save changes" }).click();
  await expect(prompts.nth(1)).toContainText("and who resisted?");
  await expect(page.getByRole("button", { name: "Edit prompt 2" })).toBeFocused();

  // Everything is there after a reload, and the course lists the lesson's contents.
  await page.reload();
  await expect(prompts.nth(0)).toContainText("Where do you see the clock in your own day?");
  await expect(page.getByRole("list", { name: "Readings" }).getByRole("listitem")).toHaveCount(1);
  await page.getByRole("link", { name: COURSE }).click();
  await expect(lessons.getByRole("listitem").filter({ hasText: first })).toContainText("1 reading · 2 prompts");
});

test("a failed save keeps what was typed, and a deleted lesson leaves no gap", async ({ page, consoleErrors: _, allowConsoleError }) => {
  const id = randomUUID().slice(0, 6);
  await signInViaApi(page, "facilitator@example.org", DEMO_PASSWORD);
  const course = await db.course.findFirstOrThrow({ where: { slug: "foundations" }, select: { id: true } });
  await page.goto(`/courses/${course.id}`);

  const addLesson = page.getByRole("form", { name: "Add a lesson" });
  await addLesson.getByLabel("Summary").fill(`A summary worth keeping ${id}`);
  await addLesson.getByRole("button", { name: "Add lesson" }).click();
  await expect(addLesson.getByText("Enter a title.")).toBeVisible();
  await expect(addLesson.getByLabel("Summary")).toHaveValue(`A summary worth keeping ${id}`);
  await expect(addLesson.getByLabel("Lesson title")).toHaveAttribute("aria-invalid", "true");

  // A save that never reaches the server says so and keeps the text.
  allowConsoleError(/Failed to (load resource|fetch)|ERR_FAILED/);
  await page.route(`**/courses/${course.id}`, (route) => (route.request().method() === "POST" ? route.abort() : route.fallback()));
  await addLesson.getByLabel("Lesson title").fill(`To delete ${id}`);
  await addLesson.getByRole("button", { name: "Add lesson" }).click();
  await expect(addLesson.getByRole("alert")).toContainText("Not saved");
  await expect(addLesson.getByLabel("Lesson title")).toHaveValue(`To delete ${id}`);
  await expect(addLesson.getByLabel("Summary")).toHaveValue(`A summary worth keeping ${id}`);
  await page.unroute(`**/courses/${course.id}`);

  await addLesson.getByRole("button", { name: "Add lesson" }).click();
  await expect(addLesson.getByRole("status")).toContainText(`Added “To delete ${id}”.`);
  await page.getByRole("button", { name: `Delete “To delete ${id}”` }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByRole("heading", { name: `To delete ${id}` })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 2, name: "Lessons" })).toBeFocused();
  const positions = (await db.lesson.findMany({ where: { courseId: course.id }, orderBy: { position: "asc" }, select: { position: true } })).map((l) => l.position);
  expect(positions).toEqual(positions.map((_, i) => i + 1));
});

test("a member opening the course editor gets the 404 page", async ({ page, consoleErrors: _, allowConsoleError }) => {
  allowConsoleError(/status of 404/);
  const course = await db.course.findFirstOrThrow({ where: { slug: "foundations" }, select: { id: true } });
  await signInViaApi(page, "member@example.org", DEMO_PASSWORD);
  const response = await page.goto(`/courses/${course.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByText(COURSE)).toHaveCount(0);

  await page.goto("/courses");
  await expect(page.getByText("There is no course for you to edit yet.")).toBeVisible();
});

test("an organizer starts a new course and lands in its editor", async ({ page, consoleErrors: _ }) => {
  const title = `Reading Capital ${randomUUID().slice(0, 6)}`;
  await signInViaApi(page, "organizer@example.org", DEMO_PASSWORD);
  await page.goto("/courses", { waitUntil: "networkidle" }); // the form works once the page is live
  const form = page.getByRole("form", { name: "Start a new course" });
  await form.getByLabel("Course title").fill(title);
  await form.getByRole("button", { name: "Create course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("No lessons yet. Add the first one below.")).toBeVisible();
  await page.getByRole("link", { name: "All courses" }).click();
  await expect(page.getByRole("list", { name: "Courses" }).getByRole("link", { name: new RegExp(title) })).toContainText("No lessons yet");
});
