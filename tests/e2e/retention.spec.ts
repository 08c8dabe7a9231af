// What is kept, and for how long (decision 039), in the browser: an organizer sets how long
// print-run PDFs and scans are kept (a wrong number is refused on its field and saves nothing);
// a facilitator makes a print run; the organizer erases one of its members; the run's PDF is gone
// from storage, and the mail page says why and offers to make the run again.
import { existsSync } from "node:fs";
import path from "node:path";
import { db, DEMO_PASSWORD, expect, makeMailGroup, signInViaApi, test } from "./fixtures";

test("retention settings, and a print run whose member was erased loses its PDF and says so", async ({ page, consoleErrors: _ }) => {
  test.setTimeout(150_000);
  const s = await makeMailGroup();
  const [ada] = s.mailMembers;
  const org = await db.organization.findUniqueOrThrow({ where: { id: s.group.organizationId }, select: { printRunRetentionDays: true, scanRetentionDays: true } });

  try {
    await signInViaApi(page, "organizer@example.org", DEMO_PASSWORD);
    await page.goto("/settings");
    const printRuns = page.getByLabel("Keep print-run PDFs for (days)");
    const scans = page.getByLabel("Keep scanned letters for (days)");
    await expect(printRuns).toHaveValue(String(org.printRunRetentionDays));
    const save = page.getByRole("button", { name: "Save how long files are kept" });
    await printRuns.fill("0");
    await scans.fill("a year");
    await save.click();
    await expect(page.getByText("Enter from 1 to 3650 days.")).toBeVisible();
    await expect(page.getByText("Enter a whole number of days, such as 365, or leave it empty.")).toBeVisible();
    expect(await db.organization.findUniqueOrThrow({ where: { id: s.group.organizationId }, select: { printRunRetentionDays: true, scanRetentionDays: true } })).toEqual(org);
    await printRuns.fill("30");
    await scans.fill("");
    await save.click();
    await expect(page.getByRole("region", { name: "What is kept, and for how long" }).getByText("Saved.")).toBeVisible();
    await page.reload();
    await expect(printRuns).toHaveValue("30");
    await expect(scans).toHaveValue("");
    expect(await db.organization.findUniqueOrThrow({ where: { id: s.group.organizationId }, select: { printRunRetentionDays: true, scanRetentionDays: true } })).toEqual({ printRunRetentionDays: 30, scanRetentionDays: null });
    await page.screenshot({ path: "/tmp/retention-settings-1280.png", fullPage: true });

    // A facilitator prints the pack; the PDF is stored (STORAGE_DIR's default, where the server started).
    await page.context().clearCookies();
    await signInViaApi(page, s.facilitator.email, s.password);
    await page.goto(`/groups/${s.group.slug}/packs/1/mail`);
    await page.getByRole("button", { name: "Make the print run" }).click();
    await expect(page.getByText(/The print run is ready/)).toBeVisible({ timeout: 60_000 });
    const run = await db.printRun.findFirstOrThrow({ where: { packId: s.pack.id }, include: { file: true } });
    const stored = path.resolve(".data/files", ...run.file!.storageKey.split("/"));
    expect(existsSync(stored)).toBe(true);

    // The organizer erases Ada.
    await page.context().clearCookies();
    await signInViaApi(page, "organizer@example.org", DEMO_PASSWORD);
    await page.goto(`/groups/${s.group.slug}/members/${ada!.id}`);
    await page.getByText("Erase this person's data", { exact: true }).click();
    const form = page.getByRole("form", { name: "Erase this person's data" });
    await form.getByLabel(`To confirm, type the pen name: ${ada!.penName}`).fill(ada!.penName);
    await form.getByRole("button", { name: "Erase for good" }).click();
    await expect(page).toHaveURL(new RegExp(`/groups/${s.group.slug}/members$`));
    expect(existsSync(stored)).toBe(false);
    expect(await db.printRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "DONE", fileId: null, fileRemovedReason: "ERASURE" });

    await page.goto(`/groups/${s.group.slug}/packs/1/mail`);
    await expect(page.getByText(/The PDF of this print run was deleted on .+, because a member of the group was erased\. Make it again to print once more\./)).toBeVisible();
    await expect(page.getByRole("link", { name: "Download the PDF" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Make it again" })).toBeEnabled();
    await page.screenshot({ path: "/tmp/retention-run-removed-1280.png", fullPage: true });
  } finally {
    await db.organization.update({ where: { id: s.group.organizationId }, data: org });
  }
});
