// Shared Playwright fixtures: a database client for making test data (the same real database
// the app uses), sign-in through the auth API (not the form), and a check that no page logged
// a console error.
import { randomBytes, createHash, randomUUID } from "node:crypto";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import bcrypt from "bcryptjs";
import { clientFor, DEMO_PASSWORD } from "../../prisma/seed";
import { E2E } from "./env";

export const db = clientFor(E2E.databaseUrl);
export { DEMO_PASSWORD };

/** Signs in through next-auth's endpoints; the page's context then carries the session. */
export async function signInViaApi(page: Page, email: string, password: string) {
  const request = page.context().request;
  // "Connection: close": a socket kept alive from here could be reused by a later request of the
  // test just as the server closes it for idleness (5 s), which fails that request (ECONNRESET).
  const headers = { connection: "close" };
  const { csrfToken } = (await (await request.get("/api/auth/csrf", { headers })).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
    headers,
  });
  expect([200, 302]).toContain(response.status());
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);
}

/** A new account with a role in a demo group. */
export async function makeAccount(role: "MEMBER" | "FACILITATOR", groupSlug: string) {
  const id = randomUUID().slice(0, 8);
  const password = `pw-${id}-long-enough`;
  const group = await db.group.findUniqueOrThrow({ where: { slug: groupSlug } });
  const user = await db.user.create({ data: { email: `e2e-${id}@example.test`, name: `E2E ${id}`, passwordHash: await bcrypt.hash(password, 4) } });
  if (role === "FACILITATOR") await db.facilitator.create({ data: { groupId: group.id, userId: user.id } });
  else {
    const person = await db.person.create({ data: { organizationId: group.organizationId, userId: user.id, legalName: user.name, email: user.email } });
    await db.member.create({ data: { groupId: group.id, personId: person.id, channel: "ONLINE", penName: `Pen ${id}` } });
  }
  return { ...user, password };
}

/** A member invitation to a demo group for a new email; returns the link's path. */
export async function makeMemberInvitation(groupSlug: string) {
  const id = randomUUID().slice(0, 8);
  const email = `invitee-${id}@example.test`;
  const group = await db.group.findUniqueOrThrow({ where: { slug: groupSlug } });
  const token = randomBytes(32).toString("base64url");
  const person = await db.person.create({ data: { organizationId: group.organizationId, legalName: `Invitee ${id}`, email } });
  await db.member.create({ data: { groupId: group.id, personId: person.id, channel: "ONLINE", penName: `Reader ${id}` } });
  await db.invitation.create({
    data: {
      tokenHash: createHash("sha256").update(token).digest("hex"),
      organizationId: group.organizationId,
      groupId: group.id,
      personId: person.id,
      email,
      role: "MEMBER",
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  return { email, path: `/invitations/${token}`, penName: `Reader ${id}` };
}

type Fixtures = { consoleErrors: string[]; allowConsoleError: (pattern: RegExp) => void };

/** Chromium's console message for anything a Content-Security-Policy refused: never allowed. */
const CSP_MESSAGE = /Content Security Policy/i;
const CSP_BINDING = "__studypackCspViolation";

export const test = base.extend<Fixtures>({
  // Runs in every test. Fails it on a console error, an uncaught exception, or a CSP violation
  // (Chromium's console message, and the `securitypolicyviolation` event, which also reports
  // what no console shows) on any page of the test: the `page`, pages it opens, and pages of
  // contexts the test makes with browser.newContext() (a second person).
  consoleErrors: [
    async ({ page, browser }, provide) => {
      const errors: string[] = [];
      const allowed: RegExp[] = [];
      (page as Page & { __allowed?: RegExp[] }).__allowed = allowed;
      const watchPage = (watched: Page) => {
        watched.on("console", (message) => {
          if (message.type() !== "error") return;
          if (CSP_MESSAGE.test(message.text()) || !allowed.some((p) => p.test(message.text()))) errors.push(message.text());
        });
        watched.on("pageerror", (error) => errors.push(error.message));
      };
      const watchContext = async (context: BrowserContext) => {
        await context.exposeBinding(CSP_BINDING, (_source, report: string) => errors.push(`CSP violation: ${report}`));
        await context.addInitScript((binding) => {
          document.addEventListener("securitypolicyviolation", (event) => {
            const report = `${event.effectiveDirective} refused ${event.blockedURI || "inline code"} in ${event.documentURI} (${event.sourceFile}:${event.lineNumber})`;
            void (window as unknown as Record<string, (report: string) => Promise<void>>)[binding]?.(report);
          });
        }, CSP_BINDING);
        context.pages().forEach(watchPage);
        context.on("page", watchPage);
      };
      await watchContext(page.context());
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const context = await newContext(...args);
        await watchContext(context);
        return context;
      };
      try {
        await provide(errors);
      } finally {
        Reflect.deleteProperty(browser, "newContext"); // back to Playwright's own method
      }
      expect(errors, "console errors and CSP violations on the page").toEqual([]);
    },
    { auto: true },
  ],
  allowConsoleError: async ({ page }, provide) => {
    await provide((pattern) => (page as Page & { __allowed?: RegExp[] }).__allowed?.push(pattern));
  },
});

export { expect };

/**
 * A study group of its own (so tests never touch each other's data): a course with one lesson
 * (a reading and two prompts), a facilitator and an online member, both able to sign in.
 */
export async function makeStudyGroup() {
  const id = randomUUID().slice(0, 8);
  const org = await db.organization.findUniqueOrThrow({ where: { slug: "riverside" } });
  const course = await db.course.create({ data: { organizationId: org.id, slug: `loop-${id}`, title: `Loop course ${id}` } });
  const lesson = await db.lesson.create({
    data: {
      courseId: course.id,
      position: 1,
      title: `Reading together ${id}`,
      readings: { create: { position: 1, title: "On slow reading", author: "A. Reader", bodyMarkdown: "## Why slowly\n\nBecause *time* matters.\n\n> A quoted line." } },
    },
    include: { readings: true },
  });
  await db.prompt.createMany({
    data: [
      { lessonId: lesson.id, position: 1, text: `What did the reading make you think of? ${id}`, readingId: lesson.readings[0]!.id },
      { lessonId: lesson.id, position: 2, text: `What would you ask the author? ${id}` },
    ],
  });
  const group = await db.group.create({ data: { organizationId: org.id, courseId: course.id, slug: `loop-${id}`, name: `Loop group ${id}`, level: "INTRODUCTORY" } });
  const password = `pw-${id}-long-enough`;
  const passwordHash = await bcrypt.hash(password, 4);
  const facilitator = await db.user.create({ data: { email: `fac-${id}@example.test`, name: `Facilitator ${id}`, passwordHash } });
  await db.facilitator.create({ data: { groupId: group.id, userId: facilitator.id } });
  const memberUser = await db.user.create({ data: { email: `mem-${id}@example.test`, name: `Member ${id}`, passwordHash } });
  const person = await db.person.create({ data: { organizationId: org.id, userId: memberUser.id, legalName: memberUser.name, email: memberUser.email } });
  const member = await db.member.create({ data: { groupId: group.id, personId: person.id, channel: "ONLINE", penName: `Pen ${id}` } });
  return { id, group, lesson, password, facilitator, memberUser, member };
}

/** A study group (see makeStudyGroup) with a facility and two mail members, pack 1 published. */
export async function makeMailGroup() {
  const s = await makeStudyGroup();
  const facility = await db.facility.create({
    data: { organizationId: s.group.organizationId, name: `Facility ${s.id}`, addressLines: ["10 Gate Road", "Town, ST 00000"], maxPagesPerEnvelope: 6, notes: "No staples." },
  });
  const mailMembers = [];
  for (const [legalName, idNumber, penName] of [[`Ada Post ${s.id}`, `AP-${s.id}`, `Ada ${s.id}`], [`Bo Letter ${s.id}`, `BL-${s.id}`, `Bo ${s.id}`]] as const) {
    const person = await db.person.create({ data: { organizationId: s.group.organizationId, legalName, facilityId: facility.id, idNumber, housingUnit: "Unit 1" } });
    mailMembers.push(await db.member.create({ data: { groupId: s.group.id, personId: person.id, channel: "MAIL", penName }, include: { person: true } }));
  }
  const pack = await db.pack.create({
    data: { groupId: s.group.id, number: 1, title: "By post", status: "PUBLISHED", publishedAt: new Date(), lessons: { create: { lessonId: s.lesson.id, position: 1 } } },
  });
  for (const m of [...mailMembers, s.member]) {
    const status = m.channel === "MAIL" ? "PREPARED" : "DELIVERED";
    await db.delivery.create({ data: { packId: pack.id, memberId: m.id, channel: m.channel, status, events: { create: { status, occurredOn: new Date() } } } });
  }
  return { ...s, facility, mailMembers, pack };
}
