// A busy server, seen from the answer editor: the submit route answers 503 with Retry-After
// (lib/server/admission.ts). The editor must keep the text, say calmly that it is trying again,
// wait as told and send the same submit (same key) again, which is then saved once.
import { db, expect, makeAccount, signInViaApi, test } from "./fixtures";

test("a submit turned away as busy is kept, retried after Retry-After with the same key, and saved once", async ({ page, consoleErrors: _, allowConsoleError }) => {
  allowConsoleError(/status of 503/); // the browser logs the refused request
  const account = await makeAccount("MEMBER", "intro");
  await signInViaApi(page, account.email, account.password);
  await page.goto("/groups/intro/packs/1");
  const text = "A busy evening: the answer should wait its turn and still arrive once.";
  await page.getByLabel("Your answer").first().fill(text);
  await expect(page.getByText(/Draft saved at/).first()).toBeVisible();

  // The first submit is turned away as a busy server would; the next goes through to the server.
  const sent: { at: number; submitKey: string }[] = [];
  await page.route("**/api/groups/intro/packs/1/responses", async (route) => {
    const body = JSON.parse(route.request().postData() ?? "{}") as { submitKey: string };
    sent.push({ at: Date.now(), submitKey: body.submitKey });
    if (sent.length === 1) {
      await route.fulfill({
        status: 503,
        headers: { "Retry-After": "2", "Content-Type": "application/json", "Cache-Control": "no-store" },
        body: JSON.stringify({ ok: false, code: "BUSY", fieldErrors: {}, formError: "errors.busy" }),
      });
    } else {
      await route.continue();
    }
  });

  await page.getByRole("button", { name: "Submit answer" }).first().click();
  await expect(page.getByText("The server is busy; your text is kept, trying again…")).toBeVisible();
  await expect(page.getByLabel("Your answer").first()).toHaveValue(text);
  await expect(page.getByText(/^Submitted /).first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("The server is busy; your text is kept, trying again…")).toBeHidden();

  expect(sent).toHaveLength(2);
  expect(sent[1]!.submitKey).toBe(sent[0]!.submitKey);
  expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(2_000);
  const responses = await db.response.findMany({ where: { member: { person: { userId: account.id } } }, include: { versions: true } });
  expect(responses).toHaveLength(1);
  expect(responses[0]!.status).toBe("SUBMITTED");
  expect(responses[0]!.versions.map((v) => v.body)).toEqual([text]);
});
