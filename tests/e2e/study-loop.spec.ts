// A week of a study group, as its people would do it: the facilitator builds and publishes a
// pack, the member drafts (and the draft survives a reload), submits with a double click, the
// facilitator gives feedback and the member reads it. Then the requests the browser sent (the
// submit route, the feedback server action) are replayed with another group's ids, and nothing
// changes.
import type { Browser, Page, Request } from "@playwright/test";
import { db, expect, makeStudyGroup, signInViaApi, test } from "./fixtures";

async function signedIn(browser: Browser, email: string, password: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInViaApi(page, email, password);
  return page;
}

/** Sends a captured submit again, to another URL or with another body, as the browser would (with its Origin); returns the HTTP status. */
async function replaySubmit(page: Page, request: Request, url: string, fields: unknown, origin: string | null = new URL(request.url()).origin) {
  const response = await page.context().request.post(url, {
    headers: { "content-type": "application/json", ...(origin ? { origin } : {}) },
    data: JSON.stringify(fields),
  });
  return response.status();
}

/** Sends a captured server-action request again with other arguments; returns the HTTP status. */
async function replay(page: Page, request: Request, args: unknown[]) {
  const headers = request.headers();
  const response = await page.context().request.post(request.url(), {
    headers: { "next-action": headers["next-action"]!, "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: JSON.stringify(args),
  });
  return response.status();
}

test("facilitator publishes a pack; member drafts, reloads, submits once; feedback reaches the member", async ({ browser, consoleErrors: _ }) => {
  const s = await makeStudyGroup();
  const facilitator = await signedIn(browser, s.facilitator.email, s.password);

  // Build and publish pack 1.
  await facilitator.goto(`/groups/${s.group.slug}`);
  await facilitator.getByRole("button", { name: "Start a new pack" }).click();
  // Starting asks for the lessons: the course's first lesson is suggested (ticked).
  await expect(facilitator.getByRole("checkbox", { name: new RegExp(s.lesson.title) })).toBeChecked();
  await facilitator.getByRole("button", { name: "Start the pack" }).click();
  await expect(facilitator).toHaveURL(new RegExp(`/groups/${s.group.slug}/packs/1/edit$`));
  await facilitator.getByLabel("Title (optional)").fill("Reading slowly");
  await facilitator.getByLabel("Letter to the group").fill("Dear all,\n\nTake your time with this one.");
  await facilitator.getByLabel("Due date").fill("2026-12-31");
  await expect(facilitator.getByRole("checkbox", { name: new RegExp(s.lesson.title) })).toBeChecked();
  await facilitator.getByRole("button", { name: "Save", exact: true }).click();
  await expect(facilitator.getByText("Saved.")).toBeVisible();
  await facilitator.getByRole("button", { name: "Publish to members" }).click();
  await facilitator.getByRole("dialog").getByRole("button", { name: "Publish to members" }).click();
  await expect(facilitator.getByRole("button", { name: "Publish to members" })).toHaveCount(0);
  await facilitator.goto(`/groups/${s.group.slug}/packs/1`);
  await expect(facilitator.getByRole("heading", { name: "Pack 1: Reading slowly" })).toBeVisible();
  await expect(facilitator.getByText("Take your time with this one.")).toBeVisible();

  // The member writes; the draft saves while typing and survives a reload.
  const member = await signedIn(browser, s.memberUser.email, s.password);
  await member.goto(`/groups/${s.group.slug}/packs/1`);
  await expect(member.getByRole("heading", { name: "Why slowly" })).toBeVisible();
  const answer = member.getByLabel("Your answer").first();
  await answer.fill("It made me think of my grandmother, who read every letter twice.");
  await expect(member.getByText(/Draft saved at/).first()).toBeVisible();
  await expect(member.getByText("12 words")).toBeVisible();
  await member.reload();
  await expect(member.getByLabel("Your answer").first()).toHaveValue("It made me think of my grandmother, who read every letter twice.");

  // A double click on submit makes one response.
  const submitRequest = member.waitForRequest((r) => r.method() === "POST" && r.url().endsWith(`/groups/${s.group.slug}/packs/1/responses`) && (r.postData() ?? "").includes("submitKey"));
  await member.getByRole("button", { name: "Submit answer" }).first().dblclick();
  await expect(member.getByText(/^Submitted /).first()).toBeVisible();
  // What the server renders only for a submitted response arrives without a reload: the action
  // does not revalidate, the editor refreshes the page (router.refresh) after the submit.
  await expect(member.getByLabel("Share this response with the group")).toBeVisible();
  const captured = await submitRequest;
  const responses = await db.response.findMany({ where: { memberId: s.member.id }, include: { versions: true } });
  expect(responses).toHaveLength(1);
  expect(responses[0]?.versions).toHaveLength(1);
  expect(responses[0]?.status).toBe("SUBMITTED");

  // The facilitator reads it and gives feedback.
  await facilitator.goto(`/groups/${s.group.slug}/packs/1/responses`);
  await expect(facilitator.getByText("It made me think of my grandmother")).toBeVisible();
  await expect(facilitator.getByText("1 of 1 answered")).toBeVisible();
  const feedbackRequest = facilitator.waitForRequest((r) => r.method() === "POST" && (r.postData() ?? "").includes("clientKey"));
  await facilitator.getByLabel(`Feedback to Pen ${s.id}`).fill("A lovely image. What did she do after the second reading?");
  await facilitator.getByRole("button", { name: "Send feedback" }).click();
  await expect(facilitator.getByText("Feedback sent.")).toBeVisible();
  const capturedFeedback = await feedbackRequest;

  // The member sees it beside the answer and on the home page.
  await member.reload();
  await expect(member.getByText("A lovely image. What did she do after the second reading?")).toBeVisible();
  await member.goto("/");
  await expect(member.getByRole("heading", { name: "Feedback for you" })).toBeVisible();
  await expect(member.getByText("A lovely image.", { exact: false })).toBeVisible();

  // Replays with another group's ids change nothing.
  const intro = await db.pack.findFirstOrThrow({ where: { group: { slug: "intro" }, number: 1 }, include: { lessons: { include: { lesson: { include: { prompts: true } } } } } });
  const introPrompt = intro.lessons[0]!.lesson.prompts[0]!.id;
  // Only this member's rows: other specs running beside this one may add to the demo intro pack.
  const before = await db.response.count({ where: { packId: intro.id, memberId: s.member.id } });
  const introResponse = await db.response.findFirstOrThrow({ where: { packId: intro.id, status: "SUBMITTED" } });
  const feedbackBefore = await db.feedback.count({ where: { responseId: introResponse.id } });

  const ours = JSON.parse(captured.postData() ?? "{}");
  const ourUrl = captured.url();
  const introUrl = ourUrl.replace(`/groups/${s.group.slug}/`, "/groups/intro/");
  // Control: the same replay with the member's own ids does reach the server and write, so the
  // refusals below are the authorization at work, not a malformed request.
  const secondPrompt = (await db.prompt.findFirstOrThrow({ where: { lessonId: s.lesson.id, position: 2 } })).id;
  expect(await replaySubmit(member, captured, ourUrl, { ...ours, promptId: secondPrompt, submitKey: "replayed-own-key", body: "replayed with my own ids" })).toBe(200);
  expect(await db.response.count({ where: { memberId: s.member.id, body: "replayed with my own ids" } })).toBe(1);

  expect(await replaySubmit(member, captured, introUrl, { ...ours, promptId: introPrompt, submitKey: "replayed-key-1", body: "forged" })).toBe(404);
  expect(await replaySubmit(member, captured, ourUrl, { ...ours, promptId: introPrompt, submitKey: "replayed-key-2", body: "forged" })).toBe(404);
  // From another site (or with no Origin at all), even the member's own submit is refused.
  expect(await replaySubmit(member, captured, ourUrl, { ...ours, submitKey: "replayed-key-3", body: "forged" }, "https://evil.example")).toBe(404);
  expect(await replaySubmit(member, captured, ourUrl, { ...ours, submitKey: "replayed-key-4", body: "forged" }, null)).toBe(404);
  const theirs = JSON.parse(capturedFeedback.postData() ?? "[]")[0];
  expect(await replay(facilitator, capturedFeedback, [{ ...theirs, groupSlug: s.group.slug, responseId: introResponse.id, clientKey: "replayed-feedback", body: "forged" }])).toBe(200);

  expect(await db.response.count({ where: { packId: intro.id, memberId: s.member.id } })).toBe(before);
  expect(await db.response.count({ where: { body: "forged" } })).toBe(0);
  expect(await db.responseVersion.count({ where: { body: "forged" } })).toBe(0);
  expect(await db.feedback.count({ where: { responseId: introResponse.id } })).toBe(feedbackBefore);
  expect(await db.feedback.count({ where: { body: "forged" } })).toBe(0);
});

test("a member cannot open a draft pack, or another group's pack", async ({ page, consoleErrors: _, allowConsoleError }) => {
  allowConsoleError(/status of 404/);
  const s = await makeStudyGroup();
  await db.pack.create({ data: { groupId: s.group.id, number: 1, status: "DRAFT", lessons: { create: { lessonId: s.lesson.id, position: 1 } } } });
  await signInViaApi(page, s.memberUser.email, s.password);
  expect((await page.goto(`/groups/${s.group.slug}/packs/1`))?.status()).toBe(404);
  expect((await page.goto(`/groups/intro/packs/1`))?.status()).toBe(404);
  expect((await page.goto(`/groups/${s.group.slug}/packs/1/edit`))?.status()).toBe(404);
  expect((await page.goto(`/groups/${s.group.slug}/packs/1/responses`))?.status()).toBe(404);
});
