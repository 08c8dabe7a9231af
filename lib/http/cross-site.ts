// A write sent to a page from another site is refused in proxy.ts, before Next.js sees it.
// Server actions are POSTs to a page's URL; Next checks their Origin itself, but answers a
// foreign one with a 500 and an error in the log (issue 14). Here it gets a plain 403, and so
// does any other write to a page from another site (no page of ours takes one).
//
// The rule is Next's own (app-render/action-handler): the Origin's host must be the host the
// request came to, `x-forwarded-host` (its first value) when a proxy in front sets it, else
// `host`. A request without Origin passes, as in Next: browsers send Origin on every cross-site
// POST, so its absence means a tool, not a visitor's browser tricked by another site. Route
// handlers under /api make their own check (lib/http/same-origin.ts), which also wants Origin.

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether `request` changes something and names another site as its Origin. */
export function isCrossSiteWrite(request: Request): boolean {
  if (READS.has(request.method)) return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  try {
    return new URL(origin).host !== host; // "null" (a sandboxed or privacy-sensitive page) does not parse: refused
  } catch {
    return true;
  }
}
