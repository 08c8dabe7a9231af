// The transcription desk as a volunteer works through a stack of letters (issue 16, decision 032):
// a code opens the whole letter with that question first, three answers are filed in one save,
// the cursor is then in the next code's box (no click), and an answer typed under the wrong
// question is moved to the right one, with the move in its history.
import type { Page } from "@playwright/test";
import { db, expect, makeMailGroup, signInViaApi, test } from "./fixtures";
import { formatResponseCode, generateResponseCode } from "../../lib/packs/response-code";

async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `/tmp/desk-${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `/tmp/desk-${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a letter of three answers in one screen, the next code without a click, and a misfiled answer moved with its history", async ({ page, consoleErrors: _ }) => {
  test.setTimeout(150_000);
  const s = await makeMailGroup();
  const [ada, bo] = s.mailMembers as [(typeof s.mailMembers)[number], (typeof s.mailMembers)[number]];
  await db.prompt.create({ data: { lessonId: s.lesson.id, position: 3, text: `What changed when the clock came into the workshop, and who kept it? ${s.id}` } });
  const prompts = await db.prompt.findMany({ where: { lessonId: s.lesson.id }, orderBy: { position: "asc" } });
  // The codes printed on each member's sheets (the print run makes them; here made directly).
  const codes = new Map<string, string>();
  for (const member of [ada, bo]) {
    for (const prompt of prompts) {
      const code = generateResponseCode();
      await db.responseCode.create({ data: { code, packId: s.pack.id, memberId: member.id, promptId: prompt.id } });
      codes.set(`${member.id}:${prompt.id}`, formatResponseCode(code));
    }
  }
  await signInViaApi(page, s.facilitator.email, s.password);
  const box = (n: number) => page.getByLabel(`What they wrote for question ${n}`);
  const question = (n: number) => page.getByRole("region", { name: new RegExp(`^Question ${n} · `) });

  // The code of Ada's second sheet opens her whole letter, with question 2 first.
  await page.goto("/transcribe");
  await page.getByLabel("Response code").fill(codes.get(`${ada.id}:${prompts[1]!.id}`)!);
  await page.getByRole("button", { name: "Open" }).click();
  await expect(page.getByRole("heading", { name: "Transcribe a letter" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Question 3 · What changed when the clock came…" })).toBeVisible();
  await expect(box(2)).toBeFocused();
  await expect(page.getByText("No letters transcribed today yet.")).toBeVisible();

  // Three answers, one date, each sheet's consent tick; one save.
  await page.keyboard.type("Asked the author: who wound the clock?");
  await box(1).fill("The reading made me think of the count.\nAnd of the door.");
  await box(3).fill("The clock came in, and the foreman kept the key.");
  await question(1).getByLabel("Yes", { exact: true }).check();
  await question(2).getByLabel("No", { exact: true }).check();
  await page.getByLabel("Postmark or received date").fill("2026-11-20");
  await shoot(page, "letter");
  await page.getByRole("button", { name: "File this letter" }).click();
  await expect(page.getByText(`Filed 3 answers for Ada ${s.id}.`)).toBeVisible();

  // The cursor is already in the next letter's code box.
  const codeBox = page.getByRole("textbox", { name: "Next letter: response code" });
  await expect(codeBox).toBeFocused();
  await expect(page.getByText("1 letter transcribed today.")).toBeVisible();
  const filed = await db.response.findMany({ where: { memberId: ada.id }, orderBy: { prompt: { position: "asc" } } });
  expect(filed.map((r) => [r.status, r.source, r.receivedOn?.toISOString().slice(0, 10), r.shared, r.transcribedById])).toEqual([
    ["SUBMITTED", "TRANSCRIBED", "2026-11-20", true, s.facilitator.id],
    ["SUBMITTED", "TRANSCRIBED", "2026-11-20", false, s.facilitator.id],
    ["SUBMITTED", "TRANSCRIBED", "2026-11-20", null, s.facilitator.id],
  ]);
  expect(filed[0]!.body).toBe("The reading made me think of the count.\nAnd of the door.");

  // Bo's letter: typed straight in, no click. His answer to question 2 goes under question 1 by mistake.
  await page.keyboard.type(codes.get(`${bo.id}:${prompts[0]!.id}`)!);
  await page.keyboard.press("Enter");
  await expect(page.getByText(`Bo ${s.id} (${bo.person.legalName}`)).toBeVisible();
  await expect(box(1)).toBeFocused();
  await page.keyboard.type("I would ask the author where he found the time to write.");
  await page.getByRole("button", { name: "File this letter" }).click();
  await expect(page.getByText(`Filed 1 answer for Bo ${s.id}.`)).toBeVisible();
  await expect(page.getByText("2 letters transcribed today.")).toBeVisible();

  // Moved to question 2: the same response, its history says so.
  await question(1).getByLabel("Filed under the wrong question? Move it to").selectOption({ index: 0 });
  await question(1).getByRole("button", { name: "Move" }).click();
  await expect(question(2).getByText(`Moved from question 1 to question 2 by ${s.facilitator.name}`)).toBeVisible();
  await expect(box(2)).toHaveValue("I would ask the author where he found the time to write.");
  await expect(box(1)).toHaveValue("");
  const moved = await db.response.findFirstOrThrow({ where: { memberId: bo.id, status: "SUBMITTED" } });
  expect(moved.promptId).toBe(prompts[1]!.id);
  expect(await db.auditLog.count({ where: { action: "response.move", entityId: moved.id, actorId: s.facilitator.id } })).toBe(1);

  // Moving onto a question that has an answer is refused, plainly, and changes nothing.
  await box(1).fill("The count, again.");
  await page.getByRole("button", { name: "File this letter" }).click();
  await expect(page.getByText(`Filed 1 answer for Bo ${s.id}.`)).toBeVisible();
  await page.reload();
  await question(1).getByLabel("Filed under the wrong question? Move it to").selectOption({ index: 0 });
  await question(1).getByRole("button", { name: "Move" }).click();
  await expect(question(1).getByRole("alert")).toHaveText(/already has an answer from this member/);
  await shoot(page, "moved");

  // The old single-question address still opens the letter, that question first.
  await page.goto(`/groups/${s.group.slug}/packs/1/transcribe/${bo.id}/${prompts[2]!.id}`);
  await expect(box(3)).toBeFocused();
});
