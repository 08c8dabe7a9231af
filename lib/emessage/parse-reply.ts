// Reading an e-message reply by its response codes (docs/decisions/046).
//
// A member inside types the reply on a tablet or a kiosk (CorrLinks, JPay…) and the facilitator
// pastes it here. The pack asked them to start each answer with its code, but people write codes
// the way they read them: "ABCD-EFG2 my answer", "Code abcdefg2: …", "abcd efg2", mid-sentence.
// This module finds the codes, cuts the text into answers (from a code to the next code) and says,
// for each, which of the member's questions it answers and how sure that is. Pure, no database:
// the page uses it for the preview and the server checks the previewed choice against the
// member's codes again before filing (lib/data/emessage-replies.ts).
//
// Finding codes. The text is cut into runs of letters and digits; a code is one or more
// neighbouring runs, joined only by spaces, dashes or underscores on one line, that make exactly
// 8 characters (after folding full-width forms and case). Most such spans are words ("answered",
// "past week"), so a span only counts when it is:
//   - exactly one of the member's codes;
//   - ONE misread from exactly one of them: one wrong character, or two neighbours swapped (the
//     two mistakes the check character always catches, lib/packs/response-code.ts). It is then
//     matched with a flag naming the character (position, read, expected), never silently: the
//     facilitator confirms it in the preview. A character that never appears in codes (0 O 1 I L)
//     counts as a wrong character here, since it is one;
//   - ambiguous (one misread from two or more codes): unmatched, the facilitator chooses;
//   - shaped like a code without being one of theirs (written XXXX-XXXX, or a single 8-character
//     run mixing letters and digits, or right after the word "code"): unmatched, the facilitator
//     chooses. Ordinary words never start an answer: a word one misread from a code is about
//     8 × 30 / 31^8 ≈ 3 × 10^-10 likely per code.
// Text before the first code is the facilitator's note (outsideText), as is an answer the
// facilitator marks "not an answer". No code at all: nothing to file, the whole text is a note.
import { CODE_ALPHABET, CODE_LENGTH } from "@/lib/packs/response-code";

export type KnownCode = {
  /** Unformatted, 8 characters (as stored in ResponseCode.code). */
  code: string;
  packNumber: number;
  promptId: string;
  /** The question's number in its pack, as printed. */
  number: number;
  text: string;
};

/** Why a found code was matched though it is not exactly one of the member's codes. */
export type Misread =
  | { kind: "character"; position: number; read: string; expected: string }
  | { kind: "swap"; position: number; read: string; expected: string };

export type Match =
  | { kind: "exact"; code: string }
  | { kind: "misread"; code: string; misread: Misread }
  | { kind: "ambiguous"; candidates: string[] }
  | { kind: "unknown" };

export type ParsedAnswer = {
  /** The code as it stands in the text ("abcd efg2"). */
  codeText: string;
  /** Its 8 characters, upper case (may include characters that never appear in codes). */
  codeRead: string;
  /** Where the code starts and the answer ends in the pasted text (UTF-16 offsets). */
  start: number;
  end: number;
  match: Match;
  /** The answer: the text after the code up to the next code, trimmed. */
  text: string;
  /** Another answer of this paste has the same matched code: both are kept. */
  duplicate: boolean;
};

export type ParsedReply = {
  answers: ParsedAnswer[];
  /** Text before the first code (all of it when there is no code): the facilitator's note. */
  outsideText: string;
};

const ALPHABET = new Set(CODE_ALPHABET);
/** Separators people put inside a code: spaces, tabs, dashes of every kind, underscores; not a line break. */
const INSIDE = /^[ \t\u00a0\u2000-\u200b\u202f\u3000\p{Pd}_]{1,3}$/u;
const DASHED = /^[A-Za-z0-9]{4}[ \t\u00a0]*[\p{Pd}_][ \t\u00a0]*[A-Za-z0-9]{4}$/u;
/** "Code", "code:", "Code #", "response code no.", "código:" just before a code belongs to it. */
const CODE_WORD = /(?:^|[^\p{L}\p{N}])((?:response\s+)?(?:code|c[oó]digo)\s*(?:#|no\.?|n[.º°]|:)?\s*)$/iu;
/** Punctuation between a code and its answer ("ABCD-EFG2: …", "ABCD-EFG2) …", "— …"). */
const LEAD = /^[\s:;.,)\]}>\p{Pd}#*]+/u;

type Run = { start: number; end: number; chars: string };

/** Letter and digit runs; `chars` is the run folded (NFKC, ASCII upper case), "" when it cannot be in a code. */
function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const folded = m[0].normalize("NFKC").replace(/[a-z]/g, (c) => c.toUpperCase());
    runs.push({ start: m.index, end: m.index + m[0].length, chars: /^[A-Z0-9]+$/.test(folded) ? folded : "" });
  }
  return runs;
}

/** The one known code that `read` is one misread from, or the ambiguity. */
function nearest(read: string, known: ReadonlySet<string>): Match {
  if (known.has(read)) return { kind: "exact", code: read };
  const found = new Map<string, Misread>();
  for (let i = 0; i < CODE_LENGTH; i++) {
    // One wrong character: every other symbol at position i.
    for (const symbol of CODE_ALPHABET) {
      if (symbol === read[i]) continue;
      const candidate = read.slice(0, i) + symbol + read.slice(i + 1);
      if (known.has(candidate)) found.set(candidate, { kind: "character", position: i + 1, read: read[i]!, expected: symbol });
    }
    // Two neighbours swapped.
    if (i < CODE_LENGTH - 1 && read[i] !== read[i + 1]) {
      const candidate = read.slice(0, i) + read[i + 1] + read[i] + read.slice(i + 2);
      if (known.has(candidate)) found.set(candidate, { kind: "swap", position: i + 1, read: read.slice(i, i + 2), expected: candidate.slice(i, i + 2) });
    }
  }
  if (found.size === 1) {
    const [code, misread] = [...found][0]!;
    return { kind: "misread", code, misread };
  }
  if (found.size > 1) return { kind: "ambiguous", candidates: [...found.keys()].sort() };
  return { kind: "unknown" };
}

/** Written so that it can only be meant as a code, even if it is none of this member's. */
function codeShaped(written: string, read: string, afterCodeWord: boolean, runCount: number): boolean {
  if (afterCodeWord || DASHED.test(written.normalize("NFKC"))) return true;
  // One run mixing letters and digits ("abcdefg2"), only of code characters: "B2B0ATS1" is not one.
  return runCount === 1 && /[0-9]/.test(read) && /[A-Z]/.test(read) && [...read].every((c) => ALPHABET.has(c));
}

/**
 * Finds the codes in a pasted reply and cuts it into answers. `known`: the member's codes (any
 * pack). Never throws on any string; an answer's text is always a slice of `text`.
 */
export function parseReply(text: string, known: readonly KnownCode[]): ParsedReply {
  const knownSet = new Set(known.map((k) => k.code));
  const runs = runsOf(text);
  type Found = { codeStart: number; codeEnd: number; written: string; read: string; match: Match };
  const found: Found[] = [];

  for (let i = 0; i < runs.length; i++) {
    if (!runs[i]!.chars || runs[i]!.chars.length > CODE_LENGTH) continue;
    let read = runs[i]!.chars;
    let j = i;
    while (read.length < CODE_LENGTH && j + 1 < runs.length && runs[j + 1]!.chars && INSIDE.test(text.slice(runs[j]!.end, runs[j + 1]!.start))) {
      j++;
      read += runs[j]!.chars;
    }
    if (read.length !== CODE_LENGTH) continue;
    const start = runs[i]!.start;
    const end = runs[j]!.end;
    const written = text.slice(start, end);
    const before = text.slice(found.at(-1)?.codeEnd ?? 0, start);
    const codeWord = CODE_WORD.exec(before);
    const match = nearest(read, knownSet);
    // Shaped like a code but none of theirs (another member's, a typo of two characters): still a
    // code, unmatched, so its text is not filed under the previous answer.
    if (match.kind === "unknown" && !codeShaped(written, read, codeWord !== null, j - i + 1)) continue;
    found.push({ codeStart: codeWord ? start - codeWord[1]!.length : start, codeEnd: end, written, read, match });
    i = j;
  }

  if (found.length === 0) return { answers: [], outsideText: text.trim() };

  const counts = new Map<string, number>();
  for (const f of found) if (f.match.kind === "exact" || f.match.kind === "misread") counts.set(f.match.code, (counts.get(f.match.code) ?? 0) + 1);

  const answers: ParsedAnswer[] = found.map((f, index) => {
    const end = found[index + 1]?.codeStart ?? text.length;
    const after = text.slice(f.codeEnd, end);
    const lead = LEAD.exec(after)?.[0].length ?? 0;
    const matched = f.match.kind === "exact" || f.match.kind === "misread" ? f.match.code : null;
    return {
      codeText: f.written,
      codeRead: f.read,
      start: f.codeStart,
      end,
      match: f.match,
      text: after.slice(lead).trim(),
      duplicate: matched !== null && (counts.get(matched) ?? 0) > 1,
    };
  });
  return { answers, outsideText: text.slice(0, found[0]!.codeStart).trim() };
}

/** The known code a parsed answer is matched to (exact or flagged misread), if any. */
export function matchedCode(answer: Pick<ParsedAnswer, "match">): string | null {
  return answer.match.kind === "exact" || answer.match.kind === "misread" ? answer.match.code : null;
}
