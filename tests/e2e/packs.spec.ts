// Packs without traps (issue 15, point 7), as a facilitator meets them: a due date typed and not
// saved is in the pack that "Publish to members" sends; a pack is started with its lessons and
// due date chosen; a draft started by mistake is deleted through the app's own dialog, which
// Escape cancels and a keyboard alone can drive. At a phone's width too.
import type { Page } from "@playwright/test";
import { db, expect, makeStudyGroup, signInViaApi, test } from "./fixtures";

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `/tmp/packs-${name}.png` });
}

test("publish with an unsaved due date publishes that date; the dialog is keyboard-usable", async ({ page }) => {
  const s = await makeStudyGroup();
  const pack = await db.pack.create({ data: { groupId: s.group.id, number: 1, title: "Slow", lessons: { create: { lessonId: s.lesson.id, position: 1 } } } });
  await signInViaApi(page, s.facilitator.email, s.password);
  await page.goto(`/groups/${s.group.slug}/packs/1/edit`, { waitUntil: "networkidle" });

  // Typed, not saved.
  await page.getByLabel("Due date").fill("2027-03-12");
  const publish = page.getByRole("button", { name: "Publish to members" });
  await publish.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Publish pack 1?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Due date: March 12, 2027.");
  await shoot(page, "publish-dialog-desktop");

  // Focus starts on Cancel, Tab goes round the two buttons and stays in the dialog.
  const cancel = dialog.getByRole("button", { name: "Cancel" });
  const confirm = dialog.getByRole("button", { name: "Publish to members" });
  await expect(cancel).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(confirm).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(cancel).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(confirm).toBeFocused();

  // Escape cancels: nothing published, focus back on the button that opened it.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(publish).toBeFocused();
  expect((await db.pack.findUniqueOrThrow({ where: { id: pack.id } })).status).toBe("DRAFT");

  // Again, confirmed from the keyboard.
  await page.keyboard.press("Enter");
  await expect(cancel).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(publish).toHaveCount(0);
  await expect.poll(async () => (await db.pack.findUniqueOrThrow({ where: { id: pack.id } })).status).toBe("PUBLISHED");
  const published = await db.pack.findUniqueOrThrow({ where: { id: pack.id } });
  expect(published.dueDate?.toISOString().slice(0, 10)).toBe("2027-03-12");
  // No "Delete" for a published pack.
  await expect(page.getByRole("button", { name: "Delete this draft" })).toHaveCount(0);
});

test("start a pack with its lessons and due date, then delete the draft through the dialog (390 px)", async ({ page }) => {
  const s = await makeStudyGroup();
  await page.setViewportSize({ width: 390, height: 844 });
  await signInViaApi(page, s.facilitator.email, s.password);
  await page.goto(`/groups/${s.group.slug}`, { waitUntil: "networkidle" });

  await page.getByRole("button", { name: "Start a new pack" }).click();
  const form = page.getByRole("form", { name: "Start pack 1" });
  await expect(form.getByRole("checkbox", { name: new RegExp(s.lesson.title) })).toBeChecked();
  await expect(form).toContainText("next in the course");
  await form.getByLabel("Due date").fill("2027-04-30");
  await shoot(page, "start-390");
  await form.getByRole("button", { name: "Start the pack" }).click();
  await expect(page).toHaveURL(new RegExp(`/groups/${s.group.slug}/packs/1/edit$`));
  const started = await db.pack.findFirstOrThrow({ where: { groupId: s.group.id, number: 1 }, include: { lessons: true } });
  expect(started.dueDate?.toISOString().slice(0, 10)).toBe("2027-04-30");
  expect(started.lessons.map((l) => l.lessonId)).toEqual([s.lesson.id]);

  // Escape cancels the delete.
  const del = page.getByRole("button", { name: "Delete this draft" });
  await del.click();
  const dialog = page.getByRole("dialog", { name: "Delete draft pack 1?" });
  await expect(dialog).toBeVisible();
  // The page behind is dimmed (the dialog's ::backdrop), so it reads as not in reach.
  expect(await dialog.evaluate((element) => getComputedStyle(element, "::backdrop").backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
  await shoot(page, "delete-dialog-390");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(del).toBeFocused();
  expect(await db.pack.count({ where: { groupId: s.group.id } })).toBe(1);

  // Cancel cancels too; the confirm button deletes.
  await del.click();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(await db.pack.count({ where: { groupId: s.group.id } })).toBe(1);
  await del.click();
  await dialog.getByRole("button", { name: "Delete the draft" }).click();
  await expect(page).toHaveURL(new RegExp(`/groups/${s.group.slug}$`));
  expect(await db.pack.count({ where: { groupId: s.group.id } })).toBe(0);
  expect(await db.lesson.count({ where: { id: s.lesson.id } })).toBe(1);
  await expect(page.getByText("No study packs yet.")).toBeVisible();
});
