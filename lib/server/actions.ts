// The door of every server action. A server action is a public POST endpoint: anyone can call
// it with any input, so each one is made here, by one of these wrappers, and they all run the
// same steps in the same order:
//
//   1. session        who is asking (the session cookie, re-read from the database)
//   2. authorization  lib/authz, for the scope the input names (a group, a course, an
//                     organization) — before the rest of the input is looked at, so a caller
//                     without access learns nothing, not even which fields would be wrong;
//                     in an archived group, a change unless the action says it is allowed there
//   3. zod            the action's schema parses the whole input
//   4. work           lib/data, given the context that lib/authz made (only lib/authz can)
//   -  admission      before any of it: a turn in this process's limit of work at once
//                     (lib/server/admission.ts), or at once the BUSY result (an action cannot
//                     answer 503 with Retry-After; the form says the server is busy)
//   5. errors         AppErrors answered by their code (lib/server/answers.ts); anything else
//                     logged with a request id and answered with a generic message
//
// Every export of a "use server" module must be made by one of these: a test walks the file
// tree and fails on any that is not (lib/server/entry-inventory.test.ts).
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import {
  authorizeCourse,
  authorizeGroup,
  authorizeOrganization,
  type CourseContext,
  type GroupContext,
  type OrganizationContext,
} from "@/lib/authz";
import { notFound } from "@/lib/errors";
import type { GroupAction } from "@/lib/permissions";
import { admission, Overloaded } from "@/lib/server/admission";
import { failureOf, failureOfError, invalidInput } from "@/lib/server/answers";
import { checkArchived, type GroupEntryOptions } from "@/lib/server/archived";
import { markEntry, type EntryKind } from "@/lib/server/entry";
import type { ActionResult } from "@/lib/server/result";

export type ServerAction<T> = (input: unknown) => Promise<ActionResult<T>>;
type Work<C, S extends z.ZodType, T> = (context: C, values: z.infer<S>) => Promise<T>;

/** Scope ids are read on their own, before the schema: a missing or odd one is "not found". */
const slugScope = z.string().min(1).max(100);
const idScope = z.string().min(1).max(64);

/** An action's input as a plain object: forms may post FormData (a file upload); a field sent twice keeps its first value. */
function inputObject(input: unknown): Record<string, unknown> {
  if (input instanceof FormData) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of input.entries()) if (!(key in out)) out[key] = value;
    return out;
  }
  return typeof input === "object" && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
}

function scopeOf(input: Record<string, unknown>, key: string, schema: z.ZodType<string>): string {
  const parsed = schema.safeParse(input[key]);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

function entry<C, S extends z.ZodType, T>(
  kind: EntryKind,
  authorize: (user: CurrentUser | null, input: Record<string, unknown>) => Promise<C>,
  schema: S,
  work: Work<C, S, T>,
): ServerAction<T> {
  const enter = async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const input = inputObject(raw);
      const context = await authorize(await getCurrentUser(), input);
      const parsed = schema.safeParse(input);
      if (!parsed.success) return invalidInput(parsed.error);
      return { ok: true, data: await work(context, parsed.data) };
    } catch (error) {
      // redirect() and notFound() from next/navigation work by throwing: let them through.
      unstable_rethrow(error);
      return failureOfError(error, `server action (${kind})`);
    }
  };
  const action = async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      return await admission().run(() => enter(raw));
    } catch (error) {
      // Only a refusal comes here: enter() answers every error of its own.
      if (!(error instanceof Overloaded)) throw error;
      return failureOf("BUSY");
    }
  };
  return markEntry(action, kind);
}

function signedIn(user: CurrentUser | null): CurrentUser {
  if (!user) throw notFound();
  return user;
}

/** Inside one group: `input.groupSlug` names it; the caller's roles there must allow `action`. */
export function groupAction<S extends z.ZodType, T>(action: GroupAction, schema: S, work: Work<GroupContext, S, T>, options: GroupEntryOptions = {}): ServerAction<T> {
  return entry("group", async (user, input) => checkArchived(await authorizeGroup(signedIn(user), scopeOf(input, "groupSlug", slugScope), action), options), schema, work);
}

/** Inside one course: `input.courseId` must be a course the caller may edit. */
export function courseAction<S extends z.ZodType, T>(schema: S, work: Work<CourseContext, S, T>): ServerAction<T> {
  return entry("course", (user, input) => authorizeCourse(signedIn(user), scopeOf(input, "courseId", idScope)), schema, work);
}

/** Organization-wide: `input.organizationId` must be an organization the caller organizes. */
export function organizationAction<S extends z.ZodType, T>(schema: S, work: Work<OrganizationContext, S, T>): ServerAction<T> {
  return entry("organization", (user, input) => authorizeOrganization(signedIn(user), scopeOf(input, "organizationId", idScope)), schema, work);
}

/** About the caller's own account and records only (notifications, preferences, password). */
export function userAction<S extends z.ZodType, T>(schema: S, work: Work<CurrentUser, S, T>): ServerAction<T> {
  return entry("user", async (user) => signedIn(user), schema, work);
}

/**
 * Open to anyone, signed in or not: the input itself carries the permission (an invitation's
 * token), which the work must check. The caller, when signed in, is passed along.
 */
export function publicAction<S extends z.ZodType, T>(schema: S, work: Work<CurrentUser | null, S, T>): ServerAction<T> {
  return entry("public", async (user) => user, schema, work);
}
