// Whether a request was sent by one of our own pages: its Origin names the host it came to —
// `x-forwarded-host` (its first value) when a proxy in front sets it, else `host`, as Next.js
// itself compares for server actions. One rule for the two places that ask:
// - route handlers that change data (lib/server/routes.ts) want "same": browsers send Origin on
//   every POST made with fetch, so none at all means it did not come from our page;
// - proxy.ts refuses a write to a page whose Origin is "other" (lib/http/cross-site.ts).
// The session cookie is SameSite=Lax as well; this also covers sibling sub-domains, which Lax does not.
export type OriginMatch = "same" | "other" | "none";

export function originMatch(request: Request): OriginMatch {
  const origin = request.headers.get("origin");
  if (origin === null) return "none";
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  try {
    // "null" (a sandboxed or privacy-sensitive page) does not parse: another site.
    return host && new URL(origin).host === host ? "same" : "other";
  } catch {
    return "other";
  }
}

export const isSameOrigin = (request: Request): boolean => originMatch(request) === "same";
