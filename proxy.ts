// Runs before every page (and every server action, which is a POST to a page): refuses writes
// from other sites with a plain 403, and gives the page its Content-Security-Policy with a fresh
// nonce (and HSTS on an https site). It is not a guard: who may do what is decided by the entry
// layer in lib/server/ (CVE-2025-29927 is why). Kept light, as it runs on every page request.
//
// The matcher leaves out API routes and build files: their headers are fixed, so next.config.mjs
// sets them without running any code. docs/decisions/019-security-headers-and-redirects.md
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { lookupRefusal } from "@/lib/certificates/lookup-gate";
import { isCrossSiteWrite } from "@/lib/http/cross-site";
import { isHttpsSite, newNonce, NOT_A_PAGE_POLICY, pagePolicy, strictTransportSecurity } from "@/lib/http/security-headers";
import messages from "@/messages/en/common.json";

let settings: { dev: boolean; https: boolean; hsts: string | null } | undefined;

/** Read once: the environment does not change while the server runs. */
function siteSettings() {
  if (!settings) {
    const https = isHttpsSite(env().NEXTAUTH_URL);
    settings = { dev: env().NODE_ENV === "development", https, hsts: strictTransportSecurity(https) };
  }
  return settings;
}

export async function proxy(request: NextRequest) {
  if (isCrossSiteWrite(request)) {
    return new NextResponse(messages.requestGuard.crossSite, {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Content-Security-Policy": NOT_A_PAGE_POLICY },
    });
  }
  // /verify/<code> lookups are rate-limited per client address (docs/decisions/047); only the
  // proxy can answer a refusal with a 429, and only those paths pay for the count.
  const refused = await lookupRefusal(request);
  if (refused) {
    refused.headers.set("Content-Security-Policy", NOT_A_PAGE_POLICY);
    return refused;
  }
  const { dev, https, hsts } = siteSettings();
  const policy = pagePolicy({ nonce: newNonce(), dev, https });
  // Next.js takes the nonce for its own scripts from the request's policy header.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

export const config = {
  // Everything but API routes (/api/…), build files (/_next/static/…, /_next/image) and the
  // icons; next.config.mjs gives those their headers. Prefetches are not left out: their
  // answers are pages too.
  matcher: ["/((?!api/|_next/static/|_next/image|favicon\\.ico$|icon\\.svg$).*)"],
};
