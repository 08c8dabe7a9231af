// The discussion across the walls, as its people would do it: an online member chooses a pen
// name and shares an answer; a facilitator records a mail member's consent from a letter; another
// member replies to both; the facilitator features the answer in the next pack and publishes it;
// the mail member's pack PDF (read back with pdftotext) prints the excerpt under a pen name and
// the reply to their own letter, and no one else's legal name. The writer sees the notification.
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "@playwright/test";
import bcrypt from "bcryptjs";
import { db, expect, makeMailGroup, signInViaApi, test } from "./fixtures";

const exec = promisify(execFile);

async function pdfText(bytes: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "studypack-e2e-pdf-"));
  const file = path.join(dir, "pack.pdf");
  await writeFile(file, bytes);
  return (await exec("pdftotext", ["-layout", file, "-"])).stdout.replace(/\s+/g, " ");
}

async function signedIn(browser: Browser, email: string, password: string, errors: string[]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await signInViaApi(page, email, password);
  return page;
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `/tmp/discussion-${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `/tmp/discussion-${name}-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("a member shares, another replies, the facilitator features it, and the mail member's next pack prints the reply", async ({ page, browser, consoleErrors }) => {
  test.setTimeout(180_000);
  const s = await makeMailGroup();
  const [ada] = s.mailMembers as [(typeof s.mailMembers)[number]];
  const prompt = await db.prompt.findFirstOrThrow({ where: { lessonId: s.lesson.id, position: 1 } });
  // A second online member, who will reply.
  const replierUser = await db.user.create({ data: { email: `rep-${s.id}@example.test`, name: `Replier Legal ${s.id}`, passwordHash: await bcrypt.hash(s.password, 4) } });
  const replierPerson = await db.person.create({ data: { organizationId: s.group.organizationId, userId: replierUser.id, legalName: replierUser.name, email: replierUser.email } });
  const replier = await db.member.create({ data: { groupId: s.group.id, personId: replierPerson.id, channel: "ONLINE", penName: `Answerer ${s.id}`, sharingPreference: "GROUP", sharingConsentAt: new Date() } });

  // 1. The member chooses a pen name and to share with the group, then answers.
  page.on("pageerror", (e) => consoleErrors.push(e.message));
  await signInViaApi(page, s.memberUser.email, s.password);
  await page.goto(`/groups/${s.group.slug}/sharing`, { waitUntil: "networkidle" });
  await page.getByRole("textbox", { name: "Pen name" }).fill(`Lantern ${s.id}`);
  await page.getByRole("radio", { name: /^Share with my group/ }).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await shoot(page, "sharing");
  await page.goto(`/groups/${s.group.slug}/packs/1`, { waitUntil: "networkidle" });
  await page.getByLabel("Your answer").first().fill("Slow reading is a kind of resistance to the clock.");
  await page.getByRole("button", { name: "Submit answer" }).first().click();
  const share = page.getByLabel("Share this response with the group");
  await expect(share).toBeChecked();

  // 2. The facilitator records Ada's consent from her letter; her letter is transcribed.
  const facilitator = await signedIn(browser, s.facilitator.email, s.password, consoleErrors);
  await facilitator.goto(`/groups/${s.group.slug}/discussion`, { waitUntil: "networkidle" });
  await facilitator.getByRole("link", { name: "Record their choice" }).first().click();
  await facilitator.waitForURL(`**/members/**/sharing`);
  await facilitator.waitForLoadState("networkidle");
  const adaHref = facilitator.url();
  expect(adaHref).toContain(ada.id);
  await facilitator.getByRole("radio", { name: /^Share with my group/ }).check();
  await facilitator.getByLabel("Date of the letter").fill("2026-11-01");
  await facilitator.getByRole("button", { name: "Save" }).click();
  await expect(facilitator.getByText(/Recorded: Share with my group/)).toBeVisible();
  // Her letter is transcribed (the old single-question address opens the letter's desk); she
  // ticked "yes" on the sheet's consent line, and her recorded consent lets the group read it.
  await facilitator.goto(`/groups/${s.group.slug}/packs/1/transcribe/${ada.id}/${prompt.id}`, { waitUntil: "networkidle" });
  await facilitator.getByLabel("What they wrote for question 1").fill("In here the clock belongs to the count.");
  await facilitator.getByRole("group", { name: "Sharing, as ticked on the sheet" }).first().getByLabel("Yes").check();
  await shoot(facilitator, "transcribe");
  await facilitator.getByRole("button", { name: "File this letter" }).click();
  await expect(facilitator.getByText(/Filed 1 answer for/)).toBeVisible();
  expect((await db.response.findFirstOrThrow({ where: { memberId: ada.id } })).shared).toBe(true);

  // 3. The other member replies to both, under their own pen name.
  const member2 = await signedIn(browser, replierUser.email, s.password, consoleErrors);
  await member2.goto(`/groups/${s.group.slug}/discussion`, { waitUntil: "networkidle" });
  await expect(member2.getByText(`Lantern ${s.id}`, { exact: true })).toBeVisible();
  await expect(member2.getByText(s.memberUser.name)).toHaveCount(0);
  await member2.getByLabel(`Your reply to Lantern ${s.id}`).fill("I felt that too: reading slowly gave me my evenings back.");
  await member2.getByRole("button", { name: "Send reply" }).first().dblclick();
  await expect(member2.getByText("I felt that too: reading slowly gave me my evenings back.")).toBeVisible();
  await member2.getByLabel(`Your reply to ${ada.penName}`).fill("Ada, your line about the count stays with me. Write again.");
  await member2.getByRole("button", { name: "Send reply" }).last().click();
  await expect(member2.getByText("Ada, your line about the count stays with me. Write again.")).toBeVisible();
  expect(await db.reply.count({ where: { memberId: replier.id } })).toBe(2);
  await shoot(member2, "discussion");

  // 4. The facilitator builds pack 2: features Lantern's answer as an excerpt, then publishes.
  await db.pack.create({ data: { groupId: s.group.id, number: 2, title: "Answers", lessons: { create: { lessonId: s.lesson.id, position: 1 } } } });
  await facilitator.goto(`/groups/${s.group.slug}/packs/2/edit`, { waitUntil: "networkidle" });
  await facilitator.getByRole("button", { name: `Add: Lantern ${s.id}` }).click();
  await facilitator.getByLabel("Excerpt (leave empty to print the whole text)").fill("Slow reading is a kind of resistance.");
  await facilitator.getByLabel("Note to the group (optional)").fill("From pack 1, question 1.");
  await facilitator.getByRole("button", { name: "Save featured responses" }).click();
  await expect(facilitator.getByText("Saved.").last()).toBeVisible();
  await shoot(facilitator, "featuring");
  await facilitator.getByRole("button", { name: "Publish to members" }).click();
  await facilitator.getByRole("dialog").getByRole("button", { name: "Publish to members" }).click();
  await expect(facilitator.getByRole("button", { name: "Publish to members" })).toHaveCount(0);
  // The button also goes while the publish is still under way: wait for the pack itself.
  await expect.poll(async () => (await db.pack.findFirstOrThrow({ where: { groupId: s.group.id, number: 2 } })).status).toBe("PUBLISHED");
  const featured = await db.featuredResponse.findFirstOrThrow({ where: { pack: { groupId: s.group.id, number: 2 } }, include: { response: true } });
  expect(featured.excerpt).toBe("Slow reading is a kind of resistance.");
  expect(featured.response.body).toBe("Slow reading is a kind of resistance to the clock.");

  // 5. Ada's pack 2, as printed: the excerpt by pen name, and the reply to her letter.
  const pdf = await facilitator.context().request.get(`/groups/${s.group.slug}/packs/2/print/${ada.id}`);
  expect(pdf.status()).toBe(200);
  const text = await pdfText(await pdf.body());
  expect(text).toContain("From the group");
  expect(text).toContain("Slow reading is a kind of resistance.");
  expect(text).toContain(`— Lantern ${s.id}`);
  expect(text).toContain("Replies to your response");
  expect(text).toContain("In here the clock belongs to the count.");
  expect(text).toContain("Ada, your line about the count stays with me. Write again.");
  expect(text).toContain(`Answerer ${s.id}`);
  for (const legal of [s.memberUser.name, replierUser.name, s.mailMembers[1]!.person.legalName]) expect(text).not.toContain(legal);
  expect(text).toContain(ada.person.legalName); // her own envelope

  // 6. The writer sees the reply in their notifications and on the published pack.
  await page.goto(`/groups/${s.group.slug}/packs/2`, { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { name: "From the group" })).toBeVisible();
  await expect(page.getByText("Slow reading is a kind of resistance.")).toBeVisible();
  await shoot(page, "pack");
  await expect(page.getByRole("link", { name: /Notifications \d+ unread/ })).toBeVisible();
  await page.goto("/notifications", { waitUntil: "networkidle" });
  await expect(page.getByText(`Answerer ${s.id} replied to your response in pack 1`)).toBeVisible();
  await shoot(page, "notifications");
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByRole("button", { name: "Mark all as read" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
});
