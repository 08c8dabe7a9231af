// A Spanish-speaking member takes part in Spanish (issue 17): the browser's language decides
// until the person chooses; the account page switches at once; the home, the pack page, the
// answer editor and the feedback read in Spanish, with <html lang="es">; and the axe bar holds in
// Spanish too.
import AxeBuilder from "@axe-core/playwright";
import { db, DEMO_PASSWORD, expect, makeAccount, signInViaApi, test } from "./fixtures";

test("the browser's language decides until the member chooses; the account page switches at once, and back", async ({ browser }) => {
  const account = await makeAccount("MEMBER", "intro");
  const context = await browser.newContext({ locale: "es-MX" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await signInViaApi(page, account.email, account.password);
  await page.goto("/", { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1, name: "Sus grupos" })).toBeVisible();

  // Chosen on the account page: English now, whatever the browser says, from the next page on.
  await page.goto("/account", { waitUntil: "networkidle" });
  await page.getByLabel("Idioma de Studypack para usted").selectOption("EN");
  await page.getByRole("button", { name: "Guardar idioma" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect((await db.user.findUniqueOrThrow({ where: { email: account.email } })).locale).toBe("EN");

  // "As my browser asks" gives the browser the say again.
  await page.getByLabel("Language of Studypack for you").selectOption("");
  await page.getByRole("button", { name: "Save language" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Su cuenta" })).toBeVisible();
  await context.close();
});

test("a member who reads Spanish finds the pack, writes an answer and reads feedback in Spanish", async ({ page }) => {
  // An English browser: the member's own choice (Spanish) wins.
  await signInViaApi(page, "miembro@example.org", DEMO_PASSWORD);
  await page.goto("/", { waitUntil: "networkidle" });
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { name: "Qué hacer ahora" })).toBeVisible();
  await page.getByRole("link", { name: /Seguir con el paquete 1|Empezar el paquete 1/ }).click();
  await expect(page.getByRole("heading", { name: /^Paquete 1/, level: 1 })).toBeVisible();
  // Feedback on an earlier answer, and the editor for the next one, in Spanish.
  await expect(page.getByText("Comentarios de Frank Fields").first()).toBeVisible();
  const answer = page.getByLabel("Su respuesta").first();
  await answer.fill("Una respuesta escrita en español, con acentos: ñ, á, é.");
  await expect(page.getByText(/Borrador guardado a las/).first()).toBeVisible();
});

test("no serious or critical axe violation in Spanish, for the member and before signing in, at 390 and 1280 px", async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ locale: "es-MX" });
  const page = await context.newPage();
  const found: string[] = [];
  const check = async (paths: string[]) => {
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of paths) {
        await page.goto(path, { waitUntil: "networkidle" });
        await expect(page.locator("html")).toHaveAttribute("lang", "es");
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
        for (const v of results.violations) if (v.impact === "serious" || v.impact === "critical") found.push(`${path} @${width}px: ${v.id} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
      }
    }
  };
  await check(["/sign-in", "/forgot-password"]);
  await signInViaApi(page, "miembro@example.org", DEMO_PASSWORD);
  await check(["/", "/groups/advanced", "/groups/advanced/packs/1", "/groups/advanced/discussion", "/groups/advanced/sharing", "/notifications", "/account"]);
  expect(found).toEqual([]);
  await context.close();
});
