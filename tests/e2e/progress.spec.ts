// Progress tracking in the browser: the demo organizer opens the dashboard, drills into a
// group's progress matrix and a member's timeline, and downloads the matrix as CSV whose rows
// match the page. The group is the test's own (makeMailGroup), so no other test changes it.
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { E2E } from "./env";
import { db, DEMO_PASSWORD, expect, makeMailGroup, signInViaApi, test } from "./fixtures";

const shots = process.env.SCREENSHOTS_DIR;

test("an organizer goes from the dashboard to a group's progress, a timeline and a CSV", async ({ page, playwright, consoleErrors: _ }) => {
  const s = await makeMailGroup();
  const [ada, bo] = s.mailMembers as [(typeof s.mailMembers)[number], (typeof s.mailMembers)[number]];
  // Bo's pack was mailed and refused by the mailroom; the online member answered.
  const boDelivery = await db.delivery.findFirstOrThrow({ where: { packId: s.pack.id, memberId: bo.id } });
  await db.delivery.update({
    where: { id: boDelivery.id },
    data: { status: "REJECTED", mailedTo: { facility: s.facility.name }, events: { create: [{ status: "MAILED", occurredOn: new Date() }, { status: "REJECTED", occurredOn: new Date(), reason: `Too many pages ${s.id}` }] } },
  });
  const prompt = await db.prompt.findFirstOrThrow({ where: { lessonId: s.lesson.id }, orderBy: { position: "asc" } });
  await db.response.create({
    data: { packId: s.pack.id, memberId: s.member.id, promptId: prompt.id, body: "An answer", status: "SUBMITTED", source: "ONLINE", version: 1, submittedAt: new Date(), versions: { create: { version: 1, body: "An answer" } } },
  });

  await signInViaApi(page, "organizer@example.org", DEMO_PASSWORD);
  await page.goto("/dashboard", { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  // Demo data: the county jail refused a pack, with its reason.
  await expect(page.getByText("Staples are not allowed; resend on plain paper")).toBeVisible();
  await expect(page.getByText(`Too many pages ${s.id}`)).toBeVisible();
  if (shots) {
    await page.screenshot({ path: `${shots}/dashboard-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: `${shots}/dashboard-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  // The dashboard lists 25 groups a page, and the other specs add groups to the demo network:
  // the group is found by its name.
  await page.goto(`/dashboard?q=${encodeURIComponent(s.group.name)}`, { waitUntil: "networkidle" });
  // On a desktop the dashboard gets the wide column, and its groups table (ten columns with the
  // demo's e-message replies) fits whole, without scrolling sideways in its box.
  await page.setViewportSize({ width: 1280, height: 800 });
  const groupsTable = page.locator("table").filter({ has: page.getByRole("link", { name: s.group.name }) });
  await expect(groupsTable.locator("thead th")).toHaveCount(10);
  expect(await groupsTable.evaluate((table) => table.parentElement!.scrollWidth <= table.parentElement!.clientWidth)).toBe(true);
  await page.getByRole("link", { name: s.group.name }).click();
  await expect(page).toHaveURL(new RegExp(`/groups/${s.group.slug}/progress$`));
  await expect(page.getByRole("heading", { name: "Progress", level: 1 })).toBeVisible();
  const rows = page.getByRole("table", { name: "Progress", exact: true }).locator("tbody tr");
  await expect(rows).toHaveCount(3);
  const onPage = await rows.evaluateAll((trs) =>
    // A cell shows a short code; its link's name goes on to say the state in words (and the reason).
    trs.map((tr) => ({ pen: tr.querySelector("th span")?.textContent?.trim() ?? "", cells: [...tr.querySelectorAll("td > a .sr-only")].map((words) => words.textContent ?? "") })),
  );
  expect(onPage.find((r) => r.pen === bo.penName)?.cells[0]).toContain("Returned or rejected");
  expect(onPage.find((r) => r.pen === ada.penName)?.cells[0]).toContain("Not sent");
  expect(onPage.find((r) => r.pen === s.member.penName)?.cells[0]).toContain("Answered");
  await expect(page.getByRole("link", { name: `Returned or rejected, Too many pages ${s.id}`, exact: false })).toBeVisible();
  // A cell leads to its record: a refused mail pack to the pack's mail log, an answer to the answers.
  await page.getByRole("link", { name: `Returned or rejected, Too many pages ${s.id}`, exact: false }).click();
  await expect(page).toHaveURL(new RegExp(`/groups/${s.group.slug}/packs/1/mail$`));
  await page.goBack();
  await page.getByRole("link", { name: /: Answered, / }).first().click();
  await expect(page).toHaveURL(new RegExp(`/groups/${s.group.slug}/packs/1/responses$`));
  await page.goBack();
  // One pack: no pager.
  await expect(page.getByRole("navigation", { name: "Packs shown" })).toHaveCount(0);
  if (shots) {
    await page.screenshot({ path: `${shots}/progress-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: `${shots}/progress-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  const csv = parse((await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "")) as string[][];
  const [head, ...body] = csv;
  expect(head).toEqual(["Pen name", "Legal name", "Facility", "Channel", "Member status", "Quiet", "Pack 1"]);
  expect(body.map((r) => r[0])).toEqual(onPage.map((r) => r.pen));
  body.forEach((row, i) => {
    const [state, reason] = row[6]!.split(": ");
    expect(onPage[i]!.cells[0]).toContain(state!);
    if (reason) expect(onPage[i]!.cells[0]).toContain(reason);
  });
  expect(body.find((r) => r[0] === bo.penName)).toEqual([bo.penName, bo.person.legalName, s.facility.name, "By mail", "Active", "no", `Returned or rejected: Too many pages ${s.id}`]);

  // A download link changed by hand is refused, with a plain message. (A new request context with
  // this session: the page's own may hold a kept-alive socket from the sign-in that the server has
  // closed by now.)
  const api = await playwright.request.newContext({ baseURL: E2E.baseURL, storageState: await page.context().storageState() });
  const bad = await api.get("/dashboard/export?table=members");
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain("This link is not right");
  await api.dispose();
  await page.getByRole("link", { name: `Timeline of ${bo.penName}` }).click();
  await expect(page.getByRole("heading", { name: `Timeline: ${bo.penName} (${bo.person.legalName})` })).toBeVisible();
  await expect(page.getByText("Pack 1: rejected by the mailroom")).toBeVisible();
  await expect(page.getByText(`Reason: Too many pages ${s.id}`)).toBeVisible();
  // Tables drawn on the server come once, in the HTML (decision 043). The link back is a
  // client-side navigation, whose payload carries the matrix itself; going back again shows the
  // timeline from the router's cache, with the list the tab kept.
  await page.getByRole("link", { name: `Progress of ${s.group.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/groups/${s.group.slug}/progress$`));
  await expect(page.getByRole("table", { name: "Progress", exact: true }).locator("tbody tr")).toHaveCount(3);
  await page.goBack();
  await expect(page.getByText(`Reason: Too many pages ${s.id}`)).toBeVisible();
  await page.goForward();
  await expect(page.getByRole("table", { name: "Progress", exact: true }).locator("tbody tr")).toHaveCount(3);
  await page.goBack();
  if (shots) {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: `${shots}/timeline-phone.png`, fullPage: true });
  }

  // Demo data: the intro group has an overdue letter (7-day turnaround) and a refused pack.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/groups/intro/progress?status=overdue", { waitUntil: "networkidle" });
  await expect(page.getByRole("table", { name: "Progress", exact: true }).getByText("Wren", { exact: true })).toBeVisible();
  if (shots) {
    await page.goto("/groups/intro/progress?open=1", { waitUntil: "networkidle" });
    await page.screenshot({ path: `${shots}/intro-progress-open.png`, fullPage: true });
  }

  const organizer = await db.user.findUniqueOrThrow({ where: { email: "organizer@example.org" } });
  const audited = await db.auditLog.findMany({ where: { actorId: organizer.id, groupId: s.group.id }, select: { action: true } });
  // The refused cell opened the mail log, which shows personal data too.
  expect(new Set(audited.map((a) => a.action))).toEqual(new Set(["progress.view", "progress.export", "timeline.view", "mailLog.view"]));
});

test("a facilitator of another group gets the 404 page for this group's progress and timelines", async ({ page, allowConsoleError, consoleErrors: _ }) => {
  allowConsoleError(/404/);
  const s = await makeMailGroup();
  const other = await makeMailGroup();
  await signInViaApi(page, other.facilitator.email, other.password);
  expect((await page.goto(`/groups/${s.group.slug}/progress`))?.status()).toBe(404);
  expect((await page.goto(`/groups/${s.group.slug}/members/${s.member.id}/timeline`))?.status()).toBe(404);
  expect((await page.goto(`/groups/${other.group.slug}/members/${s.member.id}/timeline`))?.status()).toBe(404);
  expect((await page.goto(`/groups/${s.group.slug}/progress/export`))?.status()).toBe(404);
  expect((await page.goto("/dashboard"))?.status()).toBe(404);
  // Their own group's page works, and filters that make no sense change nothing.
  await page.goto(`/groups/${other.group.slug}/progress?status=%3Cscript%3E&channel=%27%3B--&pack=-1`, { waitUntil: "networkidle" });
  await expect(page.getByText(/were not understood/)).toBeVisible();
  await expect(page.getByRole("table", { name: "Progress", exact: true }).locator("tbody tr")).toHaveCount(3);
});
