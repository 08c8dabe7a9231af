// How long the answer editor waits when the server says it is busy: Retry-After as seconds or as
// an HTTP date, kept within 1–60 s, and 2 s when it cannot be read.
import { describe, expect, it } from "vitest";
import { retryAfterSeconds } from "@/components/responses/post-response";

describe("retryAfterSeconds", () => {
  it("reads seconds and HTTP dates, and keeps them within 1–60", () => {
    expect(retryAfterSeconds("1")).toBe(1);
    expect(retryAfterSeconds(" 5 ")).toBe(5);
    expect(retryAfterSeconds("0")).toBe(1);
    expect(retryAfterSeconds("3600")).toBe(60);
    const now = Date.parse("2026-12-06T10:00:00Z");
    expect(retryAfterSeconds("Sun, 06 Dec 2026 10:00:07 GMT", now)).toBe(7);
    expect(retryAfterSeconds("Sun, 06 Dec 2026 09:00:00 GMT", now)).toBe(1);
  });

  it("waits 2 s when the header is missing or cannot be read", () => {
    expect(retryAfterSeconds(null)).toBe(2);
    expect(retryAfterSeconds("")).toBe(2);
    expect(retryAfterSeconds("soon")).toBe(2);
    expect(retryAfterSeconds("-3")).toBe(2);
  });
});
