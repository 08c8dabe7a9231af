import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { authRedirect, safeReturnPath } from "@/lib/safe-redirect";

const SITE = "https://studypack.example.org";
const FALLBACK = "/fallback";

/** Where a browser goes when it is sent `location` from a page of SITE (what a Location header does). */
const landsOn = (location: string) => new URL(location, `${SITE}/sign-in`).origin;

// Known open-redirect payloads (from public lists of bypasses of "starts with /" checks), each
// one refused outright. Payloads that would only need a browser's rewriting (tabs, newlines,
// backslashes, dot segments) or one more decoding (`%09`, `%5C`, `%2F%2F`) are here on purpose.
const REFUSED: string[] = [
  "//evil.example",
  "///evil.example",
  "////evil.example/phish",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/\\/evil.example",
  "/\\\\evil.example",
  "///\\;@evil.example",
  "/\t/evil.example/phish",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  "/\u0000/evil.example",
  "/\u007f/evil.example",
  "/\u0085/evil.example",
  " //evil.example",
  "https://evil.example",
  "http://evil.example/phish",
  "HTTPS://EVIL.EXAMPLE",
  "https:\\\\evil.example",
  "http:evil.example",
  "//studypack.example.org@evil.example",
  "https://studypack.example.org@evil.example/",
  "https://studypack.example.org.evil.example/",
  "https://evil.example/https://studypack.example.org/",
  "https://evil.example#https://studypack.example.org",
  "http://studypack.example.org/", // the same host over http is another origin
  "https://studypack.example.org:8443/",
  "http://[::1]/",
  "http://0x7f.1/",
  "/.//evil.example",
  "/./..//evil.example",
  "/a/..//evil.example",
  "/%09/evil.example/phish",
  "/%0a/evil.example",
  "/%0D%0A/evil.example",
  "%0a//evil.example",
  "/%5cevil.example",
  "/%5C%5Cevil.example",
  "/%2F%2Fevil.example",
  "/%2f%2fevil.example",
  "%2F%2Fevil.example",
  "/%252F%252Fevil.example",
  "/%25252F%25252Fevil.example",
  "javascript:alert(document.domain)",
  "JaVaScRiPt:alert(1)",
  "java\tscript:alert(1)",
  "javascript://%0aalert(1)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "blob:https://evil.example/1",
  "/x?next=%0d%0aSet-Cookie:a=b",
];

// Odd but harmless: look-alike slashes (fullwidth, fraction, division) are not slashes to a URL
// parser, and `https:` before a path on an https site is a path of that site. They stay here,
// as odd paths (percent-encoded where needed).
const ODD_BUT_ON_SITE = ["https:/evil.example", "https:evil.example", "／／evil.example", "/／evil.example", "⁄⁄evil.example", "∕∕evil.example", "\u2028//evil.example", "/%E3%80%82evil.example"];

describe("safeReturnPath", () => {
  it("keeps paths of this site, with their query and fragment", () => {
    expect(safeReturnPath("/groups/intro", { fallback: FALLBACK })).toBe("/groups/intro");
    expect(safeReturnPath("/groups/intro/packs/1?tab=answers#prompt-2", { fallback: FALLBACK })).toBe("/groups/intro/packs/1?tab=answers#prompt-2");
    expect(safeReturnPath("/invitations/Ab_-0123456789", { fallback: FALLBACK })).toBe("/invitations/Ab_-0123456789");
    expect(safeReturnPath("/dashboard?q=50%25", { fallback: FALLBACK })).toBe("/dashboard?q=50%25");
    expect(safeReturnPath("/sign-in?callbackUrl=%2Fgroups%2Fintro", { fallback: FALLBACK })).toBe("/sign-in?callbackUrl=%2Fgroups%2Fintro");
  });

  it("writes out what the parser read: dot segments resolved, non-ASCII percent-encoded", () => {
    expect(safeReturnPath("/groups/../groups/intro", { fallback: FALLBACK })).toBe("/groups/intro");
    expect(safeReturnPath("/café", { fallback: FALLBACK })).toBe("/caf%C3%A9");
    expect(safeReturnPath("groups/intro", { fallback: FALLBACK })).toBe("/groups/intro");
  });

  it("accepts an absolute URL on this site's origin only when it knows the origin", () => {
    expect(safeReturnPath(`${SITE}/groups/intro?x=1`, { origin: SITE, fallback: FALLBACK })).toBe("/groups/intro?x=1");
    expect(safeReturnPath(`${SITE}/groups/intro`, { origin: `${SITE}/some/path`, fallback: FALLBACK })).toBe("/groups/intro");
    expect(safeReturnPath(`${SITE}/groups/intro`, { fallback: FALLBACK })).toBe(FALLBACK);
  });

  it("falls back for nothing, and for what is too long to be ours", () => {
    for (const value of [undefined, null, ""]) expect(safeReturnPath(value, { fallback: FALLBACK })).toBe(FALLBACK);
    expect(safeReturnPath(`/${"a".repeat(3000)}`, { fallback: FALLBACK })).toBe(FALLBACK);
    expect(safeReturnPath("//evil.example")).toBe("/");
  });

  it(`refuses each of ${REFUSED.length} known open-redirect payloads`, () => {
    expect(REFUSED.length).toBeGreaterThanOrEqual(40);
    const accepted = REFUSED.filter((payload) => safeReturnPath(payload, { origin: SITE, fallback: FALLBACK }) !== FALLBACK);
    expect(accepted).toEqual([]);
  });

  it("the corpus is real: most payloads, taken as they are, would leave the site", () => {
    // So the test above cannot pass because the payloads were harmless to begin with. The rest
    // leave only after a browser's rewriting or a second decoding, which new URL() does not show.
    const leaving = REFUSED.filter((payload) => {
      try {
        return landsOn(payload) !== SITE;
      } catch {
        return false;
      }
    });
    expect(leaving.length).toBeGreaterThanOrEqual(30);
    // The hole of issue 14 is among them: the browser drops the tab.
    expect(landsOn("/\t/evil.example/phish")).toBe("https://evil.example");
  });

  it("keeps look-alike slashes and same-scheme paths on this site", () => {
    for (const payload of ODD_BUT_ON_SITE) {
      const path = safeReturnPath(payload, { origin: SITE, fallback: FALLBACK });
      expect(landsOn(path), payload).toBe(SITE);
      expect(path).toMatch(/^\/[^/\\]/);
    }
  });

  it("whatever the input, the answer stays on the site and is a valid Location header", () => {
    const pieces = fc.constantFrom("/", "//", "\\", "\t", "\n", "\r", "%", "%2F", "%5C", "%09", "%25", ".", "..", "@", ":", "?", "#", "evil.example", "https:", "javascript:", "／", " ", "\u0000", "é");
    const input = fc.oneof(fc.string({ unit: "binary" }), fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join("")));
    fc.assert(
      fc.property(input, fc.constantFrom(SITE, "http://localhost:3000"), (value, origin) => {
        const path = safeReturnPath(value, { origin });
        expect(new URL(path, `${origin}/sign-in`).origin).toBe(origin);
        expect(path).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("authRedirect (next-auth's redirect callback)", () => {
  it("keeps next-auth on this site, as an absolute URL", () => {
    expect(authRedirect({ url: "/groups/intro", baseUrl: SITE })).toBe(`${SITE}/groups/intro`);
    expect(authRedirect({ url: `${SITE}/sign-in`, baseUrl: SITE })).toBe(`${SITE}/sign-in`);
    expect(authRedirect({ url: "https://evil.example/", baseUrl: SITE })).toBe(`${SITE}/`);
    expect(authRedirect({ url: "/\t/evil.example/phish", baseUrl: SITE })).toBe(`${SITE}/`);
    expect(authRedirect({ url: "/%0a", baseUrl: SITE })).toBe(`${SITE}/`);
  });
});
