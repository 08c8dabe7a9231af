import { describe, expect, it } from "vitest";
import { matchedCode, parseReply, type KnownCode } from "@/lib/emessage/parse-reply";
import { CODE_ALPHABET, checkCharacter, formatResponseCode } from "@/lib/packs/response-code";
import { naughtyStrings } from "@/tests/setup/naughty-strings";

/** A valid code from a payload of 7 alphabet characters. */
const code = (payload: string) => payload + checkCharacter(payload);

const A = code("ABCDEFG"); // "ABCDEFG" + check
const B = code("XYZ2345");
const C = code("HJKMNPQ");
const known: KnownCode[] = [
  { code: A, packNumber: 3, promptId: "p1", number: 1, text: "What changed?" },
  { code: B, packNumber: 3, promptId: "p2", number: 2, text: "Who decides?" },
  { code: C, packNumber: 4, promptId: "p3", number: 1, text: "Why now?" },
];
const dashed = (c: string) => formatResponseCode(c);
/** `c` with the character at `i` (0-based) replaced by another code character. */
const misread = (c: string, i: number) => {
  const other = CODE_ALPHABET[(CODE_ALPHABET.indexOf(c[i]!) + 5) % CODE_ALPHABET.length]!;
  return c.slice(0, i) + other + c.slice(i + 1);
};

describe("parseReply", () => {
  it("finds codes amid text, in any case, with or without the dash, spaces inside", () => {
    const text = `Hello, thank you for the pack.\n${dashed(A)} my answer is long.\nAnd goes on. Code ${B.toLowerCase()}: second answer here, and then ${C.slice(0, 4).toLowerCase()} ${C.slice(4).toLowerCase()} third one`;
    const reply = parseReply(text, known);
    expect(reply.outsideText).toBe("Hello, thank you for the pack.");
    expect(reply.answers.map(matchedCode)).toEqual([A, B, C]);
    expect(reply.answers.map((a) => a.text)).toEqual(["my answer is long.\nAnd goes on.", "second answer here, and then", "third one"]);
    expect(reply.answers.every((a) => a.match.kind === "exact" && !a.duplicate)).toBe(true);
  });

  it("takes a code at a line start, with dashes or spaces of any kind, full-width forms too", () => {
    const fullWidth = [...A].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join("");
    for (const written of [`${A.slice(0, 4)} - ${A.slice(4)}`, `${A.slice(0, 4)}\u2013${A.slice(4)}`, `${A.slice(0, 4)}_${A.slice(4)}`, fullWidth, A.split("").join(" ")]) {
      const reply = parseReply(`${written}\nAn answer.`, known);
      expect(reply.answers.map(matchedCode), written).toEqual([A]);
      expect(reply.answers[0]!.text).toBe("An answer.");
    }
  });

  it("flags a misread code with the character, position, read and expected, and never matches it silently", () => {
    const wrong = misread(A, 2);
    const reply = parseReply(`${wrong} my answer`, known);
    expect(reply.answers).toHaveLength(1);
    expect(reply.answers[0]!.match).toEqual({ kind: "misread", code: A, misread: { kind: "character", position: 3, read: wrong[2], expected: A[2] } });

    const swapped = A.slice(0, 4) + A[5] + A[4] + A.slice(6);
    expect(parseReply(`${swapped} x`, known).answers[0]!.match).toEqual({ kind: "misread", code: A, misread: { kind: "swap", position: 5, read: A[5]! + A[4]!, expected: A[4]! + A[5]! } });

    // A character that never appears in codes (O for a D, 1 for an I) is one misread too.
    const withO = A.replace("D", "O");
    expect(parseReply(`${withO} x`, known).answers[0]!.match).toMatchObject({ kind: "misread", code: A, misread: { kind: "character", position: 4, read: "O", expected: "D" } });
  });

  it("leaves a code-shaped reading that is none of the member's unmatched, for the facilitator to choose", () => {
    const someoneElses = code("MNPQRST");
    const reply = parseReply(`${dashed(someoneElses)} someone else's answer`, known);
    expect(reply.answers).toHaveLength(1);
    expect(reply.answers[0]!.match).toEqual({ kind: "unknown" });
    expect(matchedCode(reply.answers[0]!)).toBeNull();
    expect(reply.answers[0]!.text).toBe("someone else's answer");
  });

  it("is ambiguous when one reading is a misread of two codes", () => {
    // Two codes that differ in one position only (the parser does not need them valid).
    const X = "ABCDEFG" + "2";
    const Y = "ABCDEFG" + "3";
    const twins: KnownCode[] = [
      { code: X, packNumber: 1, promptId: "x", number: 1, text: "x" },
      { code: Y, packNumber: 1, promptId: "y", number: 2, text: "y" },
    ];
    const reply = parseReply("ABCDEFG4 which one?", twins);
    expect(reply.answers[0]!.match).toEqual({ kind: "ambiguous", candidates: [X, Y] });
  });

  it("cuts two answers in one paste, and keeps both when the same code comes twice (flagged)", () => {
    const two = parseReply(`${dashed(A)}\nFirst.\n\n${dashed(B)}\nSecond.`, known);
    expect(two.answers.map((a) => [matchedCode(a), a.text])).toEqual([
      [A, "First."],
      [B, "Second."],
    ]);
    expect(two.outsideText).toBe("");

    const twice = parseReply(`${A} one part. ${A} another part.`, known);
    expect(twice.answers.map((a) => [a.text, a.duplicate])).toEqual([
      ["one part.", true],
      ["another part.", true],
    ]);
  });

  it("files nothing when there is no code: the whole text is a note", () => {
    const text = "Dear facilitator, I answered everything on paper last week. ABCD to you all, 2024-11-03.";
    const reply = parseReply(text, known);
    expect(reply.answers).toEqual([]);
    expect(reply.outsideText).toBe(text);
    expect(parseReply("", known)).toEqual({ answers: [], outsideText: "" });
  });

  it("does not take ordinary words or numbers for codes", () => {
    const reply = parseReply("I answered the past week, at 4pm we had 2 kids and 12345678 reasons; QRSTUVWX sounds odd.", known);
    expect(reply.answers).toEqual([]);
  });

  it("never throws on a naughty string, never matches one to a code, and keeps it where it was written", () => {
    for (const s of naughtyStrings) {
      const alone = parseReply(s, known);
      expect(alone.answers.filter((a) => matchedCode(a) !== null), JSON.stringify(s)).toEqual([]);

      const between = parseReply(`${dashed(A)} ${s}\n${dashed(B)} last`, known);
      const matched = between.answers.filter((a) => matchedCode(a) !== null);
      expect(matched.map(matchedCode), JSON.stringify(s)).toEqual([A, B]);
      expect(matched.at(-1)!.text).toBe("last");
      for (const a of between.answers) {
        expect(`${dashed(A)} ${s}\n${dashed(B)} last`.slice(a.start, a.end)).toContain(a.text);
      }
    }
  });
});
