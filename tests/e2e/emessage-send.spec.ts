// The e-message channel as a facilitator runs it (issue 20): a mail member switched to e-message
// on their page, the pack's messages made on the messages page, a message copied (the clipboard,
// or the selected text where the browser allows no clipboard), all marked sent, "sent" in the log.
// Looked at 1280 and 390 px wide, with axe.
import AxeBuilder from "@axe-core/playwright";
import { db, expect, makeStudyGroup, signInViaApi, test } from "./fixtures";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function seriousViolations(page: import("@playwright/test").Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
}

test("a facilitator switches a member to e-message, copies the pack's messages and marks them sent", async ({ page, consoleErrors: _ }) => {
  const s = await makeStudyGroup();
  // A reading long enough for several messages at JPay's default 2,000 characters.
  const paragraphs = Array.from({ length: 12 }, (_, i) => `Paragraph ${i + 1} of the reading. ${"We read slowly and write back. ".repeat(14)}`);
  await db.reading.updateMany({ where: { lessonId: s.lesson.id }, data: { bodyMarkdown: paragraphs.join("\n\n") } });
  const facility = await db.facility.create({ data: { organizationId: s.group.organizationId, name: `State Prison ${s.id}`, addressLines: ["1 Gate Road", "Town"] } });
  const person = await db.person.create({ data: { organizationId: s.group.organizationId, legalName: `Eli Message ${s.id}`, facilityId: facility.id, idNumber: `EM-${s.id}`, housingUnit: "Unit 3" } });
  const member = await db.member.create({ data: { groupId: s.group.id, personId: person.id, channel: "MAIL", penName: `Eli ${s.id}` } });
  const pack = await db.pack.create({ data: { groupId: s.group.id, number: 1, title: "By text", status: "PUBLISHED", publishedAt: new Date(), lessons: { create: { lessonId: s.lesson.id, position: 1 } } } });
  for (const m of [member, s.member]) {
    const status = m.channel === "MAIL" ? "PREPARED" : "DELIVERED";
    await db.delivery.create({ data: { packId: pack.id, memberId: m.id, channel: m.channel, status, events: { create: { status, occurredOn: new Date() } } } });
  }

  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInViaApi(page, s.facilitator.email, s.password);

  // 1. The member's page: switch to e-message with the service and their identifier.
  await page.goto(`/groups/${s.group.slug}/members/${member.id}`, { waitUntil: "networkidle" });
  await page.getByText("Switch to e-message", { exact: true }).first().click();
  await page.getByLabel("Service", { exact: true }).selectOption("JPAY");
  await page.getByLabel("Their identifier in the service").fill("<bad>");
  await page.getByRole("button", { name: "Switch to e-message" }).click();
  await expect(page.getByText("Use letters, digits, spaces and . # @ _ / + - only.")).toBeVisible();
  await page.getByLabel("Their identifier in the service").fill(`FL ${s.id}`);
  await page.getByRole("button", { name: "Switch to e-message" }).click();
  await expect(page.getByText("by e-message", { exact: true })).toBeVisible();
  await expect(page.getByText(`JPay · FL ${s.id}`)).toBeVisible();
  expect(await db.member.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({ channel: "EMESSAGE" });

  // 2. The pack's messages page: make the messages.
  await page.goto(`/groups/${s.group.slug}/packs/1`, { waitUntil: "networkidle" });
  await page.getByRole("link", { name: "E-messages" }).click();
  await expect(page.getByRole("heading", { name: "Pack 1: e-messages" })).toBeVisible();
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `Eli Message ${s.id} · Eli ${s.id}` }) });
  await expect(card.getByTestId("emessage-status")).toHaveText("to send");
  await card.getByRole("button", { name: "Prepare messages" }).click();
  const bodies = card.getByTestId("emessage-body");
  await expect(bodies.first()).toBeVisible();
  const parts = await db.emessagePart.findMany({ where: { delivery: { memberId: member.id } }, orderBy: { number: "asc" } });
  expect(parts.length).toBeGreaterThan(2);
  for (const part of parts) expect(part.body.length).toBeLessThanOrEqual(2000);
  await expect(bodies).toHaveCount(parts.length);
  await expect(card.getByRole("heading", { name: `Message 2 of ${parts.length}` })).toBeVisible();

  // 3. Copy the second message: the clipboard holds it exactly (or, without one, the text is selected).
  await card.getByRole("button", { name: "Copy message" }).nth(1).click();
  const copied = card.getByRole("status").filter({ hasText: /Copied\.|The text is selected/ });
  await expect(copied).toBeVisible();
  if ((await copied.textContent())?.includes("Copied")) expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(parts[1]!.body);
  else expect((await page.evaluate(() => window.getSelection()?.toString() ?? "")).trim()).toBe(parts[1]!.body.trim());

  // 4. One marked sent, then all: the delivery is "sent" in the log.
  await card.getByRole("button", { name: "Mark sent" }).first().click();
  await expect(card.getByText(`1 of ${parts.length} messages sent`)).toBeVisible();
  await expect(card.getByTestId("emessage-status")).toHaveText("to send");
  await card.getByRole("button", { name: "Mark all as sent" }).click();
  await expect(card.getByTestId("emessage-status")).toHaveText("sent");
  await expect(card.getByTestId("emessage-log").getByText("sent", { exact: true })).toBeVisible();
  await expect(card.getByText(`${parts.length} of ${parts.length} messages sent`)).toBeVisible();
  expect(await db.delivery.findFirstOrThrow({ where: { memberId: member.id } })).toMatchObject({ channel: "EMESSAGE", status: "MAILED" });
  expect(await db.emessagePart.count({ where: { delivery: { memberId: member.id }, sentAt: null } })).toBe(0);
  await expect(card.getByRole("link", { name: `File Eli ${s.id}'s reply` })).toHaveAttribute("href", `/groups/${s.group.slug}/members/${member.id}/emessage`);

  // The progress matrix says the pack was sent by e-message, not mailed (decision 049), in a word
  // of its own: "Sent" alone is an online member's pack.
  await page.goto(`/groups/${s.group.slug}/progress`, { waitUntil: "networkidle" });
  const eliRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`Eli ${s.id}`) }) });
  await expect(eliRow.locator('td[data-s="e"] a')).toHaveText(/^Messaged/);
  await expect(eliRow.getByText(/Mailed/)).toHaveCount(0);

  // Looked at, wide and narrow, and checked with axe.
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/groups/${s.group.slug}/packs/1/emessage`, { waitUntil: "networkidle" });
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `/tmp/emsend-messages-${width}.png`, fullPage: true });
    await page.goto(`/groups/${s.group.slug}/members/${member.id}`, { waitUntil: "networkidle" });
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `/tmp/emsend-member-${width}.png`, fullPage: true });
  }
});

test("an organizer sets the characters per message of each service", async ({ page, consoleErrors: _ }) => {
  const s = await makeStudyGroup();
  const bcrypt = (await import("bcryptjs")).default;
  const organizer = await db.user.create({ data: { email: `org-em-${s.id}@example.test`, name: `Organizer ${s.id}`, passwordHash: await bcrypt.hash(s.password, 4) } });
  await db.organizer.create({ data: { organizationId: s.group.organizationId, userId: organizer.id } });
  await signInViaApi(page, organizer.email, s.password);
  await page.goto("/settings", { waitUntil: "networkidle" });
  const section = page.getByRole("region", { name: "E-message services" });
  await expect(section.getByLabel("CorrLinks: characters per message")).toBeVisible();
  await section.getByLabel("Securus: characters per message").fill("12");
  await section.getByRole("button", { name: "Save limits" }).click();
  await expect(section.getByText("Enter a number from 500 to 100,000.")).toBeVisible();
  await section.getByLabel("Securus: characters per message").fill("1800");
  await section.getByRole("button", { name: "Save limits" }).click();
  await expect(section.getByText("Saved.")).toBeVisible();
  expect(await db.emessageServiceLimit.findUniqueOrThrow({ where: { organizationId_service: { organizationId: s.group.organizationId, service: "SECURUS" } } })).toMatchObject({ charsPerMessage: 1800 });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/settings", { waitUntil: "networkidle" });
    expect(await seriousViolations(page)).toEqual([]);
    await section.screenshot({ path: `/tmp/emsend-settings-${width}.png` });
  }
  // Put the demo's figure back for other specs.
  await db.emessageServiceLimit.update({ where: { organizationId_service: { organizationId: s.group.organizationId, service: "SECURUS" } }, data: { charsPerMessage: 2000 } });
});

test("a facilitator adds an e-message member directly, with the service and identifier", async ({ page, consoleErrors: _ }) => {
  const s = await makeStudyGroup();
  const contact = `${s.id}-678`;
  const facility = await db.facility.create({ data: { organizationId: s.group.organizationId, name: `FCI Direct ${s.id}`, addressLines: ["2 Gate Road", "Town"] } });
  await signInViaApi(page, s.facilitator.email, s.password);
  await page.goto(`/groups/${s.group.slug}/members`, { waitUntil: "networkidle" });
  const form = page.getByRole("form", { name: "Add a member by mail or e-message" });
  await form.getByLabel("How they get packs").selectOption("EMESSAGE");
  await form.getByLabel("Legal name").fill(`Dana Direct ${s.id}`);
  await form.getByLabel("Pen name").fill(`Dana ${s.id}`);
  await form.getByLabel("Facility").selectOption(facility.id);
  await form.getByLabel("ID number").fill(`DD-${s.id}`);
  await form.getByLabel("Service", { exact: true }).selectOption("CORRLINKS");
  await form.getByLabel("Their identifier in the service").fill("<bad>");
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(form.getByText("Use letters, digits, spaces and . # @ _ / + - only.")).toBeVisible();
  expect(await db.person.count({ where: { organizationId: s.group.organizationId, legalName: `Dana Direct ${s.id}` } })).toBe(0);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await form.screenshot({ path: `/tmp/emsend-add-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await form.getByLabel("Their identifier in the service").fill(contact);
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(form.getByText("Added.")).toBeVisible();
  const member = await db.member.findFirstOrThrow({ where: { groupId: s.group.id, penName: `Dana ${s.id}` }, select: { id: true, channel: true, person: { select: { emessageService: true, emessageContact: true, facilityId: true } } } });
  expect(member).toMatchObject({ channel: "EMESSAGE", person: { emessageService: "CORRLINKS", emessageContact: contact, facilityId: facility.id } });
  const item = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: `Dana Direct ${s.id}` }) });
  await expect(item.getByText("by e-message", { exact: false })).toBeVisible();
  await expect(item.getByText(`CorrLinks · ${contact} · FCI Direct ${s.id}`)).toBeVisible();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/groups/${s.group.slug}/members`, { waitUntil: "networkidle" });
    await form.getByLabel("How they get packs").selectOption("EMESSAGE");
    expect(await seriousViolations(page)).toEqual([]);
    await form.screenshot({ path: `/tmp/emsend-add-empty-${width}.png` });
  }
});

test("an organizer imports e-message members from a roster file; a half row is a row to fix", async ({ page, consoleErrors: _ }) => {
  const s = await makeStudyGroup();
  const bcrypt = (await import("bcryptjs")).default;
  const organizer = await db.user.create({ data: { email: `org-imp-${s.id}@example.test`, name: `Organizer ${s.id}`, passwordHash: await bcrypt.hash(s.password, 4) } });
  await db.organizer.create({ data: { organizationId: s.group.organizationId, userId: organizer.id } });
  const facility = await db.facility.create({ data: { organizationId: s.group.organizationId, name: `USP Import ${s.id}`, addressLines: ["3 Gate Road", "Town"] } });
  const header = "group,legal_name,pen_name,channel,email,facility,id_number,housing_unit,language,emessage_service,emessage_contact";
  const good = [s.group.slug, `Ivy Import ${s.id}`, `Ivy ${s.id}`, "e-message", "", facility.name, `II-${s.id}`, "", "", "CorrLinks", `${s.id}-111`];
  const half = [s.group.slug, `Jon Half ${s.id}`, `Jon ${s.id}`, "mail", "", facility.name, `JH-${s.id}`, "", "", "JPay", ""];
  const file = [header, good.join(","), half.join(",")].join("\n");
  await signInViaApi(page, organizer.email, s.password);
  await page.goto(`/roster?org=${s.group.organizationId}`, { waitUntil: "networkidle" });
  await expect(page.getByText("E-message members: channel e-message", { exact: false })).toBeVisible();
  await page.getByLabel("CSV file").setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("Row 3")).toBeVisible();
  await expect(page.getByText("The service needs the member's identifier in it, such as a CorrLinks register number.")).toBeVisible();
  await page.getByText("Rows that are fine", { exact: true }).click();
  await expect(page.getByRole("cell", { name: "by e-message" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `/tmp/emsend-import-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible();
  const ivy = await db.person.findFirstOrThrow({ where: { organizationId: s.group.organizationId, idNumber: `II-${s.id}` }, include: { memberships: true } });
  expect(ivy).toMatchObject({ emessageService: "CORRLINKS", emessageContact: `${s.id}-111`, facilityId: facility.id });
  expect(ivy.memberships).toMatchObject([{ channel: "EMESSAGE", penName: `Ivy ${s.id}` }]);
  expect(await db.person.count({ where: { organizationId: s.group.organizationId, idNumber: `JH-${s.id}` } })).toBe(0);
});

