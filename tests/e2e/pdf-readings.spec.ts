// Real material by mail, as a facilitator meets it on the mail page: a 30-page PDF reading for a
// facility with a 6-page limit (it continues across envelopes; nobody is left out) and a scanned
// reading for a facility that forbids images (reported before printing; the run waits for a
// choice; "leave it out" prints a page saying so). The PDFs are stored as the upload stores them
// (bytes in the app's storage folder, a StoredFile and a Reading row).
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { db, expect, makeMailGroup, signInViaApi, test } from "./fixtures";
import { scannedPdf, textPdf } from "../factories/pdf-reading";

const exec = promisify(execFile);

async function pdfText(bytes: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "studypack-e2e-pdf-"));
  const file = path.join(dir, "run.pdf");
  await writeFile(file, bytes);
  return (await exec("pdftotext", ["-layout", file, "-"])).stdout;
}

async function storeReading(organizationId: string, lessonId: string, position: number, title: string, bytes: Uint8Array, pages: number, hasText: boolean) {
  // The server's local storage (STORAGE_DIR's default, relative to where it was started).
  const key = `readings/2026/12/${randomBytes(16).toString("base64url")}`;
  const full = path.resolve(".data/files", ...key.split("/"));
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, bytes);
  const file = await db.storedFile.create({
    data: { organizationId, storageKey: key, filename: `${title}.pdf`, contentType: "application/pdf", byteSize: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") },
  });
  await db.reading.create({ data: { lessonId, position, title, bodyMarkdown: null, pdfFileId: file.id, pdfPageCount: pages, pdfHasText: hasText } });
}

test("a long PDF reading and a scanned one, mailed to a 6-page facility that forbids images", async ({ page, consoleErrors: _ }) => {
  test.setTimeout(120_000);
  const s = await makeMailGroup();
  const last = await db.reading.findFirst({ where: { lessonId: s.lesson.id }, orderBy: { position: "desc" }, select: { position: true } });
  const next = (last?.position ?? 0) + 1;
  await storeReading(s.group.organizationId, s.lesson.id, next, "A Long Chapter", await textPdf(30, "LONG"), 30, true);
  await storeReading(s.group.organizationId, s.lesson.id, next + 1, "A Scanned Article", await scannedPdf(3), 3, false);
  await signInViaApi(page, s.facilitator.email, s.password);

  await page.goto(`/groups/${s.group.slug}/packs/1/mail`);
  const scanned = page.getByRole("region", { name: "Scanned readings and facilities that do not allow pictures" });
  await expect(scanned).toBeVisible();
  await expect(scanned.getByText(`“A Scanned Article” (3 pages, scanned) for ${s.facility.name} (2 mail members)`)).toBeVisible();
  await expect(scanned.getByText(`Mail rule at ${s.facility.name}: no images.`)).toBeVisible();
  await expect(scanned.getByText("Not chosen yet.")).toBeVisible();
  // A long reading no longer leaves anyone out.
  await expect(page.getByText("Left out of the print run")).toHaveCount(0);

  // The run waits for the choice (and the server refuses one started anyway: lib/data/scanned-readings.test.ts).
  await expect(page.getByText("First choose, above, what to do with the scanned readings for the facilities that do not allow pictures (1 choice left).")).toBeVisible();
  await expect(page.getByRole("button", { name: "Make the print run" })).toBeDisabled();

  await scanned.getByRole("button", { name: "Leave it out for these members" }).click();
  await expect(scanned.getByText(/Left out for these members \(the pack says so in its place\), chosen by/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Make the print run" })).toBeEnabled();
  const choice = await db.scannedReadingChoice.findFirstOrThrow({ where: { packId: s.pack.id } });
  expect(choice).toMatchObject({ send: false, chosenById: s.facilitator.id, facilityId: s.facility.id });

  await page.getByRole("button", { name: "Make the print run" }).click();
  await expect(page.getByText(/The print run is ready \(2 members\)/)).toBeVisible({ timeout: 60_000 });
  const run = await page.context().request.get((await page.getByRole("link", { name: "Download the PDF" }).getAttribute("href"))!);
  expect(run.status()).toBe(200);
  const text = await pdfText(await run.body());
  for (const member of s.mailMembers) expect(text).toContain(member.person.legalName);
  for (let n = 1; n <= 30; n++) expect(text.split(`LONG page ${n} of 30`)).toHaveLength(3); // once per member
  expect(text).toContain("continued from envelope");
  expect(text).toContain("continues in envelope");
  expect(text).toContain(`The reading "A Scanned Article" (3 pages) is not in this pack`);
  expect(text).not.toContain("Not printed");
});
