// Next's request headers for tests that call server actions as a browser would: there is no
// Next.js server around a unit test, so `next/headers` is replaced by this module, whose cookie
// the test sets. In a test file:
//
//   vi.mock("next/headers", () => import("@/tests/setup/request-cookie"));
//   vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
//   …
//   await signInAs(user);      // or signInAs(null), or setCookie(raw)
import { sessionCookie } from "@/tests/factories/session";

let cookie = "";

export async function cookies() {
  return {
    getAll: () =>
      cookie
        .split(";")
        .filter(Boolean)
        .map((part) => ({ name: part.slice(0, part.indexOf("=")).trim(), value: part.slice(part.indexOf("=") + 1).trim() })),
  };
}

export async function headers() {
  return new Headers(cookie ? { cookie } : {});
}

/** The session cookie of `user`, or none. */
export async function signInAs(user: { id: string } | null): Promise<void> {
  cookie = user ? (await sessionCookie(user.id)).cookie : "";
}

/** The raw Cookie header (for a test that switches between people mid-call). */
export function getCookie(): string {
  return cookie;
}
export function setCookie(raw: string): void {
  cookie = raw;
}
