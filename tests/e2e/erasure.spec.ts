// An organizer erases a member's personal data from the member page, as decision 010 describes:
// the pen name typed wrong is refused and changes nothing; typed right, the legal name is gone from
// the group's pages, the answer the member shared stays (under a neutral name), the one they did
// not share is deleted, and their login no longer works.
import { db, DEMO_PASSWORD, expect, makeStudyGroup, signInViaApi, test } from "./fixtures";

test("an organizer erases a member: a wrong pen name changes nothing; the right one clears them and their login", async ({ page, browser, consoleErrors: _, allowConsoleError }) => {
  allowConsoleError(/status of 401/); // next-auth answers the former member's sign-in with 401
  const s = await makeStudyGroup();
  const legalName = s.memberUser.name;
  const penName = s.member.penName;
  const pack = await db.pack.create({
    data: { groupId: s.group.id, number: 1, title: "Erasure pack", status: "PUBLISHED", publishedAt: new Date(), lessons: { create: { lessonId: s.lesson.id, position: 1 } } },
  });
  const prompts = await db.prompt.findMany({ where: { lessonId: s.lesson.id }, orderBy: { position: "asc" } });
  const answer = (promptId: string, body: string, shared: boolean) =>
    db.response.create({ data: { packId: pack.id, memberId: s.member.id, promptId, source: "ONLINE", status: "SUBMITTED", body, version: 1, submittedAt: new Date(), shared } });
  await answer(prompts[0]!.id, `Shared words ${s.id}`, true);
  await answer(prompts[1]!.id, `Private words ${s.id}`, false);

  await signInViaApi(page, "organizer@example.org", DEMO_PASSWORD);
  await page.goto(`/groups/${s.group.slug}/members/${s.member.id}`);
  await expect(page.getByText(legalName, { exact: true })).toBeVisible();
  // Erasure waits behind its own disclosure, under the member's data.
  await page.getByText("Erase this person's data", { exact: true }).click();
  const form = page.getByRole("form", { name: "Erase this person's data" });
  const confirmation = form.getByLabel(`To confirm, type the pen name: ${penName}`);
  const erase = form.getByRole("button", { name: "Erase for good" });

  await confirmation.fill(`${penName}x`);
  await erase.click();
  await expect(form.getByText("This is not the pen name. Type it exactly as shown.")).toBeVisible();
  expect((await db.person.findUniqueOrThrow({ where: { id: s.member.personId } })).erasedAt).toBeNull();
  expect(await db.response.count({ where: { memberId: s.member.id } })).toBe(2);

  await confirmation.fill(penName);
  await erase.click();
  await expect(page).toHaveURL(new RegExp(`/groups/${s.group.slug}/members$`));
  await expect(page.getByText(legalName)).toHaveCount(0);
  await expect(page.getByText(penName, { exact: true })).toHaveCount(0);

  const person = await db.person.findUniqueOrThrow({ where: { id: s.member.personId } });
  expect(person).toMatchObject({ legalName: "", email: null, userId: null });
  expect(person.erasedAt).not.toBeNull();
  expect(await db.response.findMany({ where: { memberId: s.member.id }, select: { body: true } })).toEqual([{ body: `Shared words ${s.id}` }]);
  await page.goto(`/groups/${s.group.slug}/members/${s.member.id}`);
  await expect(page.getByText(/^Personal data erased on /)).toBeVisible();
  await expect(page.getByText(legalName)).toHaveCount(0);

  // The member's email and password no longer open anything.
  const context = await browser.newContext();
  const former = await context.newPage();
  await former.goto("/sign-in");
  await former.getByLabel("Email").fill(s.memberUser.email);
  await former.getByLabel("Password").fill(s.password);
  await former.getByRole("button", { name: "Sign in" }).click();
  await expect(former.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("That email and password do not match an account. Check both and try again.");
  await context.close();
});
