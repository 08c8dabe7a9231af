// The door of every route handler: the same steps, in the same order, as server actions
// (lib/server/actions.ts):
//
//   0. origin         a request that changes something (not GET/HEAD) must come from our own
//                     pages (Origin names this host); server actions get this from Next.js
//   1. session        the session cookie of this request
//   2. authorization  lib/authz, for the scope the URL names (a group's slug, `?org=`)
//   3. zod            the path's params (odd → 404), the query (odd → 400), the body (→ 400/413)
//   4. work           the handler, given the context lib/authz made
//   -  admission      before any of it, unless the path is the health check: a turn in this
//                     process's limit of work at once (lib/server/admission.ts), or at once
//                     a 503 with Retry-After when there is none in time (an upload takes two
//                     turns, steps 0–2 and 4, and its bytes are read between them)
//   5. errors         AppErrors answered by their code (lib/server/answers.ts), as JSON in the
//                     action result shape or as a plain translated sentence; anything else
//                     logged with a request id and answered generically
//
// Every handler a route.ts exports must be made here: lib/server/entry-inventory.test.ts walks
// the file tree and fails on any that is not.
import "server-only";
import { createTranslator } from "next-intl";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { loadMessages, pickLocale } from "@/i18n/request";
import { getRequestUser, type CurrentUser } from "@/lib/auth/session";
import { authorizeGroup, organizationOf, type GroupContext, type OrganizationContext } from "@/lib/authz";
import { AppError, notFound } from "@/lib/errors";
import { BodyTooLarge, readBody } from "@/lib/http/read-body";
import { isSameOrigin } from "@/lib/http/same-origin";
import type { GroupAction } from "@/lib/permissions";
import { admission, neverShed, Overloaded } from "@/lib/server/admission";
import { ERROR_ANSWERS, failureOf, failureOfError, fieldErrorsOf, statusOf } from "@/lib/server/answers";
import { checkArchived } from "@/lib/server/archived";
import { markEntry, type EntryKind } from "@/lib/server/entry";
import type { ActionFailure } from "@/lib/server/result";

type RawParams = Record<string, string | string[] | undefined>;
/** What Next.js passes a route handler besides the request. */
export type RouteContext = { params: Promise<RawParams> };
export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

type Out<S> = S extends z.ZodType ? z.infer<S> : undefined;

export type RouteSpec<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined> = {
  /** The path's params besides the scope; a value that does not parse is a 404 (no such page). */
  params?: P;
  /** The query string (an empty value counts as absent); a value that does not parse is a 400. */
  query?: Q;
  /** A JSON body, or with `form: true` a multipart form (files as File). */
  body?: B;
  form?: boolean;
  /** Bytes read of a body at most (or a function, for a limit from the settings); more is a 413 without reading further. Default 1 MB. */
  maxBodyBytes?: number | (() => number);
  /** The message of that 413. */
  tooLargeMessage?: string;
  /** How failures are answered: the action result as JSON (for fetch), or a plain sentence (for links). Default "text". */
  answer?: "json" | "text";
  /**
   * Only next-auth's own endpoints: a POST from elsewhere is allowed because next-auth checks
   * its CSRF token itself (and a sign-in form posted by a script has no Origin).
   */
  crossSiteWrites?: "checked-by-handler";
};

export type RouteInput<P, Q, B> = {
  request: Request;
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  /** What Next.js passed, untouched: only for a library that reads it itself (next-auth). */
  context: RouteContext;
};

const DEFAULT_MAX_BODY = 1_000_000;
const slugScope = z.string().min(1).max(100);
const orgScope = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** Runs work in a turn of the process's limit of work at once (or at once, for what is never refused). */
type Turn = <T>(work: () => Promise<T>) => Promise<T>;

class Failure extends Error {
  constructor(readonly failure: ActionFailure) {
    super(failure.formError ?? failure.code);
  }
}

function queryObject(url: string): Record<string, string> {
  return Object.fromEntries([...new URL(url).searchParams].filter(([, v]) => v !== ""));
}

async function answerFailure(request: Request, failure: ActionFailure, how: "json" | "text", extraHeaders: Record<string, string> = {}): Promise<Response> {
  const status = statusOf(failure.code);
  const headers = { "Cache-Control": "no-store", ...extraHeaders };
  if (how === "json") return Response.json(failure, { status, headers });
  // In the reader's language, read from the request itself (this also answers where Next's
  // request context is not set up, as in the tests that call handlers directly).
  const locale = pickLocale(request.headers.get("accept-language"));
  const t = createTranslator({ locale, messages: await loadMessages(locale) });
  const key = failure.formError ?? Object.values(failure.fieldErrors)[0] ?? ERROR_ANSWERS[failure.code].message;
  const text = t.has(key as never) ? t(key as never) : t(ERROR_ANSWERS[failure.code].message as never);
  return new Response(failure.requestId ? `${text}\n(${failure.requestId})` : text, {
    status,
    headers: { ...headers, "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" },
  });
}

async function parseBody(request: Request, spec: RouteSpec<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>): Promise<unknown> {
  if (!spec.body) return undefined;
  let raw: unknown;
  try {
    const limit = typeof spec.maxBodyBytes === "function" ? spec.maxBodyBytes() : (spec.maxBodyBytes ?? DEFAULT_MAX_BODY);
    const bytes = await readBody(request, limit);
    if (spec.form) {
      const form = await new Response(new Uint8Array(bytes), { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData();
      const fields: Record<string, unknown> = {};
      for (const [key, value] of form.entries()) if (!(key in fields)) fields[key] = value;
      raw = fields;
    } else {
      raw = JSON.parse(new TextDecoder().decode(bytes));
    }
  } catch (error) {
    if (error instanceof BodyTooLarge) throw new AppError("TOO_LARGE", spec.tooLargeMessage ?? ERROR_ANSWERS.TOO_LARGE.message);
    throw new AppError("INVALID", "errors.badRequest");
  }
  const parsed = spec.body.safeParse(raw);
  if (!parsed.success) throw new Failure({ ok: false, code: "INVALID", fieldErrors: fieldErrorsOf(parsed.error), formError: null });
  return parsed.data;
}

function route<C, P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined>(
  kind: EntryKind,
  spec: RouteSpec<P, Q, B>,
  authorize: (user: CurrentUser | null, params: RawParams, request: Request) => Promise<C>,
  handler: (context: C, input: RouteInput<P, Q, B>) => Promise<Response>,
): RouteHandler {
  const how = spec.answer ?? "text";
  /** Steps 0–3 but the body: what decides whether the caller may send one at all. */
  const check = async (request: Request, routeContext: RouteContext) => {
    const writes = request.method !== "GET" && request.method !== "HEAD";
    if (writes && spec.crossSiteWrites !== "checked-by-handler" && !isSameOrigin(request)) throw notFound();
    const rawParams = await routeContext.params;
    const context = await authorize(await getRequestUser(request), rawParams, request);
    let params: unknown;
    if (spec.params) {
      const parsed = spec.params.safeParse(rawParams);
      if (!parsed.success) throw notFound();
      params = parsed.data;
    }
    let query: unknown;
    if (spec.query) {
      const parsed = spec.query.safeParse(queryObject(request.url));
      if (!parsed.success) throw new AppError("INVALID", "errors.badLink");
      query = parsed.data;
    }
    return { context, params, query };
  };
  const enter = async (request: Request, routeContext: RouteContext, turn: Turn): Promise<Response> => {
    try {
      const run = async (checked: Awaited<ReturnType<typeof check>>, body: unknown) =>
        handler(checked.context, { request, params: checked.params, query: checked.query, body, context: routeContext } as RouteInput<P, Q, B>);
      if (!spec.form) {
        return await turn(async () => {
          const checked = await check(request, routeContext);
          return run(checked, await parseBody(request, spec));
        });
      }
      // An upload is read between two turns of work, so that a slow one does not hold a turn
      // while its bytes trickle in; a refusal at the second has still done nothing.
      const checked = await turn(() => check(request, routeContext));
      const body = await parseBody(request, spec);
      return await turn(() => run(checked, body));
    } catch (error) {
      if (error instanceof Overloaded) throw error;
      unstable_rethrow(error);
      if (error instanceof Failure) return answerFailure(request, error.failure, how);
      return answerFailure(request, failureOfError(error, `${request.method} ${new URL(request.url).pathname}`), how);
    }
  };
  const handle: RouteHandler = async (request, routeContext) => {
    const turn: Turn = neverShed(new URL(request.url).pathname) ? (work) => work() : (work) => admission().run(work);
    try {
      return await enter(request, routeContext, turn);
    } catch (error) {
      // Only a refusal comes here: enter() answers every other error itself.
      if (!(error instanceof Overloaded)) throw error;
      return answerFailure(request, failureOf("BUSY"), how, { "Retry-After": String(error.retryAfterSeconds) });
    }
  };
  return markEntry(handle, kind);
}

function signedIn(user: CurrentUser | null): CurrentUser {
  if (!user) throw notFound();
  return user;
}

/** Inside the group the path's `[groupSlug]` names; the caller's roles there must allow `action`. */
export function groupRoute<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  action: GroupAction,
  spec: RouteSpec<P, Q, B>,
  handler: (context: GroupContext, input: RouteInput<P, Q, B>) => Promise<Response>,
): RouteHandler {
  return route("group", spec, async (user, params, request) => {
    const slug = slugScope.safeParse(params.groupSlug);
    if (!slug.success) throw notFound();
    const context = await authorizeGroup(signedIn(user), slug.data, action);
    // An archived group is read-only (decision 023): its pages and downloads open, writes do not.
    return request.method === "GET" || request.method === "HEAD" ? context : checkArchived(context, {});
  }, handler);
}

/**
 * Organization-wide: the organization `?org=` names, or the caller's first when there is none
 * (organizers of one organization never see the parameter). The caller must organize it.
 */
export function organizationRoute<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<P, Q, B>,
  handler: (context: OrganizationContext, input: RouteInput<P, Q, B>) => Promise<Response>,
): RouteHandler {
  return route("organization", spec, (user, _params, request) => {
    const org = new URL(request.url).searchParams.get("org") || undefined;
    if (org !== undefined && !orgScope.safeParse(org).success) throw new AppError("INVALID", "errors.badLink");
    return organizationOf(signedIn(user), org);
  }, handler);
}

/**
 * Signed-in callers, for records whose group is only known once the record is read (a stored
 * file, a print run): the lib/data function the handler calls finds the group and asks lib/authz.
 */
export function userRoute<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<P, Q, B>,
  handler: (user: CurrentUser, input: RouteInput<P, Q, B>) => Promise<Response>,
): RouteHandler {
  return route("user", spec, async (user) => signedIn(user), handler);
}

/** Open to anyone (health checks, next-auth's own endpoints). Says so in the file that uses it. */
export function publicRoute<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<P, Q, B>,
  handler: (user: CurrentUser | null, input: RouteInput<P, Q, B>) => Promise<Response>,
): RouteHandler {
  return route("public", spec, async (user) => user, handler);
}
