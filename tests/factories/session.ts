// A signed-in browser's cookie for tests that call route handlers directly: a real Session row
// (lib/auth/sessions.ts) and the cookie next-auth would have set for it.
import { encode } from "next-auth/jwt";
import { endSession, startSession } from "@/lib/auth/sessions";

/** The Cookie header of a session of `userId`; `ended`: one that has signed out since. */
export async function sessionCookie(userId: string, options: { ended?: boolean } = {}): Promise<{ cookie: string; sessionId: string }> {
  const session = await startSession(userId);
  if (options.ended) await endSession(session.id);
  const token = await encode({ token: { sub: userId, sid: session.id }, secret: process.env.AUTH_SECRET!, maxAge: 3600 });
  return { cookie: `next-auth.session-token=${token}`, sessionId: session.id };
}
