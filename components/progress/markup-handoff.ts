// Hands a server component's markup to the server-side rendering of its client island without
// putting it in the RSC payload (server-markup.tsx says why). Next.js renders the payload and,
// from it, the HTML in the same process, one after the other; the payload carries a key, and the
// island's server render takes the markup by that key. No server-only imports: the island (a client
// component) imports `takeMarkup`, and only calls it when rendered on the server.

// Whether the request wants the payload alone: a client-side navigation, a prefetch or a refresh,
// which make no HTML. Next.js hides its own mark of those (the `RSC` header) from `headers()`, so
// this reads what the browser says: a page load accepts text/html, the router's fetch accepts
// anything ("*/*"). A request without `Accept` (a load generator) is taken as a page load. A wrong
// "payload alone" only costs bytes (the markup then comes in both); a request for the payload alone
// always sends an `Accept` without text/html.
export function wantsPayloadOnly(accept: string | null): boolean {
  return accept !== null && !accept.includes("text/html");
}

type Waiting = { markup: string; at: number };
/** An entry nobody took (the request was aborted before its HTML was rendered) is dropped after this. */
const STALE_MS = 60_000;

// One map per process, shared by the two module graphs Next.js keeps (server components and
// server-side rendering each load their own copy of this module).
const KEY = Symbol.for("studypack.markupHandoff");
function waiting(): Map<string, Waiting> {
  const g = globalThis as { [KEY]?: Map<string, Waiting> };
  return (g[KEY] ??= new Map());
}

/** Keeps markup for the island rendered next in this process; returns the key to give it. */
export function handOverMarkup(markup: string): string {
  const map = waiting();
  const now = Date.now();
  for (const [key, entry] of map) if (now - entry.at > STALE_MS) map.delete(key);
  const key = globalThis.crypto.randomUUID();
  map.set(key, { markup, at: now });
  return key;
}

/** The markup kept under `key`, once (undefined when there is none, e.g. taken already). */
export function takeMarkup(key: string): string | undefined {
  const map = waiting();
  const entry = map.get(key);
  map.delete(key);
  return entry?.markup;
}

/** How many are waiting (for tests). */
export function waitingMarkupCount(): number {
  return waiting().size;
}
