// The check character's promise (every single wrong character, every neighbour swap) is proved
// twice: once over the algebra, exhaustively, and once on real codes by property tests.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  CHECK_WEIGHTS,
  CODE_ALPHABET,
  CODE_LENGTH,
  NEVER_IN_CODES,
  checkCharacter,
  formatResponseCode,
  generateResponseCode,
  normalizeResponseCode,
  parseResponseCode,
} from "@/lib/packs/response-code";

const BASE = CODE_ALPHABET.length;
const mod = (n: number) => ((n % BASE) + BASE) % BASE;

/** A valid code from 7 symbol indexes, through the public generator. */
const codeFrom = (indexes: number[]) => {
  let i = 0;
  return generateResponseCode(() => indexes[i++]!);
};
const codeArb = fc.array(fc.integer({ min: 0, max: BASE - 1 }), { minLength: 7, maxLength: 7 }).map(codeFrom);

const replaceAt = (code: string, i: number, c: string) => code.slice(0, i) + c + code.slice(i + 1);
const swap = (code: string, i: number, j: number) => {
  const chars = [...code];
  [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  return chars.join("");
};

describe("alphabet and weights: the conditions of the proof", () => {
  it("has 31 distinct symbols, a prime count, none of them confusable", () => {
    expect(CODE_ALPHABET).toHaveLength(31);
    expect(new Set(CODE_ALPHABET).size).toBe(31);
    for (let d = 2; d * d <= BASE; d++) expect(BASE % d).not.toBe(0);
    for (const c of [...NEVER_IN_CODES, "l"]) expect(CODE_ALPHABET).not.toContain(c);
  });

  it("has one weight a position, all distinct and non-zero mod 31, neighbours different", () => {
    expect(CHECK_WEIGHTS).toHaveLength(CODE_LENGTH);
    expect(new Set(CHECK_WEIGHTS.map(mod)).size).toBe(CODE_LENGTH);
    for (const w of CHECK_WEIGHTS) expect(mod(w)).not.toBe(0);
    for (let i = 0; i + 1 < CODE_LENGTH; i++) expect(mod(CHECK_WEIGHTS[i]! - CHECK_WEIGHTS[i + 1]!)).not.toBe(0);
  });

  // The sum is linear, so what an error does to it depends only on the position(s) and the
  // change of value, never on the rest of the code. Checking every position × every change
  // therefore covers every code there is.
  it("no single change of value at any position leaves the sum unchanged (exhaustive, 8 × 30)", () => {
    for (const w of CHECK_WEIGHTS) for (let d = 1; d < BASE; d++) expect(mod(w * d)).not.toBe(0);
  });

  it("no swap of two different values at neighbouring positions leaves the sum unchanged (exhaustive, 7 × 31 × 30)", () => {
    for (let i = 0; i + 1 < CODE_LENGTH; i++)
      for (let a = 0; a < BASE; a++)
        for (let b = 0; b < BASE; b++) {
          if (a === b) continue;
          const before = CHECK_WEIGHTS[i]! * a + CHECK_WEIGHTS[i + 1]! * b;
          const after = CHECK_WEIGHTS[i]! * b + CHECK_WEIGHTS[i + 1]! * a;
          expect(mod(after - before)).not.toBe(0);
        }
  });
});

describe("check character on real codes", () => {
  it("rejects every single-character substitution (all 8 positions × 30 alternatives of sampled codes)", () => {
    fc.assert(
      fc.property(codeArb, (code) => {
        expect(parseResponseCode(code)).toEqual({ ok: true, code });
        for (let i = 0; i < CODE_LENGTH; i++)
          for (const c of CODE_ALPHABET) {
            if (c === code[i]) continue;
            expect(parseResponseCode(replaceAt(code, i, c))).toEqual({ ok: false, problem: "check" });
          }
      }),
      { numRuns: 300 },
    );
  });

  it("rejects every swap of two neighbouring different characters", () => {
    fc.assert(
      fc.property(codeArb, (code) => {
        for (let i = 0; i + 1 < CODE_LENGTH; i++) {
          if (code[i] === code[i + 1]) continue;
          expect(parseResponseCode(swap(code, i, i + 1))).toEqual({ ok: false, problem: "check" });
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("also rejects swaps of any two different characters, and twin errors (aa → bb), since all weights differ", () => {
    fc.assert(
      fc.property(codeArb, fc.constantFrom(...CODE_ALPHABET), (code, b) => {
        for (let i = 0; i < CODE_LENGTH; i++)
          for (let j = i + 1; j < CODE_LENGTH; j++) {
            if (code[i] !== code[j]) expect(parseResponseCode(swap(code, i, j)).ok).toBe(false);
          }
        for (let i = 0; i + 1 < CODE_LENGTH; i++) {
          if (code[i] !== code[i + 1] || code[i] === b) continue;
          expect(parseResponseCode(replaceAt(replaceAt(code, i, b), i + 1, b)).ok).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a known code: the check of 2222222 is 2, and of 3222222 is the symbol of value −8 mod 31", () => {
    expect(checkCharacter("2222222")).toBe("2");
    expect(checkCharacter("3222222")).toBe(CODE_ALPHABET[mod(-8)]);
    expect(() => checkCharacter("222222")).toThrow(RangeError);
    expect(() => checkCharacter("222222O")).toThrow(RangeError);
  });
});

describe("generation", () => {
  it("generated codes are 8 alphabet characters and pass the check, whatever the random source returns", () => {
    fc.assert(
      fc.property(codeArb, (code) => {
        expect(code).toHaveLength(CODE_LENGTH);
        expect(normalizeResponseCode(code)).toBe(code);
        expect(parseResponseCode(code).ok).toBe(true);
      }),
    );
    for (let i = 0; i < 1000; i++) {
      const code = generateResponseCode();
      expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
      expect(parseResponseCode(code).ok).toBe(true);
    }
  });

  it("refuses a random source that returns something outside [0, 31)", () => {
    expect(() => generateResponseCode(() => 31)).toThrow(RangeError);
    expect(() => generateResponseCode(() => -1)).toThrow(RangeError);
    expect(() => generateResponseCode(() => 0.5)).toThrow(RangeError);
  });

  describe("100,000 default codes", () => {
    const n = 100_000;
    let codes: string[] = [];
    beforeAll(() => {
      codes = Array.from({ length: n }, () => generateResponseCode());
    });

    // 31^7 ≈ 2.75e10 payloads: the expected number of colliding pairs among 100,000 codes is
    // n(n−1)/2 / 31^7 ≈ 0.18, so "no duplicates" would fail about one run in six. A Poisson(0.18)
    // count above 5 has probability ~5e-8. The database catches the real collisions anyway.
    it("have as few duplicates as 31^7 predicts", () => {
      const duplicates = n - new Set(codes).size;
      expect(duplicates).toBeLessThanOrEqual(5);
    });

    // A collision rate that can be measured: in the 31^3 = 29,791 first-three-symbol prefixes,
    // 100,000 uniform codes occupy D(1 − (1 − 1/D)^n) ≈ 28,753 distinct prefixes (sd ≈ 30).
    it("fill a 3-symbol prefix space exactly as uniform random codes would (birthday prediction)", () => {
      const D = BASE ** 3;
      const expected = D * (1 - (1 - 1 / D) ** n);
      const distinct = new Set(codes.map((c) => c.slice(0, 3))).size;
      expect(Math.abs(distinct - expected)).toBeLessThan(6 * 30);
    });

    // Catches modulo bias: `byte % 31` would make the first 8 symbols 12% more frequent, a
    // chi-square in the thousands. With 30 degrees of freedom, 85 is exceeded with p ≈ 1e-6.
    it("use every symbol equally often at every position (chi-square)", () => {
      for (let position = 0; position < CODE_LENGTH; position++) {
        const counts = new Map<string, number>();
        for (const code of codes) counts.set(code[position]!, (counts.get(code[position]!) ?? 0) + 1);
        const expected = n / BASE;
        let chi2 = 0;
        for (const c of CODE_ALPHABET) chi2 += ((counts.get(c) ?? 0) - expected) ** 2 / expected;
        expect(chi2, `position ${position}`).toBeLessThan(85);
      }
    });
  });
});

describe("typing a code", () => {
  const code = codeFrom([0, 5, 10, 15, 20, 25, 30]);
  const lower = code.toLowerCase();

  it("accepts lower case, spaces, dashes (including typographic ones), underscores and tabs", () => {
    for (const typed of [
      lower,
      formatResponseCode(code),
      formatResponseCode(code).toLowerCase(),
      ` ${code.slice(0, 4)} ${code.slice(4)} `,
      `${lower.slice(0, 2)}-${lower.slice(2, 5)}_${lower.slice(5)}`,
      `${code.slice(0, 4)}\u2013${code.slice(4)}`, // en dash, from a word processor
      `${code.slice(0, 4)}\u00a0${code.slice(4)}\t`, // no-break space, from a PDF
      [...code].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join(""), // full-width
    ]) {
      expect(normalizeResponseCode(typed), JSON.stringify(typed)).toBe(code);
      expect(parseResponseCode(typed), JSON.stringify(typed)).toEqual({ ok: true, code });
    }
  });

  it("normalisation accepts any arbitrary mix of case and separators around a valid code", () => {
    const separator = fc.constantFrom("", " ", "-", "_", "  ", " - ");
    fc.assert(
      fc.property(codeArb, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), fc.array(separator, { minLength: 9, maxLength: 9 }), (c, lowers, seps) => {
        const typed = seps[0] + [...c].map((ch, i) => (lowers[i] ? ch.toLowerCase() : ch) + seps[i + 1]).join("");
        expect(normalizeResponseCode(typed)).toBe(c);
        expect(parseResponseCode(typed)).toEqual({ ok: true, code: c });
      }),
    );
  });

  it("says what is wrong: empty, characters, length, check", () => {
    expect(parseResponseCode("")).toEqual({ ok: false, problem: "empty" });
    expect(parseResponseCode("  - _ ")).toEqual({ ok: false, problem: "empty" });
    expect(parseResponseCode(code.slice(0, 7))).toEqual({ ok: false, problem: "length" });
    expect(parseResponseCode(code + "2")).toEqual({ ok: false, problem: "length" });
    expect(parseResponseCode(code.slice(0, 7) + CODE_ALPHABET[mod(CODE_ALPHABET.indexOf(code[7]!) + 1)])).toEqual({ ok: false, problem: "check" });
    expect(parseResponseCode("ABCD.EFGH")).toEqual({ ok: false, problem: "characters" });
    expect(parseResponseCode("ÄBCDEFGH")).toEqual({ ok: false, problem: "characters" });
  });

  it("rejects 0, O, 1, I, L (and l) wherever they are, instead of guessing what was meant", () => {
    for (const bad of [...NEVER_IN_CODES, "l", "o", "i"])
      for (let i = 0; i < CODE_LENGTH; i++) {
        const typed = replaceAt(code, i, bad);
        expect(parseResponseCode(typed)).toEqual({ ok: false, problem: "characters" });
        expect(normalizeResponseCode(typed)).toBeNull();
      }
    // A confusable character is the more useful thing to say even when the length is also off.
    expect(parseResponseCode("0ABC")).toEqual({ ok: false, problem: "characters" });
  });

  it("does not let Unicode case mapping make a code out of non-code letters", () => {
    // "ß".toUpperCase() is "SS"; a code must be made of what was typed.
    expect(normalizeResponseCode("23456ßS")).toBeNull();
    expect(parseResponseCode("23456ßS").ok).toBe(false);
  });

  it("normalizeResponseCode does not test the check; parseResponseCode does", () => {
    const typo = replaceAt(code, 3, code[3] === "2" ? "3" : "2");
    expect(normalizeResponseCode(typo)).toBe(typo);
    expect(parseResponseCode(typo)).toEqual({ ok: false, problem: "check" });
  });
});

describe("formatting", () => {
  it("prints XXXX-XXXX and round-trips through typing", () => {
    fc.assert(
      fc.property(codeArb, (code) => {
        const printed = formatResponseCode(code);
        expect(printed).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/);
        expect(printed.replace("-", "")).toBe(code);
        expect(normalizeResponseCode(printed)).toBe(code);
        expect(formatResponseCode(printed)).toBe(printed);
        expect(formatResponseCode(printed.toLowerCase())).toBe(printed);
      }),
    );
  });

  it("refuses to print something that is not a valid code", () => {
    const code = codeFrom([1, 2, 3, 4, 5, 6, 7]);
    expect(() => formatResponseCode(code.slice(0, 7))).toThrow(RangeError);
    expect(() => formatResponseCode(swap(code, 0, 1))).toThrow(RangeError);
  });
});
