// next-auth configuration: email + password, sessions as signed JWT cookies that name a Session
// row (lib/auth/sessions.ts). The cookie only names the user and that row; every request re-reads
// both from the database (lib/auth/session.ts), so removing someone from a group, signing out or
// changing a password takes effect at once.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { authRedirect } from "@/lib/safe-redirect";
import { clientAddress } from "@/lib/auth/client-address";
import { endSession, startSession } from "@/lib/auth/sessions";
import { checkCredentials } from "@/lib/auth/sign-in";
import { signInSchema } from "@/lib/validations/auth";

/**
 * Error codes the sign-in form can show; neither says whether the email exists. A throttled
 * attempt's code carries the minutes to wait: "TooManyAttempts:3".
 */
export const SIGN_IN_ERRORS = { invalid: "CredentialsSignin", throttled: "TooManyAttempts" } as const;

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
          const source = clientAddress(req?.headers, env().TRUSTED_PROXIES);
          const result = await checkCredentials(parsed.data.email, parsed.data.password, source);
          if (result.ok) return result.user;
          if (result.reason === "throttled") throw new Error(`${SIGN_IN_ERRORS.throttled}:${Math.ceil(result.retryAfterSeconds / 60)}`);
          return null;
        },
      }),
    ],
    callbacks: {
      // next-auth's own redirects (after sign-in and sign-out) under the same rule as the sign-in page's.
      redirect: authRedirect,
      async jwt({ token, user }) {
        // `user` is there only at sign-in: that is when the Session row is made.
        if (user) {
          token.sub = user.id;
          token.sid = (await startSession(user.id)).id;
        }
        return token;
      },
      session({ session, token }) {
        // Only the id travels to the client; names and roles are read from the database.
        return { ...session, user: { id: token.sub ?? "", name: session.user?.name, email: session.user?.email } };
      },
    },
    events: {
      // next-auth decodes the cookie being cleared and hands its token here (JWT strategy).
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endSession(token.sid);
      },
    },
  };
}
