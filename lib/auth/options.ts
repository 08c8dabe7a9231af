// next-auth configuration: email + password, sessions as signed JWT cookies.
// The cookie only names the user; every request re-reads the user and their roles from the
// database (lib/auth/session.ts), so removing someone from a group takes effect at once.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { verifyPassword } from "@/lib/auth/password";
import { isThrottled, recordAttempt } from "@/lib/auth/throttle";
import { signInSchema } from "@/lib/validations/auth";

/** Error codes the sign-in form can show; neither says whether the email exists. */
export const SIGN_IN_ERRORS = { invalid: "CredentialsSignin", throttled: "TooManyAttempts" } as const;

function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first || null;
}

export function authOptions(): NextAuthOptions {
  const maxAge = env().SESSION_MAX_AGE_HOURS * 3600;
  return {
    secret: env().AUTH_SECRET,
    session: { strategy: "jwt", maxAge, updateAge: 15 * 60 },
    jwt: { maxAge },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          const ip = clientIp(req?.headers);
          if (await isThrottled(email, ip)) throw new Error(SIGN_IN_ERRORS.throttled);

          const user = await db.user.findUnique({
            where: { email },
            select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true, sessionVersion: true },
          });
          const ok = await verifyPassword(password, user?.passwordHash);
          if (!user || !ok || user.disabledAt) {
            await recordAttempt(email, ip, false);
            return null;
          }
          await recordAttempt(email, ip, true);
          return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        // Only the id travels to the client; names and roles are read from the database.
        return { ...session, user: { id: token.sub ?? "", name: session.user?.name, email: session.user?.email } };
      },
    },
  };
}
