// The door as an attacker and a browser see it (issue 14, points 2, 6 and 7): every kind of
// response carries the security headers, each once; pages run only scripts with their nonce
// (and the fixture fails any test that meets a CSP violation); a member's pack PDF still opens in
// Chromium's viewer; a return path never takes the browser off the site; and odd input (a
// newline in a return path, a server action from another site) gets a plain answer, not a 500,
// and writes nothing.
import { readFileSync } from "node:fs";
import type { APIResponse, Page } from "@playwright/test";
import { NOT_A_PAGE_POLICY } from "../../lib/http/security-headers";
import { db, DEMO_PASSWORD, expect, makeMailGroup, makeStudyGroup, signInViaApi, test } from "./fixtures";
import { E2E } from "./env";

const messages = JSON.parse(readFileSync("messages/en/common.json", "utf8")) as { requestGuard: { crossSite: string } };

const EVERY_RESPONSE = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
};

/** The response's headers, each name once (fails if any security header came twice). */
function headersOnce(response: APIResponse): Record<string, string> {
  const names = response.headersArray().map((h) => h.name.toLowerCase());
  for (const name of [...Object.keys(EVERY_RESPONSE), "permissions-policy", "content-security-policy", "strict-transport-security"]) {
    expect(names.filter((n) => n === name), `${name} on ${response.url()}`).toHaveLength(name === "strict-transport-security" ? 0 : 1);
  }
  return response.headers();
}

function expectEveryResponseHeaders(headers: Record<string, string>) {
  for (const [name, value] of Object.entries(EVERY_RESPONSE)) expect(headers[name], name).toBe(value);
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(headers["permissions-policy"]).toContain(`${feature}=()`);
}

/** The nonce of a page's policy; the policy itself is checked in lib/http/security-headers.test.ts. */
function pageNonce(headers: Record<string, string>): string {
  const policy = headers["content-security-policy"]!;
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("unsafe-inline");
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
  expect(nonce, policy).toBeTruthy();
  return nonce!;
}

test("pages, API answers, build files and icons carry the security headers, each once", async ({ request }) => {
  const signIn = await request.get("/sign-in");
  expect(signIn.status()).toBe(200);
  const headers = headersOnce(signIn);
  expectEveryResponseHeaders(headers);
  const nonce = pageNonce(headers);
  // Every script Next wrote carries this response's nonce; the next response has another.
  const html = await signIn.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(3);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  expect(pageNonce(headersOnce(await request.get("/sign-in")))).not.toBe(nonce);

  // A page that is not there is a page too.
  const missing = await request.get("/no-such-page");
  expect(missing.status()).toBe(404);
  pageNonce(headersOnce(missing));

  // Answers that are not pages: nothing in them may run, and no one may frame them.
  const asset = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
  expect(asset).toBeTruthy();
  for (const url of ["/api/health", "/api/files/no-such-file", asset!, "/icon.svg"]) {
    const response = await request.get(url);
    const h = headersOnce(response);
    expectEveryResponseHeaders(h);
    expect(h["content-security-policy"], url).toBe(NOT_A_PAGE_POLICY);
  }
});

test("the sign-in page and a group page load their styles and scripts under the policy", async ({ page }) => {
  await page.goto("/sign-in");
  // Styles: the button is the accent colour; scripts: the form checks itself in the browser.
  await expect(page.getByRole("button", { name: "Sign in" })).toHaveCSS("background-color", "rgb(29, 78, 216)");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email address.")).toBeVisible();
  await page.screenshot({ path: "/tmp/headers-sign-in.png", fullPage: true });

  await signInViaApi(page, "organizer@example.org", DEMO_PASSWORD);
  await page.goto("/groups/intro");
  await expect(page.getByRole("heading", { name: "Introductory group (autumn)" })).toBeVisible();
  // A client-side navigation loads the next page's chunks ('strict-dynamic').
  await page.getByRole("link", { name: "Progress" }).first().click();
  await expect(page).toHaveURL(/\/groups\/intro\/progress/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/groups/intro");
  await page.screenshot({ path: "/tmp/headers-group.png", fullPage: true });
});

test("a member's pack PDF opens in Chromium's PDF viewer with the headers on", async ({ page }) => {
  const s = await makeMailGroup();
  await signInViaApi(page, s.facilitator.email, s.password);
  const response = await page.goto(`/groups/${s.group.slug}/packs/1/print/${s.mailMembers[0]!.id}`);
  expect(response?.status()).toBe(200);
  const headers = await response!.allHeaders();
  expect(headers["content-type"]).toBe("application/pdf");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  // The viewer is a frame of Chromium's PDF extension inside the document.
  await expect.poll(() => page.frames().some((f) => f.url().startsWith("chrome-extension://")), { timeout: 15_000 }).toBe(true);
});

/** Sends every request of the page's context that leaves this site nowhere, and records it. */
async function fenceIn(page: Page): Promise<string[]> {
  const left: string[] = [];
  await page.context().route(
    (url) => url.origin !== new URL(E2E.baseURL).origin,
    (route) => {
      left.push(route.request().url());
      return route.abort();
    },
  );
  return left;
}

// Payloads that a browser would follow off the site if they were used as they came (they are
// in the vitest corpus too, lib/safe-redirect.test.ts): here Chromium itself is sent them.
const PAYLOADS = [
  "/\t/evil.example/phish",
  "/\n/evil.example",
  "//evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "https:/\\evil.example",
  "/.//evil.example",
  "/%2F%2Fevil.example",
  "/%5Cevil.example",
  "javascript:alert(1)",
  "／／evil.example",
];

test("a return path never takes a signed-in browser off the site", async ({ page, allowConsoleError }) => {
  allowConsoleError(/status of 404/); // look-alike slashes land on a page that does not exist
  const left = await fenceIn(page);
  await signInViaApi(page, "member@example.org", DEMO_PASSWORD);
  // The link of issue 14, as it was written: the query decodes to a tab.
  await page.goto("/sign-in?callbackUrl=/%09/evil.example/phish");
  expect(new URL(page.url()).origin).toBe(new URL(E2E.baseURL).origin);
  for (const payload of PAYLOADS) {
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(payload)}`);
    expect(new URL(page.url()).origin, payload).toBe(new URL(E2E.baseURL).origin);
  }
  expect(left).toEqual([]);
});

test("signing in from a link with a hostile return path lands on this site's home page", async ({ page }) => {
  const left = await fenceIn(page);
  await page.goto("/sign-in?callbackUrl=/%09/evil.example/phish");
  await page.getByLabel("Email").fill("member@example.org");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your groups" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/");
  expect(left).toEqual([]);
});

test("odd return paths get a redirect home, not a 500", async ({ page }) => {
  await signInViaApi(page, "member@example.org", DEMO_PASSWORD);
  const request = page.context().request;
  const cases: [string, string][] = [
    ["/%0a/evil.example", "/"], // a newline: the invalid Location header of issue 14
    ["/%0d%0aSet-Cookie:%20a=b", "/"],
    ["/groups/intro%00", "/"],
    ["/caf%C3%A9", "/caf%C3%A9"], // not ASCII: written out percent-encoded, a valid header
    ["/groups/intro&callbackUrl=/groups/advanced", "/"], // two values: which one was meant?
    [encodeURIComponent(`${E2E.baseURL}/groups/intro?x=1`), "/groups/intro?x=1"], // next-auth's links are absolute, on NEXTAUTH_URL
  ];
  for (const [callbackUrl, location] of cases) {
    const response = await request.get(`/sign-in?callbackUrl=${callbackUrl}`, { maxRedirects: 0 });
    expect(response.status(), callbackUrl).toBe(307);
    expect(response.headers()["location"], callbackUrl).toBe(location);
  }
});

test("a server action from another site gets a plain 403 before Next and writes nothing", async ({ page }) => {
  const s = await makeStudyGroup();
  await signInViaApi(page, s.facilitator.email, s.password);
  await page.goto(`/groups/${s.group.slug}`);
  const captured = page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await page.getByRole("button", { name: "Start a new pack" }).click();
  await page.getByRole("button", { name: "Start the pack" }).click();
  const action = await captured;
  await expect(page).toHaveURL(new RegExp(`/groups/${s.group.slug}/packs/1/edit$`));
  const packs = () => db.pack.count({ where: { groupId: s.group.id } });
  expect(await packs()).toBe(1);

  // The same request, with its cookie, sent again as another site's page would send it.
  const replay = (origin: string | null) =>
    page.context().request.post(action.url(), {
      headers: { ...(origin ? { origin } : {}), "next-action": action.headers()["next-action"]!, "content-type": action.headers()["content-type"]!, accept: "text/x-component" },
      data: action.postData() ?? "",
      maxRedirects: 0,
    });
  for (const origin of ["https://evil.example", `http://evil.example:${E2E.port}`, "null"]) {
    const refused = await replay(origin);
    expect(refused.status(), origin).toBe(403);
    expect(await refused.text()).toBe(messages.requestGuard.crossSite);
    expect(refused.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  }
  // A plain form posted to a page from another site: the same answer.
  const form = await page.context().request.post(`/groups/${s.group.slug}`, { headers: { origin: "https://evil.example" }, form: { title: "x" } });
  expect(form.status()).toBe(403);
  expect(await packs()).toBe(1);

  // The request was a real one: from this site, the same replay makes pack 2.
  expect((await replay(new URL(E2E.baseURL).origin)).status()).toBe(200);
  expect(await packs()).toBe(2);
});
