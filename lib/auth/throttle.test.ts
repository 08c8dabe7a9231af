import { describe, expect, it } from "vitest";
import { isThrottled, MAX_FAILURES_PER_EMAIL, recordAttempt } from "@/lib/auth/throttle";
import { db } from "@/lib/db";

describe("sign-in throttle", () => {
  it("refuses an email after repeated failures, whether or not it has an account", async () => {
    const email = `nobody-${Date.now()}@example.test`;
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) await recordAttempt(email, "10.0.0.1", false);
    expect(await isThrottled(email, "10.0.0.1")).toBe(false);
    await recordAttempt(email, "10.0.0.1", false);
    expect(await isThrottled(email, "10.0.0.2")).toBe(true);
  });

  it("forgets failures older than the window, and a good sign-in clears them", async () => {
    const email = `someone-${Date.now()}@example.test`;
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) await recordAttempt(email, null, false);
    await db.signInAttempt.updateMany({ where: { email }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    expect(await isThrottled(email, null)).toBe(false);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) await recordAttempt(email, null, false);
    await recordAttempt(email, null, true);
    await recordAttempt(email, null, false);
    expect(await isThrottled(email, null)).toBe(false);
  });
});
