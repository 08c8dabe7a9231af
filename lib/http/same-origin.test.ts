import { describe, expect, it } from "vitest";
import { isSameOrigin } from "@/lib/http/same-origin";

const req = (headers: Record<string, string>) => new Request("http://studypack.test/api/x", { method: "POST", headers });

describe("isSameOrigin", () => {
  it("accepts only an Origin that names the host the request came to", () => {
    expect(isSameOrigin(req({ origin: "http://studypack.test", host: "studypack.test" }))).toBe(true);
    expect(isSameOrigin(req({ origin: "https://studypack.test:8443", host: "studypack.test:8443" }))).toBe(true);
    expect(isSameOrigin(req({ origin: "https://studypack.test", host: "proxy.internal", "x-forwarded-host": "studypack.test" }))).toBe(true);
    expect(isSameOrigin(req({ host: "studypack.test" }))).toBe(false);
    expect(isSameOrigin(req({ origin: "null", host: "studypack.test" }))).toBe(false);
    expect(isSameOrigin(req({ origin: "https://evil.example", host: "studypack.test" }))).toBe(false);
    expect(isSameOrigin(req({ origin: "https://studypack.test.evil.example", host: "studypack.test" }))).toBe(false);
    expect(isSameOrigin(req({ origin: "https://studypack.test", host: "studypack.test:3000" }))).toBe(false);
  });
});
