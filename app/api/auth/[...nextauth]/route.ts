// next-auth's own endpoints (sign-in, sign-out, session, CSRF). Credentials are checked in
// lib/auth/options.ts; nothing here grants access to a group.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: Context) {
  return NextAuth(request as never, context as never, authOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
