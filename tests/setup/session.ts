// A signed-in request's session cookie, as next-auth writes it, for tests that call actions and
// route handlers the way a browser does. One place, so a change to what a session holds changes
// every test with it.
import { encode } from "next-auth/jwt";

export async function sessionCookieFor(userId: string, claims: Record<string, unknown> = {}): Promise<string> {
  const token = await encode({ token: { sub: userId, sessionVersion: 0, ...claims }, secret: process.env.AUTH_SECRET!, maxAge: 3600 });
  return `next-auth.session-token=${token}`;
}
