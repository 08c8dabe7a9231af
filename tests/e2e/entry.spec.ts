// The entry layer seen from the browser: a scan attached on the transcription page, one that is
// too large refused before it is sent, and the same file sent by hand refused by the server with
// 413 and the same message — nothing stored either way. A request to another group's route is a
// 404 however it is dressed.
import { expect, makeMailGroup, signInViaApi, test, db } from "./fixtures";
import { tinyPng } from "../factories/files";

test("a scan is attached on the transcription page; one over the limit is refused with a plain message, by the page and by the server", async ({ page, consoleErrors: _ }) => {
  const s = await makeMailGroup();
  const mailMember = s.mailMembers[0]!;
  const prompt = await db.prompt.findFirstOrThrow({ where: { lessonId: s.lesson.id }, orderBy: { position: "asc" } });
  await signInViaApi(page, s.facilitator.email, s.password);
  await page.goto(`/groups/${s.group.slug}/packs/1/transcribe/${mailMember.id}/${prompt.id}`);

  await page.getByLabel("Add a scan (PDF, JPEG or PNG)").setInputFiles({ name: "letter.png", mimeType: "image/png", buffer: tinyPng() });
  await page.getByRole("button", { name: "Attach" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Attached." })).toBeVisible();
  const stored = await db.storedFile.count({ where: { scans: { some: { response: { memberId: mailMember.id } } } } });
  expect(stored).toBe(1);

  // Too large: said at once, before minutes of uploading.
  const big = Buffer.alloc(30 * 1024 * 1024, 0x41);
  await page.getByLabel("Add a scan (PDF, JPEG or PNG)").setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: big });
  await page.getByRole("button", { name: "Attach" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This scan is too large" })).toBeVisible();

  // The same file sent by hand: 413 with the message key, nothing stored.
  const response = await page.request.post(`/api/groups/${s.group.slug}/packs/1/scans`, {
    multipart: { memberId: mailMember.id, promptId: prompt.id, file: { name: "huge.png", mimeType: "image/png", buffer: big } },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(response.status()).toBe(413);
  expect(await response.json()).toMatchObject({ ok: false, code: "TOO_LARGE", formError: "mail.scans.errors.tooLarge" });
  expect(await db.storedFile.count({ where: { scans: { some: { response: { memberId: mailMember.id } } } } })).toBe(stored);
});

test("another group's routes answer 404 to a signed-in facilitator, with or without a plausible origin", async ({ page }) => {
  const mine = await makeMailGroup();
  const theirs = await makeMailGroup();
  await signInViaApi(page, mine.facilitator.email, mine.password);
  const origin = new URL((await page.request.get("/api/health")).url()).origin;
  const theirMember = theirs.mailMembers[0]!;
  for (const path of [`/groups/${theirs.group.slug}/progress/export`, `/groups/${theirs.group.slug}/packs/1/print/${theirMember.id}`]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  const post = await page.request.post(`/api/groups/${theirs.group.slug}/packs/1/scans`, {
    multipart: { memberId: theirMember.id, promptId: "x", file: { name: "a.png", mimeType: "image/png", buffer: tinyPng() } },
    headers: { origin },
  });
  expect(post.status()).toBe(404);
});
