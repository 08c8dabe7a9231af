// Certificates in the browser (issue 20, docs/decisions/047): an organizer issues one to a member
// who has completed, a parole officer (signed out, another browser) checks its code at /verify
// and sees only what it prints, the organizer revokes it, and the officer then sees "revoked".
// Axe on the new pages at 390 and 1280 px; screenshots kept in test-results for a human look.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { db, DEMO_PASSWORD, expect, makeStudyGroup, signInViaApi, test } from "./fixtures";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

async function axeAndPictures(page: Page, name: string, info: { outputPath: (name: string) => string }) {
  const found: string[] = [];
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    for (const v of results.violations) if (v.impact === "serious" || v.impact === "critical") found.push(`${name} @${width}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
    await page.screenshot({ path: info.outputPath(`${name}-${width}.png`), fullPage: true });
  }
  expect(found).toEqual([]);
}

test("an organizer issues a certificate, anyone can verify it, and after revoking it says so", async ({ page, browser, consoleErrors: _ }, info) => {
  const s = await makeStudyGroup();
  await db.member.update({ where: { id: s.member.id }, data: { status: "COMPLETED" } });
  const legalName = s.memberUser.name;
  const printedName = `Grace Whitfield ${s.id}`;

  await signInViaApi(page, "organizer@example.org", DEMO_PASSWORD);
  await page.goto(`/groups/${s.group.slug}/settings`);
  await expect(page.getByRole("heading", { name: "Certificates of completion" })).toBeVisible();
  await expect(page.getByLabel("their status is “completed” (set on the members page)")).toBeChecked();
  await page.getByRole("link", { name: "Issue and manage certificates" }).click();
  await expect(page).toHaveURL(new RegExp(`/groups/${s.group.slug}/certificates$`));

  await page.getByRole("button", { name: `Issue a certificate to ${s.member.penName}` }).click();
  const form = page.getByRole("form", { name: `Issue a certificate to ${s.member.penName}` });
  // Organizers may see legal names: the printed name starts as the legal one, to be confirmed.
  await expect(form.getByLabel("Name to print")).toHaveValue(legalName);
  await form.getByLabel("Name to print").fill("");
  await form.getByLabel("Signed by").fill("Olivia Ortega");
  await form.getByLabel("Signer's title").fill("Program Coordinator");
  await form.getByRole("button", { name: "Issue the certificate" }).click();
  await expect(form.getByText("Type the name to print.")).toBeVisible();
  expect(await db.certificate.count({ where: { memberId: s.member.id } })).toBe(0);
  await form.getByLabel("Name to print").fill(printedName);
  await form.getByLabel("Hours of study (optional)").fill("30");
  await form.getByRole("button", { name: "Issue the certificate" }).click();
  await expect(page.getByText(/^Certificate issued\. Code: [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)).toBeVisible();
  const certificate = await db.certificate.findFirstOrThrow({ where: { memberId: s.member.id } });
  const code = `${certificate.code.slice(0, 4)}-${certificate.code.slice(4, 8)}-${certificate.code.slice(8)}`;
  await expect(page.getByText(code, { exact: true })).toBeVisible();
  // The list above has been refreshed with the new certificate; the confirmation is still there.
  await expect(page.getByRole("status").filter({ hasText: `Certificate issued. Code: ${code}` })).toBeVisible();
  await page.getByRole("button", { name: "Mark mailed alone" }).click();
  await expect(page.getByText(/^Delivery: Mailed /)).toBeVisible();
  await axeAndPictures(page, "certificates-page", info);

  // The same PDF again, for the organizer only.
  const pdf = await page.context().request.get(`/groups/${s.group.slug}/certificates/${certificate.id}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");

  // A parole officer, signed out, types the code in lower case without dashes.
  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  const form0 = await officer.goto("/verify");
  expect(form0?.headers()["content-security-policy"]).toContain("default-src");
  await officer.getByLabel("Verification code").fill(certificate.code.toLowerCase());
  await officer.getByRole("button", { name: "Check" }).click();
  await expect(officer).toHaveURL(new RegExp(`/verify/${code}$`));
  await expect(officer.getByText("Valid", { exact: true })).toBeVisible();
  await expect(officer.getByText(printedName)).toBeVisible();
  await expect(officer.getByText(`Loop course ${s.id}`)).toBeVisible();
  await expect(officer.getByText("Riverside Study Network")).toBeVisible();
  const html = await officer.content();
  for (const secret of [legalName, s.member.penName, s.group.name, s.memberUser.email]) expect(html).not.toContain(secret);
  await axeAndPictures(officer, "verify-valid", info);

  // The organizer revokes it: a reason is required.
  await page.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("button", { name: "Revoke this certificate" }).click();
  await expect(page.getByText("Say why the certificate is revoked.")).toBeVisible();
  await page.getByLabel("Reason for revoking").fill(`Issued in error ${s.id}`);
  await page.getByRole("button", { name: "Revoke this certificate" }).click();
  await expect(page.getByText(/^Revoked /)).toBeVisible();

  await officer.reload();
  await expect(officer.getByText(/^Revoked on /)).toBeVisible();
  await expect(officer.getByText("Valid", { exact: true })).toHaveCount(0);
  expect(await officer.content()).not.toContain(`Issued in error ${s.id}`);

  // A code that does not exist, and one that is not a code at all: the same answer.
  for (const typed of ["2222-2222-2222", "hello"]) {
    await officer.goto(`/verify/${typed}`);
    await expect(officer.getByRole("heading", { name: "No certificate with this code" })).toBeVisible();
  }
  await axeAndPictures(officer, "verify-not-found", info);
  // The demo's certificate, typed as it might be read off the page.
  await officer.goto("/verify?code=rvrs%20dem2%20q26h");
  await expect(officer).toHaveURL(/\/verify\/RVRS-DEM2-Q26H$/);
  await expect(officer.getByText("Samuel A. Okafor")).toBeVisible();
  // The same page in Spanish, for a visitor whose browser asks for it.
  const spanishContext = await browser.newContext({ locale: "es-MX" });
  const spanish = await spanishContext.newPage();
  await spanish.goto(`/verify/${code}`);
  await expect(spanish.getByText(/^Revocado el /)).toBeVisible();
  await expect(spanish.getByRole("heading", { name: `Certificado ${code}` })).toBeVisible();
  await spanishContext.close();

  // Lookups are rate-limited per address: the real server answers a plain 429 with Retry-After.
  let refused = null;
  for (let i = 0; i < 30 && !refused; i++) {
    const answer = await officerContext.request.get("/verify/2222-2222-2222", { headers: { connection: "close" } });
    if (answer.status() === 429) refused = answer;
    else expect(answer.status()).toBe(200);
  }
  expect(refused, "no 429 after 30 lookups").not.toBeNull();
  expect(Number(refused!.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused!.text()).toMatch(/^Too many checks from your address\. Try again in \d+ s\.$/);
  expect(refused!.headers()["content-security-policy"]).toBeTruthy();
  await officerContext.close();

  const actions = await db.auditLog.findMany({ where: { entityId: certificate.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
  expect(actions.map((a) => a.action)).toEqual(["certificate.issue", "certificate.delivery", "certificate.print", "certificate.verify", "certificate.revoke", "certificate.verify", "certificate.verify"]);
});
