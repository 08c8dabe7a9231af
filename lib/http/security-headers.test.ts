import { describe, expect, it } from "vitest";
import { isHttpsSite, newNonce, NOT_A_PAGE_POLICY, pagePolicy, strictTransportSecurity } from "@/lib/http/security-headers";

/** The policy as a map from directive to its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

describe("pagePolicy", () => {
  const production = directives(pagePolicy({ nonce: "abc123==", dev: false, https: true }));

  it("runs only scripts with this response's nonce, or loaded by one; never inline or eval", () => {
    expect(production.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(production.get("style-src")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(pagePolicy({ nonce: "n", dev: false, https: false })).not.toMatch(/unsafe-(inline|eval)/);
  });

  it("has the directives issue 14 asks for", () => {
    expect(production.get("default-src")).toEqual(["'self'"]);
    expect(production.get("frame-ancestors")).toEqual(["'none'"]);
    expect(production.get("object-src")).toEqual(["'none'"]);
    expect(production.get("base-uri")).toEqual(["'self'"]);
    expect(production.get("form-action")).toEqual(["'self'"]);
  });

  it("upgrades stray http:// loads only on an https site", () => {
    expect(production.has("upgrade-insecure-requests")).toBe(true);
    expect(directives(pagePolicy({ nonce: "n", dev: false, https: false })).has("upgrade-insecure-requests")).toBe(false);
  });

  it("loosens only what next dev needs, and only in dev", () => {
    const dev = directives(pagePolicy({ nonce: "n", dev: true, https: false }));
    expect(dev.get("script-src")).toEqual(["'self'", "'nonce-n'", "'strict-dynamic'", "'unsafe-eval'"]);
    expect(dev.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe("the policy of answers that are not pages", () => {
  it("lets nothing load and no one frame them", () => {
    const policy = directives(NOT_A_PAGE_POLICY);
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
  });
});

describe("HSTS", () => {
  it("is sent only when NEXTAUTH_URL is https", () => {
    expect(isHttpsSite("https://studypack.example.org")).toBe(true);
    expect(isHttpsSite("http://localhost:3000")).toBe(false);
    expect(isHttpsSite(undefined)).toBe(false);
    expect(strictTransportSecurity(true)).toBe("max-age=63072000; includeSubDomains");
    expect(strictTransportSecurity(false)).toBeNull();
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, new every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
