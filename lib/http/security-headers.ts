// The security headers that depend on the request or the settings, added to every page by
// proxy.ts. The ones that never change (nosniff, Referrer-Policy, Permissions-Policy, …) and
// the policy of answers that are not pages (API routes, build files) are in next.config.mjs;
// docs/decisions/019-security-headers-and-redirects.md says which response gets what and why.
//
// The page policy is a strict CSP: a script runs only if it carries this response's nonce, or if
// a script that did loaded it ('strict-dynamic': Next's runtime loads the chunks of the next
// page). Next.js reads the nonce from the request's Content-Security-Policy header (set by
// proxy.ts) and puts it on every script and inline style it writes, so an injected <script> or
// `onclick=` never runs. That only works for pages rendered per request: every page of this app
// is dynamic (the root layout reads the request's language), and a static one would break here.
// No inline style attributes either (`style="…"`): use classes, or SVG attributes for colours.
// Everything else comes from this site only (Markdown images are never loaded:
// lib/markdown/config.ts), and no other site may frame a page.
// No edge-only or Node-only APIs here: proxy.ts and the tests both load it.

export type PagePolicyOptions = {
  /** Fresh for every response (newNonce()). */
  nonce: string;
  /** `next dev` needs eval (React's error overlay) and inline styles (its dev tools). */
  dev: boolean;
  /** The site is served over https (NEXTAUTH_URL): upgrade any stray http:// load. */
  https: boolean;
};

/** The Content-Security-Policy of a page. */
export function pagePolicy({ nonce, dev, https }: PagePolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // With a nonce present, browsers ignore 'unsafe-inline'; so dev gets one or the other.
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/**
 * The policy of an answer that is not a page (API routes, files, build files, the 403 of
 * proxy.ts): nothing in it may load or run anything, and no site may frame it. Chromium's PDF
 * viewer still opens an inline PDF under it. next.config.mjs writes the same text (it cannot
 * import TypeScript); tests/e2e/headers.spec.ts checks that the two agree.
 */
export const NOT_A_PAGE_POLICY = "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Two years, this host and its sub-domains; not `preload`, which is the operator's choice. */
const HSTS = "max-age=63072000; includeSubDomains";

/** Strict-Transport-Security when the site is served over https, otherwise none. */
export function strictTransportSecurity(https: boolean): string | null {
  return https ? HSTS : null;
}

/** Whether NEXTAUTH_URL (the address people use) is https. */
export function isHttpsSite(nextAuthUrl: string | undefined): boolean {
  return nextAuthUrl?.startsWith("https:") ?? false;
}

/** 128 random bits, base64: unguessable, and a valid CSP nonce-source. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
