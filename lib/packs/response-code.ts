// Response codes: the short code printed on every response sheet of a mail member's pack. A
// facilitator types it from the letter that came back and lands on the transcription form of
// that pack × member × prompt. The code travels on paper and through somebody's handwriting,
// so the rules below are about people reading and typing, not about computers.
//
// Pure and dependency-free: the PDF renderer, the server and the browser (to say "a character
// looks mistyped" before any request) all use this one module. No "server-only", no node:crypto.
//
// Alphabet. 31 symbols: digits and capitals without 0/O and 1/I/L, the pairs people misread in
// print and in handwriting. 31 is prime, which is what makes the check character below work.
//
// Shape. 7 random symbols + 1 check symbol = 8 (31^7 ≈ 2.75 × 10^10 payloads). Printed as
// "XXXX-XXXX" because two groups of four are easy to hold in one's head; typed in any case, with
// any spaces, dashes or underscores, because people copy codes the way they read them.
//
// Random, not derived from ids. A code derived from (pack, member, prompt) could be worked out
// from another member's sheet; a random one names nothing by itself. The database decides what a
// code means (ResponseCode.code is the primary key; lib/data/response-codes.ts retries on the
// rare collision). Randomness comes from Web Crypto's getRandomValues with rejection sampling
// (unbiased, like node's crypto.randomInt) because that API exists in node ≥ 19 and in browsers,
// so importing this module into a client component never pulls node:crypto into a bundle.
//
// Check character: weighted sum mod 31. With symbol values v1..v8 (v8 the check) and weights
// w = 8,7,6,5,4,3,2,1, a code is valid when Σ wᵢ·vᵢ ≡ 0 (mod 31). Proof that it catches
//   - every single wrong character: it changes the sum by wᵢ·d with d = new − old, 0 < |d| < 31;
//     31 is prime and neither wᵢ nor d is a multiple of 31, so wᵢ·d ≢ 0;
//   - every swap of two neighbouring different characters a≠b: the sum changes by
//     (wᵢ − wᵢ₊₁)·(b − a) = 1·(b − a) ≢ 0, for the same reason.
// Because all eight weights differ, a swap of ANY two different characters is caught too, and
// because wᵢ + wᵢ₊₁ ∈ {3..15} is never 0 mod 31, so is a "twin" error (aa typed as bb). Weight 1
// on the check position lets the check be computed directly: v8 = −Σ₁..₇ wᵢ·vᵢ mod 31.
// The check only detects; it never corrects. Two errors can still cancel (about 1 in 31), and
// then the database lookup most likely finds nothing, since only a tiny fraction of codes exist.
//
// Characters that never appear (0 O 1 I L) are rejected with problem "characters", not mapped.
// There is no right mapping: 0 and O are both outside the alphabet, and a written "1" might have
// been a 7, a J or a T. Guessing would also spend the check character: one unknown position can
// always be "repaired" into a code that passes the check, so a second, unnoticed typo would land
// on a wrong but valid-looking code. Rejecting keeps every accepted code exactly as typed, and the
// form can say which characters never appear in codes (NEVER_IN_CODES), prompting a second look
// at the letter, which is where the right answer is.

export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_LENGTH = 8; // 7 random + 1 check
const PAYLOAD_LENGTH = CODE_LENGTH - 1;
const BASE = CODE_ALPHABET.length; // 31, prime

/** Weight of each position, check character last (weight 1). Distinct, non-zero, neighbours differ. */
export const CHECK_WEIGHTS: readonly number[] = [8, 7, 6, 5, 4, 3, 2, 1];

/** What people type that is never part of a code, for the form's hint. */
export const NEVER_IN_CODES: readonly string[] = ["0", "O", "1", "I", "L"];

export type CodeProblem = "empty" | "length" | "characters" | "check";

const valueOf = new Map<string, number>([...CODE_ALPHABET].map((symbol, value) => [symbol, value]));

// Random words are fetched 256 at a time: one getRandomValues call per symbol made a print run
// of 3,000 codes spend more time asking for randomness than writing to the database.
const pool = new Uint32Array(256);
let poolNext = pool.length;

/** A uniform integer in [0, n) from Web Crypto, without modulo bias. */
function secureRandomIndex(n: number): number {
  const range = 2 ** 32;
  const limit = range - (range % n); // words at or above this would favour the low symbols
  for (;;) {
    if (poolNext === pool.length) {
      globalThis.crypto.getRandomValues(pool);
      poolNext = 0;
    }
    const value = pool[poolNext++]!;
    if (value < limit) return value % n;
  }
}

function weightedSum(symbols: string): number {
  let sum = 0;
  for (let i = 0; i < symbols.length; i++) {
    const value = valueOf.get(symbols[i]!);
    if (value === undefined) throw new RangeError(`"${symbols[i]}" is not a response-code character`);
    sum += CHECK_WEIGHTS[i]! * value;
  }
  return sum % BASE;
}

/** The check character for a 7-character payload of alphabet symbols. */
export function checkCharacter(payload: string): string {
  if (payload.length !== PAYLOAD_LENGTH) throw new RangeError(`a payload has ${PAYLOAD_LENGTH} characters`);
  // The check's weight is 1, so the value that brings the total to 0 mod 31 is the negated sum.
  return CODE_ALPHABET[(BASE - weightedSum(payload)) % BASE]!;
}

/** A new random code (unformatted, 8 characters). `randomIndex(n)` must return an integer in [0, n). */
export function generateResponseCode(randomIndex: (n: number) => number = secureRandomIndex): string {
  let payload = "";
  for (let i = 0; i < PAYLOAD_LENGTH; i++) {
    const index = randomIndex(BASE);
    if (!Number.isInteger(index) || index < 0 || index >= BASE) throw new RangeError(`randomIndex(${BASE}) returned ${index}`);
    payload += CODE_ALPHABET[index];
  }
  return payload + checkCharacter(payload);
}

/** Compatibility forms (full-width letters, no-break spaces) folded, separators removed, a–z upper-cased. */
function clean(input: string): string {
  return (
    input
      .normalize("NFKC")
      .replace(/[\s_\p{Pd}]/gu, "")
      // ASCII only: "ß".toUpperCase() is "SS", and no letter outside a–z belongs in a code.
      .replace(/[a-z]/g, (c) => c.toUpperCase())
  );
}

/**
 * Why typed input is or is not a code. Problems in the order a person would fix them: nothing
 * typed, a character that never appears in codes, too few or too many characters, and finally a
 * check that fails (one character is probably misread).
 */
export function parseResponseCode(input: string): { ok: true; code: string } | { ok: false; problem: CodeProblem } {
  const code = clean(input);
  if (code.length === 0) return { ok: false, problem: "empty" };
  for (const c of code) if (!valueOf.has(c)) return { ok: false, problem: "characters" };
  if (code.length !== CODE_LENGTH) return { ok: false, problem: "length" };
  if (weightedSum(code) !== 0) return { ok: false, problem: "check" };
  return { ok: true, code };
}

/**
 * The 8 code characters of typed input (upper case, spaces/dashes/underscores removed), or null
 * when the length is not 8 or a character is outside the alphabet. The check is not tested here;
 * parseResponseCode does that and says what is wrong.
 */
export function normalizeResponseCode(input: string): string | null {
  const code = clean(input);
  if (code.length !== CODE_LENGTH) return null;
  for (const c of code) if (!valueOf.has(c)) return null;
  return code;
}

/**
 * "ABCD-EFGH", as printed. Accepts a valid code in any typed form. Anything else throws: a sheet
 * must never carry a code that its own check character would reject.
 */
export function formatResponseCode(code: string): string {
  const parsed = parseResponseCode(code);
  if (!parsed.ok) throw new RangeError(`not a response code (${parsed.problem})`);
  return `${parsed.code.slice(0, 4)}-${parsed.code.slice(4)}`;
}
