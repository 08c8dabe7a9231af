// Who is asking. Reads the session cookie, then the user from the database on every request
// (a disabled user or a bumped sessionVersion ends the session at once).
import "server-only";
import { cache } from "react";
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export type CurrentUser = { id: string; email: string; name: string; locale: "EN" | "ES" };

type SessionToken = { sub?: string; sessionVersion?: unknown } | null;

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
  if (!token?.sub) return null;
  // Raw, because it runs on every request: Prisma's query planning costs more here than the
  // primary-key lookup itself (docs/decisions/014-submit-path.md).
  const [user] = await db.$queryRaw<(CurrentUser & { disabledAt: Date | null; sessionVersion: number })[]>`
    SELECT "id", "email", "name", "locale"::text AS "locale", "disabledAt", "sessionVersion" FROM "User" WHERE "id" = ${token.sub}`;
  if (!user || user.disabledAt || user.sessionVersion !== (token.sessionVersion ?? 0)) return null;
  return { id: user.id, email: user.email, name: user.name, locale: user.locale };
}

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => userOfToken(await sessionToken()));

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
