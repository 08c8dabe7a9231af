// E-message members' by-post readings in the mail print run (docs/decisions/054), as a facilitator
// sees it: the mail page says before the run what it adds, the run's first sheet lists the by-post
// envelope, and afterwards the e-message page shows the readings as mailed and the next run would
// not print them again.
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { db, expect, makeMailGroup, signInViaApi, test } from "./fixtures";

const exec = promisify(execFile);

test("the mail print run adds an e-message member's by-post readings and records them as mailed", async ({ page, consoleErrors: _ }) => {
  test.setTimeout(120_000);
  const s = await makeMailGroup();
  await db.reading.update({ where: { id: s.lesson.readings[0]!.id }, data: { emessageByMailOnly: true } });
  const evePerson = await db.person.create({
    data: { organizationId: s.group.organizationId, legalName: `Eve Messager ${s.id}`, facilityId: s.facility.id, idNumber: `EM-${s.id}`, housingUnit: "Unit 2", emessageService: "CORRLINKS", emessageContact: `E${s.id}` },
  });
  const eve = await db.member.create({ data: { groupId: s.group.id, personId: evePerson.id, channel: "EMESSAGE", penName: `Eve ${s.id}` } });
  await db.delivery.create({ data: { packId: s.pack.id, memberId: eve.id, channel: "EMESSAGE", status: "PREPARED", events: { create: { status: "PREPARED", occurredOn: new Date() } } } });

  await signInViaApi(page, s.facilitator.email, s.password);
  await page.goto(`/groups/${s.group.slug}/packs/1/mail`);
  const adds = page.getByText("After the mail packs, the run adds the by-post readings of 1 member who gets packs by e-message (1 envelope", { exact: false });
  await expect(adds).toBeVisible();
  await page.screenshot({ path: "/tmp/print-runs-by-post-1280.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "/tmp/print-runs-by-post-390.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole("button", { name: "Make the print run" }).click();
  await expect(page.getByText("The print run is ready (3 members).")).toBeVisible({ timeout: 60_000 });
  const runPdf = await page.context().request.get((await page.getByRole("link", { name: "Download the PDF" }).getAttribute("href"))!);
  const dir = await mkdtemp(path.join(os.tmpdir(), "studypack-e2e-bypost-"));
  await writeFile(path.join(dir, "run.pdf"), await runPdf.body());
  const { stdout: sheet } = await exec("pdftotext", ["-layout", "-l", "1", path.join(dir, "run.pdf"), "-"]);
  const flat = sheet.replace(/\s+/g, " ");
  expect(flat).toContain("Also by-post readings for 1 member who gets packs by e-message: 1 envelope");
  // (pdftotext reads a table row line by line across its cells: the wrapped name comes in pieces.)
  expect(flat).toMatch(new RegExp(`3 Eve Messager ${s.id} · .* 1 2 pages 10–11 ID EM-${s.id} · By-post .*readings \\(gets packs by e-message\\)`));
  expect(flat).toContain("Making this run recorded these readings as mailed on the pack's e-message page");
  // The page, refreshed when the run is done, no longer counts her.
  await expect(adds).toBeHidden();

  await page.goto(`/groups/${s.group.slug}/packs/1/emessage`);
  const row = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(`Eve Messager ${s.id}`) }) });
  await expect(row.getByText("Readings mailed by post")).toBeVisible();
  await expect(row.getByRole("button", { name: "Record readings mailed" })).toHaveCount(0);
});
