// An e-message reply filed by its codes (issue 20, decision 046): a facilitator pastes what a
// member typed on a prison tablet, sees where each answer goes (a misread code marked, the text
// outside the codes as a note), confirms, and finds the answers in the group's progress.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { db, expect, makeMailGroup, signInViaApi, test } from "./fixtures";
import { CODE_ALPHABET, formatResponseCode, generateResponseCode } from "../../lib/packs/response-code";

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `/tmp/emessage-reply-${name}-${width}.png`, fullPage: true });
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
    expect(serious, `${name} at ${width}px`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name} fits ${width}px`).toBe(true);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a pasted reply with two coded answers (one code mistyped) is previewed, confirmed, and shows in progress", async ({ page, browser, consoleErrors: _ }) => {
  test.setTimeout(150_000);
  const s = await makeMailGroup();
  const ada = s.mailMembers[0]!;
  // Ada now writes through the prison's e-message service (the channel switch is another page's).
  await db.member.update({ where: { id: ada.id }, data: { channel: "EMESSAGE" } });
  await db.person.update({ where: { id: ada.personId }, data: { emessageService: "CORRLINKS", emessageContact: `${s.id}-054` } });
  await db.delivery.updateMany({ where: { memberId: ada.id }, data: { channel: "EMESSAGE" } });
  await db.prompt.create({ data: { lessonId: s.lesson.id, position: 9, text: `Who kept the key to the clock? ${s.id}` } });
  const prompts = await db.prompt.findMany({ where: { lessonId: s.lesson.id }, orderBy: { position: "asc" } });
  const codes: string[] = [];
  for (const prompt of prompts) {
    const code = generateResponseCode();
    await db.responseCode.create({ data: { code, packId: s.pack.id, memberId: ada.id, promptId: prompt.id } });
    codes.push(code);
  }
  const [first, second] = codes as [string, string];
  // A word to find this answer by. Not the hex id itself: 8 letters and digits mixed are shaped
  // like a code, and the parser rightly offers such a span as an answer of its own.
  const tag = `Foreman${s.id.replace(/\d/g, (d) => "ghijklmnop"[Number(d)]!)}`;
  // The member typed the second code with one wrong character, in lower case.
  const wrongAt = 5;
  const wrong = CODE_ALPHABET[(CODE_ALPHABET.indexOf(second[wrongAt]!) + 3) % CODE_ALPHABET.length]!;
  const mistyped = (second.slice(0, wrongAt) + wrong + second.slice(wrongAt + 1)).toLowerCase();
  const reply = [
    "Hello from C block, the tablet was down all week.",
    `${formatResponseCode(first)} The reading made me think of my grandfather's workshop.`,
    "He never let anyone touch the clock.",
    "",
    `Code ${mistyped.slice(0, 4)}-${mistyped.slice(4)}: ${tag} the foreman, who else.`,
  ].join("\n");

  await signInViaApi(page, s.facilitator.email, s.password);
  await page.goto(`/groups/${s.group.slug}/members/${ada.id}`);
  await page.getByRole("link", { name: "Enter an e-message reply" }).click();
  await expect(page.getByRole("heading", { name: `E-message reply from ${ada.penName}`, level: 1 })).toBeVisible();
  await expect(page.getByText("No replies entered yet.")).toBeVisible();

  // Nothing pasted: a field error, nothing else.
  await page.getByRole("button", { name: "Show where the answers go" }).click();
  await expect(page.getByText("Paste the reply first.")).toBeVisible();

  await page.getByLabel("The reply, as received").fill(reply);
  await page.getByLabel("Received on").fill("2026-12-01");
  await shoot(page, "paste");
  await page.getByRole("button", { name: "Show where the answers go" }).click();
  await expect(page.getByRole("heading", { name: "Check before filing" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Answer 1 of 2" })).toBeVisible();
  const answers = page.locator("ol > li").filter({ has: page.getByRole("heading", { name: /^Answer \d of 2$/ }) });
  await expect(answers.nth(0)).toContainText("Goes to pack 1, question 1");
  await expect(answers.nth(0)).toContainText("He never let anyone touch the clock.");
  // The misread is said, with the character, and must be ticked.
  await expect(answers.nth(1)).toContainText(`character ${wrongAt + 1} reads “${wrong}”, where this question’s code has “${second[wrongAt]}”`);
  await expect(answers.nth(1).locator("mark")).toHaveText(wrong.toLowerCase());
  await expect(answers.nth(1)).toContainText("Goes to pack 1, question 2");
  await expect(page.getByText("Hello from C block, the tablet was down all week.")).toBeVisible();
  await shoot(page, "preview");

  await page.getByRole("button", { name: "File 2 answers" }).click();
  await expect(page.getByText("Confirm that this answer is for this question.")).toBeVisible();
  expect(await db.response.count({ where: { memberId: ada.id } })).toBe(0);
  await answers.nth(1).getByLabel("Yes, this answer is for pack 1, question 2").check();
  await page.getByRole("button", { name: "File 2 answers" }).click();
  await expect(page.getByText("2 answers filed by e-message.")).toBeVisible();

  const filed = await db.response.findMany({ where: { memberId: ada.id }, orderBy: { prompt: { position: "asc" } } });
  expect(filed.map((r) => [r.source, r.status, r.receivedOn?.toISOString().slice(0, 10), r.transcribedById])).toEqual([
    ["EMESSAGE", "SUBMITTED", "2026-12-01", s.facilitator.id],
    ["EMESSAGE", "SUBMITTED", "2026-12-01", s.facilitator.id],
  ]);
  expect(filed[1]!.body).toBe(`${tag} the foreman, who else.`);

  // The reply is listed with its note, newest first.
  const past = page.getByRole("region", { name: "Replies entered" });
  await expect(past.getByText("Hello from C block, the tablet was down all week.", { exact: true })).toBeVisible();
  await expect(past.getByText(`entered by ${s.facilitator.name}`)).toBeVisible();
  await shoot(page, "filed");

  // The pack's answers say how they came; the progress cell is answered.
  await page.goto(`/groups/${s.group.slug}/packs/1/responses`);
  await expect(page.getByText(`by e-message, entered by ${s.facilitator.name}`).first()).toBeVisible();
  await page.goto(`/groups/${s.group.slug}/progress`);
  const rows = page.getByRole("table", { name: "Progress", exact: true }).locator("tbody tr");
  const cells = await rows.evaluateAll((trs) => trs.map((tr) => ({ pen: tr.querySelector("th span")?.textContent?.trim() ?? "", cells: [...tr.querySelectorAll("td > a .sr-only")].map((w) => w.textContent ?? "") })));
  expect(cells.find((r) => r.pen === ada.penName)?.cells[0]).toContain("Answered");

  // The member's timeline says how the answers came.
  await page.goto(`/groups/${s.group.slug}/members/${ada.id}/timeline`);
  await expect(page.getByText(/^E-message answer to prompt .+ of pack 1 entered$/).first()).toBeVisible();

  // In Spanish, the page and its preview read as well (usted), and axe stays clean.
  const es = await (await browser.newContext({ locale: "es-MX" })).newPage();
  await signInViaApi(es, s.facilitator.email, s.password);
  await es.goto(`/groups/${s.group.slug}/members/${ada.id}/emessage`);
  await expect(es.getByRole("heading", { name: `Mensaje de ${ada.penName} por mensajería electrónica`, level: 1 })).toBeVisible();
  await es.getByLabel("El mensaje, tal como llegó").fill(`${formatResponseCode(first)} Otra vez.`);
  await es.getByRole("button", { name: "Ver adónde va cada respuesta" }).click();
  await expect(es.getByText("Ya tiene respuesta (versión 1). Al archivar se añade una versión nueva; el texto anterior se conserva.")).toBeVisible();
  await shoot(es, "preview-es");
});
