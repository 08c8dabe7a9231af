import { describe, expect, it } from "vitest";
import { isCrossSiteWrite } from "@/lib/http/cross-site";

const request = (method: string, headers: Record<string, string>) => new Request("http://studypack.test/groups/intro", { method, headers });

describe("isCrossSiteWrite", () => {
  it("refuses a write whose Origin is another site", () => {
    expect(isCrossSiteWrite(request("POST", { host: "studypack.test", origin: "https://evil.example", "next-action": "7f00" }))).toBe(true);
    expect(isCrossSiteWrite(request("POST", { host: "studypack.test", origin: "http://studypack.test.evil.example" }))).toBe(true);
    expect(isCrossSiteWrite(request("POST", { host: "studypack.test:3000", origin: "http://studypack.test" }))).toBe(true);
    expect(isCrossSiteWrite(request("PUT", { host: "studypack.test", origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSiteWrite(request("DELETE", { host: "studypack.test", origin: "https://evil.example" }))).toBe(true);
  });

  it("refuses an Origin it cannot read, or a null one (sandboxed pages)", () => {
    expect(isCrossSiteWrite(request("POST", { host: "studypack.test", origin: "null" }))).toBe(true);
    expect(isCrossSiteWrite(request("POST", { host: "studypack.test", origin: "not a url" }))).toBe(true);
  });

  it("lets this site's own writes through, behind a proxy too", () => {
    expect(isCrossSiteWrite(request("POST", { host: "studypack.test", origin: "http://studypack.test" }))).toBe(false);
    expect(isCrossSiteWrite(request("POST", { host: "127.0.0.1:3000", "x-forwarded-host": "studypack.test, proxy.internal", origin: "https://studypack.test" }))).toBe(false);
  });

  it("compares with x-forwarded-host when there is one, as Next does", () => {
    expect(isCrossSiteWrite(request("POST", { host: "studypack.test", "x-forwarded-host": "other.example", origin: "http://studypack.test" }))).toBe(true);
  });

  it("leaves reads and Origin-less requests alone (browsers send Origin on every cross-site write)", () => {
    expect(isCrossSiteWrite(request("GET", { host: "studypack.test", origin: "https://evil.example" }))).toBe(false);
    expect(isCrossSiteWrite(request("HEAD", { host: "studypack.test", origin: "https://evil.example" }))).toBe(false);
    expect(isCrossSiteWrite(request("POST", { host: "studypack.test" }))).toBe(false);
  });
});
