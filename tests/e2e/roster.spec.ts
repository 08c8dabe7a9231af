// The roster as an organizer runs it: a CSV import with a bad row that is fixed and imported,
// a member moved from the introductory group to the advanced one, and a mail member released
// who accepts their invitation and finds their own earlier responses.
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { db, expect, signInViaApi, test } from "./fixtures";

async function makeOrganizer() {
  const id = randomUUID().slice(0, 8);
  const password = `pw-${id}-long-enough`;
  const org = await db.organization.findUniqueOrThrow({ where: { slug: "riverside" } });
  const user = await db.user.create({ data: { email: `org-${id}@example.test`, name: `Organizer ${id}`, passwordHash: await bcrypt.hash(password, 4) } });
  await db.organizer.create({ data: { organizationId: org.id, userId: user.id } });
  return { id, org, user, password };
}

const csv = (rows: string[][]) => ["group,legal_name,pen_name,channel,email,facility,id_number,housing_unit", ...rows.map((r) => r.join(","))].join("\n");

test("an organizer imports a roster, fixes a bad row, and imports it", async ({ page, consoleErrors: _ }) => {
  const o = await makeOrganizer();
  const facility = await db.facility.findFirstOrThrow({ where: { organizationId: o.org.id }, orderBy: { name: "asc" } });
  await signInViaApi(page, o.user.email, o.password);
  await page.goto("/roster", { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { name: "Roster import" })).toBeVisible();
  const template = await page.context().request.get((await page.getByRole("link", { name: "Download the template (CSV)" }).getAttribute("href"))!);
  expect(template.status()).toBe(200);
  expect((await template.text()).split("\n")[0]).toBe("group,legal_name,pen_name,channel,email,facility,id_number,housing_unit,language,emessage_service,emessage_contact");

  const online = ["intro", `Ada ${o.id}`, `Ada ${o.id}`, "online", `ada-${o.id}@example.test`, "", "", ""];
  const bad = ["intro", `Ben ${o.id}`, `Ben ${o.id}`, "mail", "", "Nowhere Prison", `B-${o.id}`, "Unit 1"];
  await page.getByLabel("CSV file").setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(csv([online, bad])) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("Row 3")).toBeVisible();
  await expect(page.getByText("There is no facility with this name.", { exact: false })).toBeVisible();
  expect(await db.person.count({ where: { email: `ada-${o.id}@example.test` } })).toBe(0);

  // Fixed in the spreadsheet, checked again, imported only if every row is fine.
  const fixed = [...bad.slice(0, 5), facility.name, ...bad.slice(6)];
  await page.getByLabel("CSV file").setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(csv([online, fixed])) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText(/2 new people/)).toBeVisible();
  await page.getByLabel("Import only if every row is fine").check();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible();
  await expect(page.getByLabel(`Invitation link for Ada ${o.id}`)).toHaveValue(/\/invitations\/[A-Za-z0-9_-]{43}$/);
  const ben = await db.person.findFirstOrThrow({ where: { idNumber: `B-${o.id}` }, include: { memberships: true } });
  expect(ben).toMatchObject({ legalName: `Ben ${o.id}`, facilityId: facility.id, housingUnit: "Unit 1" });
  expect(ben.memberships).toMatchObject([{ channel: "MAIL", penName: `Ben ${o.id}` }]);
  await page.screenshot({ path: "/tmp/roster-done.png", fullPage: true });

  // The same file again: nothing new.
  await page.getByLabel("CSV file").setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(csv([online, fixed])) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText(/No new people.*2 already on the roster/)).toBeVisible();
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "/tmp/roster-375.png", fullPage: true });

  // On the members page, Ada's invitation waits; a new link replaces the first.
  const first = await db.invitation.findFirstOrThrow({ where: { email: `ada-${o.id}@example.test` } });
  await page.goto("/groups/intro/members", { waitUntil: "networkidle" });
  const invitations = page.getByRole("region", { name: "Invitations" });
  const ada = invitations.getByRole("listitem").filter({ hasText: `ada-${o.id}@example.test` });
  await expect(ada.getByText(/invited, link expires/)).toBeVisible();
  await ada.getByRole("button", { name: "New link" }).click();
  await expect(page.getByLabel(`Invitation link for Ada ${o.id}`)).toHaveValue(/\/invitations\/[A-Za-z0-9_-]{43}$/);
  expect((await db.invitation.findUniqueOrThrow({ where: { id: first.id } })).revokedAt).not.toBeNull();
  await page.screenshot({ path: "/tmp/invitations-375.png", fullPage: true });
});

/** A mail member of a demo group, at the demo's first facility. */
async function makeMailMember(groupSlug: string, id: string) {
  const group = await db.group.findUniqueOrThrow({ where: { slug: groupSlug } });
  const facility = await db.facility.findFirstOrThrow({ where: { organizationId: group.organizationId }, orderBy: { name: "asc" } });
  const person = await db.person.create({ data: { organizationId: group.organizationId, legalName: `Mail ${id}`, facilityId: facility.id, idNumber: `M-${id}`, housingUnit: "B-2" } });
  const member = await db.member.create({ data: { groupId: group.id, personId: person.id, channel: "MAIL", penName: `Letters ${id}` } });
  return { group, facility, person, member };
}

test("an organizer moves a member from the introductory group to the advanced one", async ({ page, consoleErrors: _ }) => {
  const o = await makeOrganizer();
  const { member } = await makeMailMember("intro", o.id);
  await signInViaApi(page, o.user.email, o.password);
  await page.goto("/groups/intro/members", { waitUntil: "networkidle" });
  await page.getByRole("link", { name: `Mail ${o.id}` }).click();
  await expect(page.getByRole("heading", { name: `Letters ${o.id}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "Timeline" })).toHaveAttribute("href", `/groups/intro/members/${member.id}/timeline`);
  await expect(page.getByRole("link", { name: "Sharing and pen name" })).toHaveAttribute("href", `/groups/intro/members/${member.id}/sharing`);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: "/tmp/member-page.png", fullPage: true });
  await page.getByText("Move to another group").click();
  const move = page.getByRole("form", { name: "Move to another group" });
  await move.getByLabel("New group", { exact: true }).selectOption({ label: "Advanced group" });
  await move.getByLabel("Reason (optional)").fill("Finished the introduction");
  await move.getByRole("button", { name: "Move member" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Move member" }).click();
  await expect(page.getByText("Moved to Advanced group")).toBeVisible();
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "/tmp/member-page-375.png", fullPage: true });
  await page.goto("/groups/intro/members", { waitUntil: "networkidle" });
  await page.screenshot({ path: "/tmp/members-375.png", fullPage: true });
  const moved = await db.member.findUniqueOrThrow({ where: { id: member.id }, include: { movedTo: { include: { group: true } } } });
  expect(moved).toMatchObject({ status: "MOVED", movedTo: { penName: `Letters ${o.id}`, channel: "MAIL", group: { slug: "advanced" } } });
  expect(await db.personEvent.findFirst({ where: { memberId: member.id, kind: "MOVED" } })).toMatchObject({ reason: "Finished the introduction", actorId: o.user.id });
});

test("an organizer releases a mail member, who accepts the invitation and sees their own earlier responses", async ({ page, browser, consoleErrors: _ }) => {
  const o = await makeOrganizer();
  const { group, member } = await makeMailMember("intro", o.id);
  const pack = await db.pack.findFirstOrThrow({ where: { groupId: group.id, status: "PUBLISHED" }, orderBy: { number: "asc" }, include: { lessons: { include: { lesson: { include: { prompts: { orderBy: { position: "asc" } } } } } } } });
  const prompt = pack.lessons.flatMap((l) => l.lesson.prompts)[0]!;
  const letter = `What I wrote by hand ${o.id}`;
  await db.response.create({
    data: { packId: pack.id, memberId: member.id, promptId: prompt.id, source: "TRANSCRIBED", status: "SUBMITTED", body: letter, version: 1, submittedAt: new Date(), receivedOn: new Date(), transcribedById: o.user.id, versions: { create: { version: 1, body: letter } } },
  });

  await signInViaApi(page, o.user.email, o.password);
  await page.goto(`/groups/intro/members/${member.id}`, { waitUntil: "networkidle" });
  await page.getByText("Released? Move to online").click();
  const email = `released-${o.id}@example.test`;
  await page.getByLabel("Their email address").fill(email);
  await page.getByLabel("Note (optional)").fill("Released on parole");
  await page.getByRole("button", { name: "Release and invite" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Release and invite" }).click();
  const link = page.getByLabel(`Invitation link for Letters ${o.id}`);
  await expect(link).toHaveValue(/\/invitations\/[A-Za-z0-9_-]{43}$/);
  const url = await link.inputValue();
  const released = await db.person.findUniqueOrThrow({ where: { id: member.personId } });
  expect(released).toMatchObject({ email, facilityId: null, idNumber: null, housingUnit: null });
  expect(await db.personEvent.findFirst({ where: { personId: member.personId, kind: "RELEASED" } })).toMatchObject({ reason: "Released on parole", actorId: o.user.id, details: { from: { idNumber: `M-${o.id}` } } });

  // The member, in their own browser.
  const context = await browser.newContext();
  const memberPage = await context.newPage();
  await memberPage.goto(url, { waitUntil: "networkidle" });
  await memberPage.getByLabel("Your name").fill(`Released ${o.id}`);
  await memberPage.getByLabel("Choose a password").fill("a long enough password");
  await memberPage.getByLabel("Type the password again").fill("a long enough password");
  await memberPage.getByRole("button", { name: "Create account and join" }).click();
  await memberPage.waitForURL(/\/groups\/intro$/);
  await memberPage.goto(`/groups/intro/packs/${pack.number}`, { waitUntil: "networkidle" });
  await expect(memberPage.locator("textarea").first()).toHaveValue(letter);
  await context.close();
});
