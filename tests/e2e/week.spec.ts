// A facilitator's week in the browser (docs/decisions/026-facilitators-week.md): the group page's
// "This week" panel counts what waits and each count opens the page where it is done; the home
// page sums up the groups one facilitates. Exact counts on the test's own group (makeMailGroup);
// the demo facilitator sees the panel on a demo group.
import { db, DEMO_PASSWORD, expect, makeMailGroup, signInViaApi, test } from "./fixtures";

const shots = process.env.SCREENSHOTS_DIR;

test("a facilitator's week: counts on the group page and the home page, each a link to the work", async ({ page, consoleErrors: _ }) => {
  const s = await makeMailGroup();
  // The online member answered one prompt; the two mail members' packs are prepared, not printed.
  const prompt = await db.prompt.findFirstOrThrow({ where: { lessonId: s.lesson.id }, orderBy: { position: "asc" } });
  await db.response.create({
    data: { packId: s.pack.id, memberId: s.member.id, promptId: prompt.id, body: "An answer", status: "SUBMITTED", source: "ONLINE", version: 1, submittedAt: new Date(), versions: { create: { version: 1, body: "An answer" } } },
  });

  await signInViaApi(page, s.facilitator.email, s.password);
  await page.goto(`/groups/${s.group.slug}`);
  const week = page.getByRole("region", { name: "This week" });
  await expect(week.getByRole("link")).toHaveText(["1 answer to pack 1 waiting for feedback", "2 mail members not yet in a print run of pack 1"]);
  await week.getByRole("link", { name: "1 answer to pack 1 waiting for feedback" }).click();
  await expect(page).toHaveURL(new RegExp(`/groups/${s.group.slug}/packs/1/responses$`));

  await page.goto("/");
  const summary = page.getByRole("region", { name: "This week" });
  await expect(summary.getByRole("link", { name: s.group.name })).toBeVisible();
  await summary.getByRole("link", { name: "2 mail members not yet in a print run of pack 1" }).click();
  await expect(page).toHaveURL(new RegExp(`/groups/${s.group.slug}/packs/1/mail$`));

  // New answers reach the facilitator as one notification per pack, with its count (made by the
  // submit in the database: lib/notifications/answers-arrived.test.ts); the list shows it with its link.
  await db.notification.create({
    data: { userId: s.facilitator.id, kind: "answersArrived", data: { groupSlug: s.group.slug, groupName: s.group.name, packNumber: 1, packId: s.pack.id, count: 3, href: `/groups/${s.group.slug}/packs/1/responses` } },
  });
  await page.goto("/notifications");
  await expect(page.getByText(`3 new answers to pack 1 of ${s.group.name}`)).toBeVisible();
  await page.getByRole("link", { name: "Open" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/groups/${s.group.slug}/packs/1/responses$`));
});

test("the demo facilitator sees the week of a demo group, and its summary at home", async ({ page, consoleErrors: _ }) => {
  await signInViaApi(page, "facilitator@example.org", DEMO_PASSWORD);
  for (const width of shots ? [1280, 390] : [1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/groups/intro");
    await expect(page.getByRole("heading", { name: "This week", level: 2 })).toBeVisible();
    if (shots) await page.screenshot({ path: `${shots}/week-group-${width}.png`, fullPage: true });
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "This week", level: 2 })).toBeVisible();
    if (shots) await page.screenshot({ path: `${shots}/week-home-${width}.png`, fullPage: true });
  }
});
