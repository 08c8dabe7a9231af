// Where a person may be sent after signing in. A return path arrives in the address bar
// (`/sign-in?callbackUrl=…`), so anyone can put one in a link: it is a way to send someone who
// trusts this site to another one (an open redirect) unless the rule below holds.
//
// The rule: a return path is accepted only if the URL parser a browser uses (WHATWG URL,
// `new URL(value, origin)`) resolves it to this site's own origin; what is returned is the
// parsed path, query and fragment written out again, never the raw text. Checking the text
// with `startsWith("/")` is not enough, because browsers rewrite a URL before using it:
// - they delete tabs and newlines anywhere in it (`/\t/evil.example` becomes `//evil.example`,
//   another host: issue 14's hole), and read `\` as `/` (`/\evil.example`);
// - they collapse dot segments (`/.//evil.example` has the path `//evil.example`, which a
//   Location header would send to evil.example again).
// So control characters and backslashes are refused before parsing, the written-out path must not
// start with `//`, and the same checks are made on its percent-decoded forms (`/%09/…`,
// `/%5C…`, `/%2F%2F…`), in case anything on the way decodes it once more. The result is ASCII,
// so it is always a valid Location header (a raw newline there was a 500, issue 14).
// Tested against a corpus of known open-redirect payloads in lib/safe-redirect.test.ts and in
// Chromium in tests/e2e/headers.spec.ts.

/** Stands for this site when the caller does not know its origin: no real URL has it. */
const NO_ORIGIN = "http://return-path.invalid";
/** Longer return paths are not ours (ids are short): refusing them keeps every check cheap. */
const MAX_LENGTH = 2048;
/** C0 controls, DEL, C1 controls, and the backslash. */
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\\]/;
/** How many times a path is percent-decoded to look for a hidden `//`, control or backslash. */
const DECODE_ROUNDS = 3;

type ReturnPathOptions = {
  /** This site's origin (e.g. from NEXTAUTH_URL): absolute URLs on it are accepted too. */
  origin?: string | null;
  /** Where to go when the value is missing or refused; a path of this site. */
  fallback?: string;
};

function originOf(value: string | null | undefined): string {
  if (!value) return NO_ORIGIN;
  try {
    return new URL(value).origin;
  } catch {
    return NO_ORIGIN;
  }
}

function resolvesTo(value: string, origin: string): boolean {
  try {
    return new URL(value, origin).origin === origin;
  } catch {
    return false;
  }
}

/** A path (with query and fragment) that stays on `origin` however often it is decoded. */
function staysOnSite(path: string, origin: string): boolean {
  let form = path;
  for (let round = 0; round <= DECODE_ROUNDS; round++) {
    if (FORBIDDEN.test(form) || !form.startsWith("/") || form.startsWith("//")) return false;
    if (!resolvesTo(form, origin)) return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(form);
    } catch {
      return true; // a stray "%" is not an escape: nothing more is hidden in it
    }
    if (decoded === form) return true;
    form = decoded;
  }
  return false; // still changing after several rounds: not a path anyone meant
}

/**
 * The return path `value` resolves to on this site, or `fallback`. Relative paths, and absolute
 * URLs on `origin`, are accepted; anything that a browser would take elsewhere is not.
 */
export function safeReturnPath(value: string | null | undefined, { origin, fallback = "/" }: ReturnPathOptions = {}): string {
  if (typeof value !== "string" || value === "" || value.length > MAX_LENGTH || FORBIDDEN.test(value)) return fallback;
  const site = originOf(origin);
  let url: URL;
  try {
    url = new URL(value, site);
  } catch {
    return fallback;
  }
  if (url.origin !== site) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return staysOnSite(path, site) ? path : fallback;
}

/**
 * next-auth's `redirect` callback with the same rule: where next-auth may send a browser after
 * signing in or out (its `callbackUrl`). Always an absolute URL on `baseUrl`'s origin.
 */
export function authRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const origin = new URL(baseUrl).origin;
  return new URL(safeReturnPath(url, { origin }), origin).href;
}
