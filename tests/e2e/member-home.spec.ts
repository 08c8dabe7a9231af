// Members find their way (docs/decisions/027): the demo member's home names the pack due next
// with how much of it is answered, its link opens that pack at the first unanswered question,
// and the pack page starts with its contents, whose links jump to the sections.
import { db, DEMO_PASSWORD, expect, signInViaApi, test } from "./fixtures";

test("a member's home leads to the pack due next, and its contents lead to each section", async ({ page, consoleErrors: _ }) => {
  const pack = await db.pack.findFirstOrThrow({
    where: { group: { slug: "intro" }, number: 1 },
    select: { lessons: { select: { lesson: { select: { prompts: { orderBy: { position: "asc" }, select: { id: true } }, readings: { orderBy: { position: "asc" }, select: { id: true, title: true } } } } } } },
  });
  const { prompts, readings } = pack.lessons[0]!.lesson;
  await signInViaApi(page, "member@example.org", DEMO_PASSWORD);

  await page.goto("/");
  const next = page.getByRole("region", { name: "What to do next" });
  await expect(next).toContainText(/Pack 1 is due [A-Z][a-z]+ \d+/);
  // The demo member answered the first question and has a draft of the second.
  await expect(next).toContainText("1 of 3 questions answered · a draft is saved");
  const link = next.getByRole("link", { name: /^Continue Pack 1 in / });
  await expect(link).toHaveAttribute("href", `/groups/intro/packs/1#question-${prompts[1]!.id}`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/groups/intro/packs/1#question-${prompts[1]!.id}$`));
  await expect(page.locator(`#question-${prompts[1]!.id}`)).toBeInViewport();

  const contents = page.getByRole("navigation", { name: "In this pack" });
  await expect(contents).toContainText("1 of 3 answered");
  await expect(contents.getByRole("link")).toHaveText([
    "Letter from your facilitator",
    /^Lesson 1: /,
    ...readings.map((r) => r.title),
    "Question 1",
    "Question 2",
    "Question 3",
  ]);
  await contents.getByRole("link", { name: "Question 3" }).click();
  await expect(page).toHaveURL(new RegExp(`#question-${prompts[2]!.id}$`));
  await expect(page.locator(`#question-${prompts[2]!.id}`)).toBeInViewport();
  await page.getByRole("navigation", { name: "In this pack" }).getByRole("link", { name: readings[1]!.title }).click();
  await expect(page.getByRole("heading", { name: readings[1]!.title })).toBeInViewport();
  await page.getByRole("navigation", { name: "In this pack" }).getByRole("link", { name: "Letter from your facilitator" }).click();
  await expect(page.getByRole("heading", { name: "Letter from your facilitator" })).toBeInViewport();
});
