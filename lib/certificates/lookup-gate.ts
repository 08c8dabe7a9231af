// The rate limit of /verify/<code>, applied by proxy.ts before the page runs, because only
// there can a refusal be a plain 429 with Retry-After (an App Router page cannot choose its
// status). Counts by client address (lib/auth/client-address.ts); the count itself is in
// lib/certificates/lookup-throttle.ts. Never throws: a failure to count lets the lookup through,
// so a database hiccup shows the page's own error rather than a 500 from here.
import { clientAddress } from "@/lib/auth/client-address";
import { takeLookupTurn } from "@/lib/certificates/lookup-throttle";
import { env } from "@/lib/env";
import en from "@/messages/en/certificates.json";

/** /verify/<anything>: one lookup. /verify itself (the form) is not counted. */
export const LOOKUP_PATH = /^\/verify\/[^/]+\/?$/;

export async function lookupRefusal(request: Request): Promise<Response | null> {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (!LOOKUP_PATH.test(new URL(request.url).pathname)) return null;
  let turn;
  try {
    turn = await takeLookupTurn(clientAddress(request.headers, env().TRUSTED_PROXIES));
  } catch (error) {
    console.error("could not count a certificate lookup", error);
    return null;
  }
  if (turn.allowed) return null;
  // Plain text in English: the page's language is chosen by the page, which does not run here.
  return new Response(en.certificates.verify.tooMany.replace("{seconds}", String(turn.retryAfterSeconds)), {
    status: 429,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(turn.retryAfterSeconds), "Cache-Control": "no-store" },
  });
}
