// The sign-in throttle against the real database, through the real credential check
// (lib/auth/sign-in.ts): an attacker is slowed, the owner is not locked out, a spray from one
// source is slowed, and nothing is ever refused for good. "Waiting" moves the rows back in time.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { checkCredentials, type CredentialCheck } from "@/lib/auth/sign-in";
import { delaySeconds, RULES, secondsToWait, type AttemptState } from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import { makeUser } from "@/tests/factories";

const PASSWORD = "a quiet river under the bridge";

async function owner() {
  return makeUser({ passwordHash: await hashPassword(PASSWORD) });
}

/** As if `seconds` had passed for every attempt involving these emails or sources. */
async function wait(seconds: number, where: { emails?: string[]; sources?: string[] }) {
  await db.$executeRaw`
    UPDATE "SignInAttempt" SET "createdAt" = "createdAt" - make_interval(secs => ${seconds})
     WHERE "email" = ANY(${where.emails ?? []}) OR "ip" = ANY(${where.sources ?? []})`;
}

const throttled = (r: CredentialCheck) => (!r.ok && r.reason === "throttled" ? r.retryAfterSeconds : 0);

describe("the throttle's waits", () => {
  const calm: AttemptState = { pairFailures: 0, pairLastFailure: null, known: false, accountFailures: 0, sourceAccounts: 0, sourceLastFailure: null };
  const now = new Date("2026-12-01T12:00:00Z");
  const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);

  it("grow by doubling after the free failures, and never pass 15 minutes", () => {
    expect([4, 5, 6, 7, 8, 14, 15, 100, 10_000].map((n) => delaySeconds(n, 5))).toEqual([0, 1, 2, 4, 8, 512, 900, 900, 900]);
  });

  it("count from the last failure, so waiting them out always lets the next try through", () => {
    const state = { ...calm, pairFailures: 8, pairLastFailure: secondsAgo(3) };
    expect(secondsToWait(state, now)).toBe(5);
    expect(secondsToWait({ ...state, pairLastFailure: secondsAgo(8) }, now)).toBe(0);
  });

  it("spare a known source from the spray and under-attack rules, but not from its own failures", () => {
    const spray = { ...calm, sourceAccounts: 40, sourceLastFailure: secondsAgo(1) };
    expect(secondsToWait(spray, now)).toBe(RULES.maxDelaySeconds - 1);
    expect(secondsToWait({ ...spray, known: true }, now)).toBe(0);
    const attacked = { ...calm, accountFailures: 500, pairFailures: 1, pairLastFailure: secondsAgo(0) };
    expect(secondsToWait(attacked, now)).toBe(1);
    expect(secondsToWait({ ...attacked, known: true }, now)).toBe(0);
    expect(secondsToWait({ ...attacked, known: true, pairFailures: 6 }, now)).toBe(2);
  });
});

describe("sign-in throttling", () => {
  it("lets the owner sign in from their own source while an attacker elsewhere fails 100 times", async () => {
    const user = await owner();
    const home = "198.51.100.7";
    const attacker = "203.0.113.66";
    expect((await checkCredentials(user.email, PASSWORD, home)).ok).toBe(true);

    let wrong = 0;
    const waits: number[] = [];
    while (wrong < 100) {
      const result = await checkCredentials(user.email, `guess number ${wrong}`, attacker);
      const retryAfter = throttled(result);
      if (retryAfter) {
        waits.push(retryAfter);
        await wait(retryAfter, { sources: [attacker] });
      } else {
        expect(result).toEqual({ ok: false, reason: "invalid" });
        wrong++;
      }
    }
    // The attacker was slowed more and more: waits grew to the cap.
    expect(waits.length).toBeGreaterThan(90);
    expect(Math.max(...waits)).toBe(RULES.maxDelaySeconds);
    expect(throttled(await checkCredentials(user.email, "one more", attacker))).toBeGreaterThan(RULES.maxDelaySeconds - 5);

    // The owner, right now, from home: straight in.
    expect((await checkCredentials(user.email, PASSWORD, home)).ok).toBe(true);
    // And from a source never used before, while the account is under attack: one free try, enough for the right password.
    expect((await checkCredentials(user.email, PASSWORD, "192.0.2.44")).ok).toBe(true);
    // The owner's own typo at home does not inherit the attacker's count.
    expect(await checkCredentials(user.email, "typo", home)).toEqual({ ok: false, reason: "invalid" });
    expect((await checkCredentials(user.email, PASSWORD, home)).ok).toBe(true);
  });

  it("slows a spray across many accounts from one source, the same for real and made-up emails", async () => {
    const sprayer = "203.0.113.99";
    const real = await owner();
    const sharedHome = await owner();
    // Someone who signs in from the same address (a library, an office) before the spray starts.
    expect((await checkCredentials(sharedHome.email, PASSWORD, sprayer)).ok).toBe(true);

    const emails = Array.from({ length: 20 }, () => `sprayed-${randomUUID().slice(0, 8)}@example.test`);
    const waits: number[] = [];
    for (const email of emails) {
      let result = await checkCredentials(email, "Password1!", sprayer);
      const retryAfter = throttled(result);
      if (retryAfter) {
        waits.push(retryAfter);
        await wait(retryAfter, { sources: [sprayer] });
        result = await checkCredentials(email, "Password1!", sprayer);
      }
      expect(result).toEqual({ ok: false, reason: "invalid" });
    }
    // The first ten accounts pass unhindered; after that each one waits twice as long as the last.
    expect(waits).toEqual(emails.slice(RULES.freeAccountsPerSource).map((_, i) => 2 ** i));

    // Now every new account from that source waits, whether it exists or not …
    const forReal = throttled(await checkCredentials(real.email, PASSWORD, sprayer));
    const forNobody = throttled(await checkCredentials(`nobody-${randomUUID()}@example.test`, PASSWORD, sprayer));
    expect(forReal).toBeGreaterThan(RULES.maxDelaySeconds - 5);
    expect(forReal).toBe(forNobody);
    // … while the person who is known there signs in as usual, and the real owner does from home.
    expect((await checkCredentials(sharedHome.email, PASSWORD, sprayer)).ok).toBe(true);
    expect((await checkCredentials(real.email, PASSWORD, "198.51.100.8")).ok).toBe(true);
  });

  it("counts simultaneous guesses as they arrive: a burst gets only the free tries", async () => {
    const user = await owner();
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => checkCredentials(user.email, `burst guess ${i}`, "203.0.113.12")));
    expect(burst.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(RULES.freeFailuresPerAccountAndSource);
    expect(burst.filter((r) => throttled(r) > 0)).toHaveLength(20 - RULES.freeFailuresPerAccountAndSource);
  });

  it("writes nothing and checks no password when it refuses", async () => {
    const user = await owner();
    const source = "203.0.113.13";
    for (let i = 0; i < RULES.freeFailuresPerAccountAndSource; i++) await checkCredentials(user.email, `nope ${i}`, source);
    const before = await db.signInAttempt.count({ where: { email: user.email } });
    // Even the right password is not looked at during the wait …
    expect(throttled(await checkCredentials(user.email, PASSWORD, source))).toBeGreaterThan(0);
    expect(await db.signInAttempt.count({ where: { email: user.email } })).toBe(before);
    // … and is accepted once the wait is over.
    await wait(RULES.maxDelaySeconds, { emails: [user.email] });
    expect((await checkCredentials(user.email, PASSWORD, source)).ok).toBe(true);
  });

  it("prunes on write: failures older than a day and successes older than 30 days go", async () => {
    const email = `old-${randomUUID().slice(0, 8)}@example.test`;
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
    await db.signInAttempt.createMany({
      data: [
        { email, ip: "192.0.2.1", succeeded: false, createdAt: hoursAgo(25) },
        { email, ip: "192.0.2.2", succeeded: false, createdAt: hoursAgo(23) },
        { email, ip: "192.0.2.3", succeeded: true, createdAt: hoursAgo(31 * 24) },
        { email, ip: "192.0.2.4", succeeded: true, createdAt: hoursAgo(10 * 24) },
      ],
    });
    await checkCredentials(`someone-else-${randomUUID()}@example.test`, "whatever", "192.0.2.200");
    const left = await db.signInAttempt.findMany({ where: { email }, select: { ip: true }, orderBy: { ip: "asc" } });
    expect(left.map((r) => r.ip)).toEqual(["192.0.2.2", "192.0.2.4"]);
  });

  it("treats an unknown source as one source of its own", async () => {
    const user = await owner();
    for (let i = 0; i < RULES.freeFailuresPerAccountAndSource; i++) await checkCredentials(user.email, `nope ${i}`, null);
    expect(throttled(await checkCredentials(user.email, PASSWORD, null))).toBeGreaterThan(0);
    expect((await checkCredentials(user.email, PASSWORD, "198.51.100.70")).ok).toBe(true);
  });
});
