// A write sent to a page from another site is refused in proxy.ts, before Next.js sees it.
// Server actions are POSTs to a page's URL; Next checks their Origin itself, but answers a
// foreign one with a 500 and an error in the log (issue 14). Here it gets a plain 403, and so
// does any other write to a page from another site (no page of ours takes one).
//
// The rule is Next's own (app-render/action-handler), in lib/http/same-origin.ts. A request
// without Origin passes here, as in Next: browsers send Origin on every cross-site
// POST, so its absence means a tool, not a visitor's browser tricked by another site. Route
// handlers under /api make their own check (lib/http/same-origin.ts), which also wants Origin.

import { originMatch } from "@/lib/http/same-origin";

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether `request` changes something and names another site as its Origin. */
export function isCrossSiteWrite(request: Request): boolean {
  return !READS.has(request.method) && originMatch(request) === "other";
}
