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
  expect((await template.text()).split("\n")[0]).toBe("group,legal_name,pen_name,channel,email,facility,id_number,housing_unit");

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
});
