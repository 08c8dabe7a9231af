// Certificate verification codes: printed on a certificate and typed by a parole officer or a
// classification clerk at /verify. Same alphabet as response codes (lib/packs/response-code.ts:
// no 0/O, 1/I/L) and the same kind of check character, so one typo or one swap of two characters
// is caught before any lookup.
//
// Longer than a response code: 11 random symbols + 1 check = 12 (31^11 ≈ 2.5 × 10^16 codes).
// A response code is only typed by staff who are signed in; a certificate code is public and
// looked up by anyone, so it must not be guessable: with a few thousand certificates, a guess
// hits one with odds of about 1 in 10^13, and lookups are rate-limited on top of that.
// Printed "XXXX-XXXX-XXXX"; typed in any case, with or without dashes or spaces.
//
// Check: weights 12, 11, …, 1 (distinct, none a multiple of 31, neighbours differ by 1, and no
// two neighbours sum to 31), so a code is valid when Σ wᵢ·vᵢ ≡ 0 (mod 31). The reasoning of
// lib/packs/response-code.ts carries over unchanged: every single wrong character, every swap of
// two different characters and every twin error changes the sum by a non-multiple of the prime 31.
import { CODE_ALPHABET } from "@/lib/packs/response-code";

export const CERTIFICATE_CODE_LENGTH = 12;
const PAYLOAD = CERTIFICATE_CODE_LENGTH - 1;
const BASE = CODE_ALPHABET.length; // 31
const WEIGHTS = Array.from({ length: CERTIFICATE_CODE_LENGTH }, (_, i) => CERTIFICATE_CODE_LENGTH - i);
const valueOf = new Map<string, number>([...CODE_ALPHABET].map((symbol, value) => [symbol, value]));

function weightedSum(symbols: string): number {
  let sum = 0;
  for (let i = 0; i < symbols.length; i++) sum += WEIGHTS[i]! * valueOf.get(symbols[i]!)!;
  return sum % BASE;
}

/** A uniform index in [0, n) from Web Crypto, without modulo bias. */
function secureIndex(n: number): number {
  const limit = 2 ** 32 - (2 ** 32 % n);
  const word = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(word);
    if (word[0]! < limit) return word[0]! % n;
  }
}

/** A new random code, unformatted (12 characters). */
export function generateCertificateCode(randomIndex: (n: number) => number = secureIndex): string {
  let payload = "";
  for (let i = 0; i < PAYLOAD; i++) payload += CODE_ALPHABET[randomIndex(BASE)];
  // Check weight is 1: the check value is the one that brings the sum to 0 mod 31.
  return payload + CODE_ALPHABET[(BASE - weightedSum(payload)) % BASE]!;
}

/**
 * The code in typed input (any case; spaces, dashes, underscores ignored), or null when it is not
 * a well-formed code: wrong length, a character outside the alphabet, or a failed check. /verify
 * answers "no certificate with this code" for null and for an unknown code alike.
 */
export function parseCertificateCode(input: string): string | null {
  if (input.length > 64) return null;
  const code = input
    .normalize("NFKC")
    .replace(/[\s_\p{Pd}]/gu, "")
    .replace(/[a-z]/g, (c) => c.toUpperCase());
  if (code.length !== CERTIFICATE_CODE_LENGTH) return null;
  for (const c of code) if (!valueOf.has(c)) return null;
  return weightedSum(code) === 0 ? code : null;
}

/** "ABCD-EFGH-JKMN", as printed. */
export function formatCertificateCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}
