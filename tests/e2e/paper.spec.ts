// The paper channel as a facilitator works it: a print run in the background, packs marked as
// mailed, a mailroom rejection and a resend, then a letter comes back and is transcribed by
// typing the response code printed on its sheet (read here from the real PDF).
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { db, expect, makeMailGroup, signInViaApi, test } from "./fixtures";

const exec = promisify(execFile);

async function pdfText(bytes: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "studypack-e2e-pdf-"));
  const file = path.join(dir, "pack.pdf");
  await writeFile(file, bytes);
  return (await exec("pdftotext", ["-layout", file, "-"])).stdout;
}

test("print run, mail log, rejection and resend, then a code from the PDF opens the transcription", async ({ page, consoleErrors: _ }) => {
  test.setTimeout(120_000);
  const s = await makeMailGroup();
  const [ada, bo] = s.mailMembers as [(typeof s.mailMembers)[number], (typeof s.mailMembers)[number]];
  await signInViaApi(page, s.facilitator.email, s.password);

  // The print run runs as a background job; the page follows it to the end.
  await page.goto(`/groups/${s.group.slug}/packs/1/mail`);
  await expect(page.getByRole("heading", { name: "Mail log: pack 1" })).toBeVisible();
  await page.getByRole("button", { name: "Make the print run" }).click();
  await expect(page.getByText(/The print run is ready/)).toBeVisible({ timeout: 60_000 });
  const runPdf = await page.context().request.get((await page.getByRole("link", { name: "Download the PDF" }).getAttribute("href"))!);
  expect(runPdf.status()).toBe(200);
  const runText = await pdfText(await runPdf.body());
  expect(runText).toContain(ada.person.legalName);
  expect(runText).toContain(bo.person.legalName);

  // Both printed packs are mailed in one action.
  await page.getByRole("button", { name: "Mark all printed as mailed today" }).click();
  await expect(page.getByText("2 packs marked as mailed.")).toBeVisible();
  await expect(page.getByText("Mailed: 2")).toBeVisible();

  // Bo's envelope is rejected by the mailroom, then resent.
  const boCard = page.getByRole("listitem").filter({ hasText: bo.person.legalName });
  await boCard.getByText("Record").click();
  await boCard.getByLabel("What happened").selectOption("REJECTED");
  await boCard.getByRole("button", { name: "Save" }).click();
  await expect(boCard.getByText("Say why it came back")).toBeVisible();
  await boCard.getByLabel("Reason").fill("Staples are not allowed");
  await boCard.getByRole("button", { name: "Save" }).click();
  await expect(boCard.getByText("Rejected by mailroom", { exact: true }).first()).toBeVisible();
  await boCard.getByText("Record").click();
  await boCard.getByLabel("What happened").selectOption("RESENT");
  await boCard.getByRole("button", { name: "Save" }).click();
  await expect(boCard.getByText("Resent", { exact: true }).first()).toBeVisible();
  const boEvents = await db.deliveryEvent.findMany({ where: { delivery: { memberId: bo.id } }, orderBy: { createdAt: "asc" } });
  expect(boEvents.map((e) => [e.status, e.reason])).toEqual([["PREPARED", null], ["MAILED", null], ["REJECTED", "Staples are not allowed"], ["RESENT", null]]);

  // Ada's letter comes back: read the code on her first response sheet from her own PDF.
  const adaPdf = await page.context().request.get(`/groups/${s.group.slug}/packs/1/print/${ada.id}`);
  expect(adaPdf.status()).toBe(200);
  const adaText = await pdfText(await adaPdf.body());
  const codes = [...adaText.matchAll(/\b([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})\b/g)].map((m) => m[1]!);
  expect(codes.length).toBeGreaterThanOrEqual(2);

  await page.goto("/transcribe");
  // A misread character is caught by the check character and said plainly.
  const wrong = codes[0]!.slice(0, 8) + (codes[0]!.at(-1) === "A" ? "B" : "A");
  await page.getByLabel("Response code").fill(wrong);
  await page.getByRole("button", { name: "Open" }).click();
  await expect(page.getByText(/does not check out/)).toBeVisible();
  // Typed in lower case with spaces: still the right sheet.
  await page.getByLabel("Response code").fill(codes[0]!.toLowerCase().replace("-", " "));
  await page.getByRole("button", { name: "Open" }).click();
  await expect(page.getByRole("heading", { name: "Transcribe a letter" })).toBeVisible();
  await expect(page.getByText(`Ada ${s.id} (${ada.person.legalName}, ${ada.person.idNumber}) · Pack 1`)).toBeVisible();
  await page.getByLabel("What they wrote for question 1").fill("I read it by the window, twice, and wrote this in the evening.");
  await expect(page.getByText(/Draft saved at/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("What they wrote for question 1")).toHaveValue("I read it by the window, twice, and wrote this in the evening.");
  await page.getByLabel("Postmark or received date").fill("2026-11-20");
  await page.getByRole("button", { name: "File this letter" }).click();
  await expect(page.getByText(`Filed 1 answer for Ada ${s.id}.`)).toBeVisible();

  // The response shows as by mail, transcribed by the facilitator; her delivery is "responded".
  await page.goto(`/groups/${s.group.slug}/packs/1/responses`);
  await expect(page.getByText(`by mail, transcribed by ${s.facilitator.name}`)).toBeVisible();
  await page.goto(`/groups/${s.group.slug}/packs/1/mail`);
  await expect(page.getByRole("listitem").filter({ hasText: ada.person.legalName }).getByText("Responded", { exact: true }).first()).toBeVisible();
  const response = await db.response.findFirstOrThrow({ where: { memberId: ada.id } });
  expect(response).toMatchObject({ source: "TRANSCRIBED", transcribedById: s.facilitator.id, status: "SUBMITTED" });

  // A reading far longer than the facility's envelope continues across envelopes: the PDF is made.
  await db.reading.updateMany({ where: { lessonId: s.lesson.id }, data: { bodyMarkdown: "A long paragraph about reading slowly and well. ".repeat(2500) } });
  expect((await page.context().request.get(`/groups/${s.group.slug}/packs/1/print/${ada.id}`)).status()).toBe(200);
  // Only a limit with no room after the envelope's slip cannot work: said before printing, with
  // the numbers, and the member's PDF is refused with a reason instead of a broken file.
  await db.facility.update({ where: { id: s.facility.id }, data: { maxPagesPerEnvelope: 1 } });
  await page.goto(`/groups/${s.group.slug}/packs/1/mail`);
  await expect(page.getByRole("heading", { name: "Before you print" })).toBeVisible();
  await expect(page.getByText(/allows 1 page per envelope; the envelope's slip and one page of the pack need 2/).first()).toBeVisible();
  const refused = await page.context().request.get(`/groups/${s.group.slug}/packs/1/print/${ada.id}`);
  expect(refused.status()).toBe(409);
});
