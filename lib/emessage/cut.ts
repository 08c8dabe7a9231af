// A pack's text cut into numbered messages that a prison e-message service will take
// (docs/decisions/045). The rules, and why:
// - Every message, its header ("Pack 3 — message 2 of 5") and the blank line after it included,
//   is at most `limit` characters. Characters are UTF-16 code units (JavaScript's length): never
//   fewer than what a service counts as characters, so a message the service measures otherwise
//   still fits; an emoji counts two.
// - The header's length depends on the number of messages ("of 9" vs "of 10"), which depends on
//   the room the header leaves: the total is guessed, the text cut, and the guess raised until
//   the cut needs no more messages than the header announces (it only ever grows, so it ends).
// - A message ends at the best boundary in the latter half of what fits: after a paragraph
//   (blank line), else after a sentence or a line, else after a word; a word longer than a whole
//   message is the only thing ever cut, and then between two graphemes (never inside an accented
//   letter or an emoji), or between code points for a "grapheme" longer than a message (stacked
//   combining marks).
// - Nothing is lost or doubled: the pieces, in order, are exactly the text (whitespace at a cut
//   stays at the end of the piece before it), so the member reads every word once.
// Pure functions: the messages page and the tests call them with plain strings.

export type CutMessage = { number: number; total: number; header: string; piece: string; body: string };

/** Between the header and the text of each message. */
export const HEADER_SEPARATOR = "\n\n";

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The last end of a match of `pattern` (global) in `window` at or after `from`, or -1. */
function lastEnd(window: string, pattern: RegExp, from: number): number {
  let best = -1;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(window); m; m = pattern.exec(window)) {
    const end = m.index + m[0].length;
    if (end >= from && end > 0) best = end;
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return best;
}

const PARAGRAPH = /\n[^\S\n]*\n\s*/g;
// A sentence's end (with closing quotes or brackets) and the space after it, or a line break.
const SENTENCE = /(?:[.!?…。！？;:]["'”’»)\]]*\s+|\n\s*)/g;
const WORD = /\s+/g;

/** Where the first piece of `rest` ends, given `room` characters (rest is longer than room). */
function cutPoint(rest: string, room: number): number {
  const window = rest.slice(0, room);
  const half = Math.floor(room / 2);
  for (const pattern of [PARAGRAPH, SENTENCE, WORD]) {
    const end = lastEnd(window, pattern, half);
    if (end > 0) return end;
  }
  for (const pattern of [WORD]) {
    const end = lastEnd(window, pattern, 1);
    if (end > 0) return end;
  }
  // One word longer than the room: between graphemes, else between code points.
  let end = 0;
  for (const { index } of segmenter.segment(rest.slice(0, room + 1))) if (index <= room) end = index;
  if (end > 0) return end;
  end = room;
  const code = rest.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1; // never half an emoji
  return Math.max(end, 1);
}

/** The text in pieces of at most `room` characters each; joined, they are the text. */
export function cutPieces(text: string, room: number): string[] {
  if (room < 2) throw new RangeError("no room for text in a message");
  const pieces: string[] = [];
  let at = 0;
  while (at < text.length) {
    const rest = text.slice(at, at + room + 1);
    const end = rest.length <= room ? rest.length : cutPoint(rest, room);
    pieces.push(text.slice(at, at + end));
    at += end;
  }
  return pieces.length ? pieces : [""];
}

/**
 * The text as numbered messages of at most `limit` characters each, header included.
 * `header(n, total)` is the line in the member's language ("Pack 3 — message 2 of 5").
 */
export function cutIntoMessages(text: string, limit: number, header: (n: number, total: number) => string): CutMessage[] {
  const longestHeader = (total: number) => {
    let longest = 0;
    for (let n = 1; n <= total; n++) longest = Math.max(longest, header(n, total).length);
    return longest;
  };
  let total = 1;
  for (;;) {
    const room = limit - longestHeader(total) - HEADER_SEPARATOR.length;
    const pieces = cutPieces(text, room);
    if (pieces.length <= total) {
      const messages = pieces.map((piece, i) => {
        const head = header(i + 1, pieces.length);
        return { number: i + 1, total: pieces.length, header: head, piece, body: head + HEADER_SEPARATOR + piece };
      });
      // Fewer messages than guessed: their headers are no longer, unless a language words it oddly.
      if (messages.every((m) => m.body.length <= limit)) return messages;
      total += 1;
      continue;
    }
    total = pieces.length;
  }
}

/** The text back from the messages: each body without its header, in order. */
export function joinMessages(bodies: string[]): string {
  return bodies.map((body) => body.slice(body.indexOf(HEADER_SEPARATOR) + HEADER_SEPARATOR.length)).join("");
}
