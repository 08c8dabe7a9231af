// Sessions end on the server, against the real database: a cookie kept after signing out, after
// "sign out everywhere" or on another device after a password change opens nothing; the
// device that changed the password stays signed in.
import bcrypt from "bcryptjs";
import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { changePassword, signOutEverywhere } from "@/lib/auth/password-change";
import { getRequestUser } from "@/lib/auth/session";
import { sessionHoursFor } from "@/lib/auth/sessions";
import { loadGroupContext } from "@/lib/authz";
import { eraseMember } from "@/lib/data/member-data";
import { db } from "@/lib/db";
import { resetEnvCacheForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { makeOrganization, makeOrganizer, makeUser } from "@/tests/factories";
import { makePackScenario } from "@/tests/factories/pack";
import { sessionCookie } from "@/tests/factories/session";
import { statementCounter } from "@/tests/setup/statement-counter";

const PASSWORD = "a quiet river under the bridge";
const NEW_PASSWORD = "seven owls read by lamplight";

/** What the browser sends with a cookie, to a route handler. */
const requestWith = (cookie: string) => new Request("http://studypack.test/api/anything", { headers: { cookie } });
const signedInAs = async (cookie: string) => (await getRequestUser(requestWith(cookie)))?.id ?? null;

/** A sign-in through next-auth's own callbacks: the jwt callback makes the Session row. */
async function signIn(userId: string) {
  const options = authOptions();
  const token = await options.callbacks!.jwt!({ token: {}, user: { id: userId }, account: null } as never);
  const cookie = `next-auth.session-token=${await encode({ token, secret: process.env.AUTH_SECRET!, maxAge: 3600 })}`;
  return { token, cookie, signOut: () => options.events!.signOut!({ token, session: null } as never) };
}

// The app's own code runs through a client that counts its statements, so a request's session
// check is counted as it runs.
const counter = statementCounter({ asAppClient: true });

afterEach(() => {
  delete process.env.ORGANIZER_SESSION_MAX_AGE_HOURS;
  resetEnvCacheForTests();
});

describe("sessions", () => {
  it("end on sign-out: the saved cookie is signed out, another device of the same person is not", async () => {
    const user = await makeUser();
    const laptop = await signIn(user.id);
    const phone = await signIn(user.id);
    expect(laptop.token.sid).toEqual(expect.any(String));
    expect(await signedInAs(laptop.cookie)).toBe(user.id);
    await laptop.signOut();
    expect(await signedInAs(laptop.cookie)).toBeNull();
    expect(await signedInAs(phone.cookie)).toBe(user.id);
  });

  it("all end on sign out everywhere", async () => {
    const user = await makeUser();
    const other = await makeUser();
    const devices = [await signIn(user.id), await signIn(user.id), await signIn(user.id)];
    const someoneElse = await signIn(other.id);
    expect(await signOutEverywhere(user)).toEqual({ endedSessions: 3 });
    for (const device of devices) expect(await signedInAs(device.cookie)).toBeNull();
    expect(await signedInAs(someoneElse.cookie)).toBe(other.id);
  });

  it("end on a password change, except the one that made it", async () => {
    const user = await makeUser({ passwordHash: await hashPassword(PASSWORD) });
    const here = await signIn(user.id);
    const elsewhere = [await signIn(user.id), await signIn(user.id)];
    const result = await changePassword(user, here.token.sid as string, "198.51.100.30", { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(result).toEqual({ endedSessions: 2 });
    expect(await signedInAs(here.cookie)).toBe(user.id);
    for (const device of elsewhere) expect(await signedInAs(device.cookie)).toBeNull();
    const stored = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!;
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(NEW_PASSWORD, stored)).toBe(true);
    expect(await verifyPassword(PASSWORD, stored)).toBe(false);
  });

  it("survive a refused password change untouched", async () => {
    const old = await bcrypt.hash(PASSWORD, 4);
    const user = await makeUser({ passwordHash: old });
    const here = await signIn(user.id);
    const elsewhere = await signIn(user.id);
    const attempt = (currentPassword: string, newPassword: string) =>
      changePassword(user, here.token.sid as string, "198.51.100.31", { currentPassword, newPassword, confirmPassword: newPassword }).catch((e: unknown) => e);
    expect(await attempt("not my password", NEW_PASSWORD)).toMatchObject({ code: "INVALID", message: "security.errors.currentPasswordWrong", field: "values.currentPassword" });
    expect(await attempt(PASSWORD, "password123")).toMatchObject({ code: "INVALID", message: "security.weak.common", field: "values.newPassword" });
    expect(await attempt(PASSWORD, PASSWORD)).toMatchObject({ code: "INVALID", message: "security.errors.sameAsCurrent", field: "values.newPassword" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(old);
    expect(await signedInAs(elsewhere.cookie)).toBe(user.id);
  });

  it("throttle guesses of the current password like sign-ins", async () => {
    const user = await makeUser({ passwordHash: await hashPassword(PASSWORD) });
    const here = await signIn(user.id);
    const results: unknown[] = [];
    for (let i = 0; i < 7; i++) {
      results.push(await changePassword(user, here.token.sid as string, "203.0.113.31", { currentPassword: `guess ${i}`, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }).catch((e: unknown) => e));
    }
    expect(results.every((r) => r instanceof AppError)).toBe(true);
    expect(results.at(-1)).toMatchObject({ code: "RATE_LIMITED", field: "values.currentPassword" });
  });

  it("all end when an organizer erases the person", async () => {
    const s = await makePackScenario({ published: true });
    const organizer = await loadGroupContext(await makeOrganizer(s.group.organizationId), s.group.slug);
    const userId = s.memberCtx.user.id;
    const devices = [await signIn(userId), await signIn(userId)];
    expect(await signedInAs(devices[0]!.cookie)).toBe(userId);
    const penName = (await db.member.findUniqueOrThrow({ where: { id: s.member.id } })).penName;
    await eraseMember(organizer!, s.member.id, penName);
    for (const device of devices) expect(await signedInAs(device.cookie)).toBeNull();
    expect(await db.session.count({ where: { userId } })).toBe(0);
  });

  it("are refused when expired, for a disabled person, and for a cookie from before session rows", async () => {
    const user = await makeUser();
    const expired = await sessionCookie(user.id);
    await db.session.update({ where: { id: expired.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await signedInAs(expired.cookie)).toBeNull();

    const disabled = await makeUser();
    const theirs = await sessionCookie(disabled.id);
    expect(await signedInAs(theirs.cookie)).toBe(disabled.id);
    await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    expect(await signedInAs(theirs.cookie)).toBeNull();

    const oldShape = await encode({ token: { sub: user.id, sessionVersion: 0 }, secret: process.env.AUTH_SECRET!, maxAge: 3600 });
    expect(await signedInAs(`next-auth.session-token=${oldShape}`)).toBeNull();
    // Another person's session id does not open this account.
    const mine = await sessionCookie(user.id);
    const forged = await encode({ token: { sub: disabled.id, sid: mine.sessionId }, secret: process.env.AUTH_SECRET!, maxAge: 3600 });
    expect(await signedInAs(`next-auth.session-token=${forged}`)).toBeNull();
  });

  it("are pruned when expired, at the next sign-in", async () => {
    const user = await makeUser();
    const stale = await sessionCookie(user.id);
    await db.session.update({ where: { id: stale.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await signIn(user.id);
    expect(await db.session.count({ where: { id: stale.sessionId } })).toBe(0);
  });

  it("of an organizer last ORGANIZER_SESSION_MAX_AGE_HOURS, when that is set", async () => {
    const organizer = await makeUser();
    const member = await makeUser();
    await db.organizer.create({ data: { organizationId: (await makeOrganization()).id, userId: organizer.id } });
    expect(await sessionHoursFor(organizer.id)).toBe(12);
    process.env.ORGANIZER_SESSION_MAX_AGE_HOURS = "2";
    resetEnvCacheForTests();
    expect(await sessionHoursFor(organizer.id)).toBe(2);
    expect(await sessionHoursFor(member.id)).toBe(12);
    const { token } = await signIn(organizer.id);
    const row = await db.session.findUniqueOrThrow({ where: { id: token.sid as string } });
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(2 * 3600_000 - 60_000);
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(2 * 3600_000);
  });
});

describe("who is asking", () => {
  it("is read in one statement per request (it runs on every request: decision 014)", async () => {
    const user = await makeUser();
    const { cookie } = await sessionCookie(user.id);
    expect(await counter.count(() => signedInAs(cookie))).toMatchObject({ result: user.id, statements: 1 });
    expect(await counter.count(() => signedInAs("next-auth.session-token=not-a-token"))).toMatchObject({ result: null, statements: 0 });
  });
});
