// next-auth's own endpoints (sign-in, sign-out, session, CSRF). Public by nature: credentials are
// checked in lib/auth/options.ts, and nothing here grants access to a group. next-auth checks its
// own CSRF token on every POST, so the entry layer's same-origin check is left to it.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { publicRoute, type RouteContext } from "@/lib/server/routes";

function nextAuth(request: Request, context: RouteContext) {
  return NextAuth(request as never, context as never, authOptions()) as Promise<Response>;
}

// next-auth reads the params itself, so they are handed over as Next.js gave them.
const handler = publicRoute({ crossSiteWrites: "checked-by-handler" }, async (_user, { request, context }) => nextAuth(request, context));

export { handler as GET, handler as POST };
