// Who is asking. Reads the session cookie, then the user and their session row from the
// database on every request: a disabled user, or a session row that is gone (signed out, ended
// everywhere, ended by a password change) or expired, is signed out at once.
import "server-only";
import { cache } from "react";
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  locale: "EN" | "ES" | null;
  /**
   * Their own time zone when they chose one, else their organization's (the first they
   * organize, else the first whose group they facilitate or belong to): the request's times are
   * shown in it (lib/dates.ts).
   */
  timeZone?: string;
};

/** What lib/auth/options.ts puts in the cookie: the user id and the Session row's id. */
export type SessionToken = { sub?: string; sid?: unknown } | null;

async function sessionToken(): Promise<SessionToken> {
  // getToken decrypts the session cookie and rejects it when tampered with or expired.
  const cookieStore = await cookies();
  const headerList = await headers();
  const req = {
    headers: Object.fromEntries(headerList),
    cookies: Object.fromEntries(cookieStore.getAll().map((c) => [c.name, c.value])),
  };
  return getToken({ req: req as never, secret: env().AUTH_SECRET });
}

/** The cookies of a request's Cookie header, by name (the first of a name wins, as browsers send the most specific first). */
function requestCookies(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    out[name] ??= part.slice(eq + 1).trim();
  }
  return out;
}

async function userOfToken(token: SessionToken): Promise<CurrentUser | null> {
  if (!token?.sub || typeof token.sid !== "string") return null;
  // One raw statement, because it runs on every request: Prisma's query planning costs more
  // here than the two primary-key lookups themselves (docs/decisions/014-submit-path.md).
  const [user] = await db.$queryRaw<CurrentUser[]>`
    SELECT u."id", u."email", u."name", u."locale"::text AS "locale",
           COALESCE(
             u."timeZone",
             (SELECT o."timeZone" FROM "Organizer" r JOIN "Organization" o ON o."id" = r."organizationId" WHERE r."userId" = u."id" ORDER BY o."name", o."id" LIMIT 1),
             (SELECT o."timeZone" FROM "Facilitator" f JOIN "Group" g ON g."id" = f."groupId" JOIN "Organization" o ON o."id" = g."organizationId" WHERE f."userId" = u."id" ORDER BY o."name", o."id" LIMIT 1),
             (SELECT o."timeZone" FROM "Person" p JOIN "Organization" o ON o."id" = p."organizationId" WHERE p."userId" = u."id" LIMIT 1),
             'UTC'
           ) AS "timeZone"
      FROM "Session" s JOIN "User" u ON u."id" = s."userId"
     WHERE s."id" = ${token.sid} AND s."userId" = ${token.sub} AND s."expiresAt" > now() AND u."disabledAt" IS NULL`;
  return user ?? null;
}

const currentSession = cache(async (): Promise<{ user: CurrentUser | null; sessionId: string | null }> => {
  const token = await sessionToken();
  const user = await userOfToken(token);
  return { user, sessionId: user ? (token!.sid as string) : null };
});

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => (await currentSession()).user);

/** The id of the Session row of this request's signed-in user, or null when signed out. */
export async function getCurrentSessionId(): Promise<string | null> {
  return (await currentSession()).sessionId;
}

/**
 * The signed-in user of a route handler's request, read from the request itself (the same
 * cookie and the same checks as getCurrentUser).
 */
export async function getRequestUser(request: Request): Promise<CurrentUser | null> {
  const token = await getToken({ req: { headers: request.headers, cookies: requestCookies(request) } as never, secret: env().AUTH_SECRET });
  return userOfToken(token);
}

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}
