// Print runs that tell the truth, and postage at a glance (issue 16, points 4 and 7): an organizer
// fills in the rate table, a facilitator sees what the envelopes weigh and cost before printing,
// makes the run, and marks it mailed: a member who moved after publication was never printed, one
// who withdrew after the run is skipped, and the page says so.
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DEMO_PASSWORD, db, expect, makeMailGroup, signInViaApi, test } from "./fixtures";

const exec = promisify(execFile);

test("postage on the mail page, and 'mark all printed as mailed' says what it skipped", async ({ page, consoleErrors: _ }) => {
  test.setTimeout(120_000);
  const s = await makeMailGroup();
  const [ada, bo] = s.mailMembers as [(typeof s.mailMembers)[number], (typeof s.mailMembers)[number]];
  // Cy was a mail member when the pack was published, then moved to another group.
  const cyPerson = await db.person.create({ data: { organizationId: s.group.organizationId, legalName: `Cy Moved ${s.id}`, facilityId: s.facility.id, idNumber: `CM-${s.id}` } });
  const cy = await db.member.create({ data: { groupId: s.group.id, personId: cyPerson.id, channel: "MAIL", penName: `Cy ${s.id}` } });
  await db.delivery.create({ data: { packId: s.pack.id, memberId: cy.id, channel: "MAIL", status: "PREPARED", events: { create: { status: "PREPARED", occurredOn: new Date() } } } });
  await db.member.update({ where: { id: cy.id }, data: { status: "MOVED" } });

  // The organizer starts from the US letter rates and saves them.
  await signInViaApi(page, "organizer@example.org", DEMO_PASSWORD);
  await page.goto("/settings");
  await page.getByLabel("Paper weight (grams a sheet)").fill("4,5");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Enter the weight of one sheet in grams, like 4.5 (with a point, not a comma).")).toBeVisible();
  await page.getByLabel("Paper weight (grams a sheet)").fill("4.5");
  await page.getByLabel("Envelope weight (grams)").fill("5");
  await page.getByRole("button", { name: "Fill in US letter rates (July 2025)" }).click();
  await expect(page.getByLabel("Row 4: up to (grams)")).toHaveValue("99");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.screenshot({ path: "/tmp/print-runs-settings-1280.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "/tmp/print-runs-settings-390.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.context().clearCookies();
  await signInViaApi(page, s.facilitator.email, s.password);
  await page.goto(`/groups/${s.group.slug}/packs/1/mail`);
  // Two envelopes will be printed (Cy moved), each a slip, a reading page and two sheets: 23 g, one 1-oz stamp.
  await expect(page.getByText("One PDF ready to print for the 2 members who will get an envelope", { exact: false })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: cyPerson.legalName }).getByText("Not to be mailed: moved to another group after publication.", { exact: false })).toBeVisible();
  const postage = page.getByRole("table");
  await expect(postage.getByRole("row").nth(1)).toHaveText(/^4\s*23 g\s*\$0\.78\s*2\s*\$1\.56$/);
  await expect(postage.getByRole("row", { name: /In all/ })).toHaveText(/In all \(8 sheets\)\s*46 g\s*2\s*\$1\.56/);

  await page.getByRole("button", { name: "Make the print run" }).click();
  await expect(page.getByText(/The print run is ready/)).toBeVisible({ timeout: 60_000 });
  const runPdf = await page.context().request.get((await page.getByRole("link", { name: "Download the PDF" }).getAttribute("href"))!);
  const dir = await mkdtemp(path.join(os.tmpdir(), "studypack-e2e-run-"));
  await writeFile(path.join(dir, "run.pdf"), await runPdf.body());
  const { stdout: sheet } = await exec("pdftotext", ["-layout", "-l", "1", path.join(dir, "run.pdf"), "-"]);
  expect(sheet.replace(/\s+/g, " ")).toContain("2 envelopes of 4 sheets: 23 g each, $0.78 each = $1.56");
  await exec("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", path.join(dir, "run.pdf"), "/tmp/print-runs-run-sheet"]);
  await page.screenshot({ path: "/tmp/print-runs-mail-1280.png", fullPage: true });

  // Bo withdraws after the run: his envelope is in the stack, and must not go out.
  await db.member.update({ where: { id: bo.id }, data: { status: "WITHDRAWN" } });
  await page.getByRole("button", { name: "Mark all printed as mailed today" }).click();
  await expect(page.getByText("1 pack marked as mailed.")).toBeVisible();
  const skipped = page.getByRole("status").filter({ hasText: "Not marked, 2 members:" });
  await expect(skipped.getByRole("listitem").filter({ hasText: bo.person.legalName })).toContainText("withdrew after publication");
  await expect(skipped.getByRole("listitem").filter({ hasText: cyPerson.legalName })).toContainText("moved to another group");
  await expect(page.getByText("Mailed: 1")).toBeVisible();
  expect((await db.delivery.findFirstOrThrow({ where: { memberId: ada.id } })).status).toBe("MAILED");
  expect((await db.delivery.findFirstOrThrow({ where: { memberId: bo.id } })).status).toBe("PREPARED");
  // Nothing printed is still waiting: the button rests.
  await expect(page.getByRole("button", { name: "Mark all printed as mailed today" })).toBeDisabled();
  await page.screenshot({ path: "/tmp/print-runs-marked-1280.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "/tmp/print-runs-marked-390.png", fullPage: true });
});
