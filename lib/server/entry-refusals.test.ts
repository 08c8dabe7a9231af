// The door, tried as an attacker would: every server action and route handler the inventory
// finds, called by a signed-in user who has every role — in another group and organization —
// with input that is wrong in every field. Each must answer "not found" (never which fields
// were wrong: authorization comes before parsing) and write nothing. Called not signed in, the
// same. The calls go through the real modules against the real database; only Next's request
// headers are supplied here, since there is no Next.js server around a unit test.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { entryKindOf } from "@/lib/server/entry";
import { makeFacilitator, makeGroup, makeMember, makeOrganizer, makeUser } from "@/tests/factories";
import { sessionCookie } from "@/tests/factories/session";
import { actionModules, ROOT, routeModules } from "@/tests/setup/entry-files";

const request = vi.hoisted(() => ({ cookie: "" }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    getAll: () =>
      request.cookie
        .split(";")
        .filter(Boolean)
        .map((part) => ({ name: part.slice(0, part.indexOf("=")).trim(), value: part.slice(part.indexOf("=") + 1).trim() })),
  }),
  headers: async () => new Headers(request.cookie ? { cookie: request.cookie } : {}),
}));

type Target = { slug: string; organizationId: string; courseId: string };
let target: Target;
let strangerCookie: string;

/** Rows a refused call might have written, counted across the tables actions write. */
async function writes() {
  const [packs, responses, courses, lessons, facilities, members, invitations, audit, feedback, replies] = await Promise.all([
    db.pack.count(), db.response.count(), db.course.count(), db.lesson.count(), db.facility.count(), db.member.count(),
    db.invitation.count(), db.auditLog.count(), db.feedback.count(), db.reply.count(),
  ]);
  const organization = await db.organization.findUniqueOrThrow({ where: { id: target.organizationId } });
  return { packs, responses, courses, lessons, facilities, members, invitations, audit, feedback, replies, organization };
}

/** Every field wrong, but the scope naming the target. */
const hostileInput = () => ({
  groupSlug: target.slug,
  courseId: target.courseId,
  organizationId: target.organizationId,
  values: 42,
  body: { nested: true },
  packNumber: "many",
  memberId: ["x"],
  csv: 7,
});

beforeAll(async () => {
  const group = await makeGroup();
  target = { slug: group.slug, organizationId: group.organizationId, courseId: group.courseId };
  // Someone with every role, elsewhere.
  const own = await makeGroup();
  const stranger = await makeUser();
  await makeOrganizer(own.organizationId, stranger);
  await makeFacilitator(own.id, stranger);
  await makeMember(own, { user: stranger });
  strangerCookie = (await sessionCookie(stranger.id)).cookie;
});

const load = async (file: string) => (await import(pathToFileURL(path.join(ROOT, file)).href)) as Record<string, unknown>;
const NOT_FOUND = { ok: false, code: "NOT_FOUND", fieldErrors: {}, formError: "errors.notFound" };

describe("server actions refuse what is not the caller's, before reading the input", () => {
  it.each(actionModules)("%s", async (file) => {
    const mod = await load(file);
    const before = await writes();
    for (const [name, action] of Object.entries(mod)) {
      const kind = entryKindOf(action);
      if (kind === "public") continue; // the input itself is the permission (an invitation token): tested with its data
      const call = action as (input: unknown) => Promise<unknown>;
      request.cookie = "";
      expect(await call(hostileInput()), `${name}, not signed in`).toEqual(NOT_FOUND);
      if (kind === "user") continue; // about the caller only: there is nobody else's record to name
      request.cookie = strangerCookie;
      expect(await call(hostileInput()), `${name}, signed in elsewhere`).toEqual(NOT_FOUND);
      const form = new FormData();
      for (const [key, value] of Object.entries(hostileInput())) form.set(key, String(value));
      expect(await call(form), `${name}, as a form`).toEqual(NOT_FOUND);
    }
    expect(await writes()).toEqual(before);
  });
});

describe("route handlers refuse what is not the caller's", () => {
  const paramsFor = (file: string): Record<string, string> => {
    const names = [...file.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((m) => m[1]!);
    return Object.fromEntries(names.map((n) => [n, n === "groupSlug" ? target.slug : n === "nextauth" ? "session" : "1"]));
  };

  it.each(routeModules)("%s", async (file) => {
    const mod = await load(file);
    const before = await writes();
    for (const [method, handler] of Object.entries(mod)) {
      // Public routes (health, next-auth's endpoints, the icon) name no one's records.
      if (typeof handler !== "function" || entryKindOf(handler) === "public") continue;
      for (const cookie of ["", strangerCookie]) {
        const url = `http://studypack.test/x?org=${target.organizationId}`;
        const init: RequestInit = { method, headers: { host: "studypack.test", origin: "http://studypack.test", cookie } };
        if (method !== "GET" && method !== "HEAD") init.body = JSON.stringify(hostileInput());
        const response = await (handler as (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>)(new Request(url, init), {
          params: Promise.resolve(paramsFor(file)),
        });
        expect(response.status, `${method} ${file}, ${cookie ? "signed in elsewhere" : "not signed in"}`).toBe(404);
      }
    }
    expect(await writes()).toEqual(before);
  });
});

describe("the same input from someone who may act there", () => {
  it("gets the field errors that a stranger never sees", async () => {
    const facilitator = await makeFacilitator((await db.group.findUniqueOrThrow({ where: { slug: target.slug } })).id);
    request.cookie = (await sessionCookie(facilitator.id)).cookie;
    const { updatePackAction } = await load("app/(app)/groups/[groupSlug]/packs/actions.ts");
    const result = await (updatePackAction as (input: unknown) => Promise<{ ok: boolean; code?: string; fieldErrors?: Record<string, string> }>)({
      groupSlug: target.slug,
      packNumber: 1,
      details: { title: "x".repeat(201), letterMarkdown: "", dueDate: "not a date", lessonIds: [] },
    });
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    expect(Object.keys(result.fieldErrors ?? {})).toEqual(expect.arrayContaining(["details.title", "details.dueDate"]));
    request.cookie = strangerCookie;
    expect(await (updatePackAction as (input: unknown) => Promise<unknown>)({ groupSlug: target.slug, packNumber: 1, details: {} })).toEqual(NOT_FOUND);
  });
});

/**
 * What may still change in an archived group (decision 023, lib/server/archived.ts): bringing it
 * back, and what a person may always do about their own data. Everything else is refused at the
 * door, before the input is read.
 */
const ALLOWED_IN_ARCHIVED_GROUP = new Set([
  "setGroupArchivedAction",
  "eraseMemberAction",
  "makePasswordResetLinkAction",
  "updateMySharingAction",
  "setResponseSharedAction",
  "recordConsentAction",
  "hideAction",
  "showAgainAction",
  "revokeInvitationAction",
  "correctMemberDetailsAction",
]);

describe("an archived group is read-only at the door", () => {
  const ARCHIVED = { ok: false, code: "CONFLICT", fieldErrors: {}, formError: "errors.groupArchived" };
  let archived: { slug: string; id: string };
  let everyRole: string;
  beforeAll(async () => {
    const group = await makeGroup();
    archived = { slug: group.slug, id: group.id };
    const user = await makeUser();
    await makeOrganizer(group.organizationId, user);
    await makeFacilitator(group.id, user);
    await makeMember(group, { user });
    everyRole = (await sessionCookie(user.id)).cookie;
    await db.group.update({ where: { id: group.id }, data: { archivedAt: new Date() } });
  });

  it("refuses every group action but the listed ones, for someone with every role there, and writes nothing", async () => {
    request.cookie = everyRole;
    const before = await writes();
    const seen = new Set<string>();
    for (const file of actionModules) {
      for (const [name, action] of Object.entries(await load(file))) {
        if (entryKindOf(action) !== "group") continue;
        seen.add(name);
        const result = await (action as (input: unknown) => Promise<unknown>)({ ...hostileInput(), groupSlug: archived.slug });
        if (ALLOWED_IN_ARCHIVED_GROUP.has(name)) expect(result, name).not.toEqual(ARCHIVED);
        else expect(result, name).toEqual(ARCHIVED);
      }
    }
    // The list names real actions: a renamed one would otherwise be refused without anyone noticing.
    for (const name of ALLOWED_IN_ARCHIVED_GROUP) expect(seen, name).toContain(name);
    expect(await writes()).toEqual(before);
  });

  it("refuses a route's writes there, and still serves its downloads", async () => {
    request.cookie = everyRole;
    for (const file of routeModules) {
      if (!file.includes("[groupSlug]")) continue;
      for (const [method, handler] of Object.entries(await load(file))) {
        if (typeof handler !== "function" || entryKindOf(handler) !== "group") continue;
        const init: RequestInit = { method, headers: { host: "studypack.test", origin: "http://studypack.test", cookie: everyRole } };
        if (method !== "GET") init.body = JSON.stringify({});
        const params = Object.fromEntries([...file.matchAll(/\[(\w+)\]/g)].map((m) => [m[1]!, m[1] === "groupSlug" ? archived.slug : "1"]));
        const response = await (handler as (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>)(new Request("http://studypack.test/x", init), { params: Promise.resolve(params) });
        if (method === "GET") expect(response.status, `${method} ${file}`).not.toBe(409);
        else expect(response.status, `${method} ${file}`).toBe(409);
      }
    }
  });
});
