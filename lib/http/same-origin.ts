// Route handlers that change data accept only requests sent by our own pages. Server actions get
// this check from Next.js; a route handler has to make it itself. Browsers send Origin on every
// POST made with fetch, so a request without one (or from another site) is refused. The session
// cookie is SameSite=Lax as well; this check also covers sibling sub-domains, which Lax does not.
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
