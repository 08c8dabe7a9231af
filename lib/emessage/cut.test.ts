// The claims of cut.ts and pack-text.ts (issue 20): no message over the limit, for every naughty
// string and for a 30-page reading; the messages joined back (headers removed) are the text,
// nothing lost or doubled; every response code is in a message whole.
import { describe, expect, it } from "vitest";
import { naughtyStrings } from "@/tests/setup/naughty-strings";
import { cutIntoMessages, cutPieces, joinMessages } from "@/lib/emessage/cut";
import { emessageLabelsFor } from "@/lib/emessage/labels";
import { markdownToText } from "@/lib/emessage/markdown-text";
import { packText } from "@/lib/emessage/pack-text";
import { generateResponseCode, formatResponseCode } from "@/lib/packs/response-code";
import type { PrintPack } from "@/lib/packs/print-types";

const header = (n: number, total: number) => emessageLabelsFor("EN").header(3, n, total);

function check(text: string, limit: number) {
  const messages = cutIntoMessages(text, limit, header);
  for (const m of messages) expect(m.body.length, `message ${m.number} of ${m.total}`).toBeLessThanOrEqual(limit);
  expect(joinMessages(messages.map((m) => m.body))).toBe(text);
  expect(messages.map((m) => m.number)).toEqual(messages.map((_, i) => i + 1));
  expect(new Set(messages.map((m) => m.total))).toEqual(new Set([messages.length]));
  for (const m of messages) expect(m.body.startsWith(`Pack 3 — message ${m.number} of ${messages.length}\n\n`)).toBe(true);
  return messages;
}

// ~3,000 characters a page: sentences of ordinary words, paragraphs of five to nine sentences.
function longReading(pages: number): string {
  const words = ["the", "workers", "organized", "a", "reading", "group", "across", "three", "prisons", "and", "wrote", "letters", "about", "history", "wages", "solidarity"];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const paragraphs: string[] = [];
  let length = 0;
  while (length < pages * 3000) {
    const sentences: string[] = [];
    for (let s = 0, n = 5 + (next() % 5); s < n; s++) {
      const sentence = Array.from({ length: 8 + (next() % 14) }, () => words[next() % words.length]).join(" ");
      sentences.push(sentence[0]!.toUpperCase() + sentence.slice(1) + (next() % 7 === 0 ? "?" : "."));
    }
    const paragraph = sentences.join(" ");
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join("\n\n");
}

describe("cutIntoMessages", () => {
  it("keeps every naughty string within the limit and whole when joined back", () => {
    for (const limit of [500, 2000]) {
      for (const s of naughtyStrings) {
        check(s, limit);
        // Long enough to need cutting, within and between the string's own characters.
        check(`${s} `.repeat(Math.ceil((limit * 2.5) / (s.length + 1))), limit);
        check(s.repeat(Math.ceil((limit * 1.5) / Math.max(1, s.length))), limit);
      }
      check(naughtyStrings.join("\n\n"), limit);
    }
  });

  it("cuts a 30-page reading at paragraph ends, within the limit", () => {
    const text = longReading(30);
    expect(text.length).toBeGreaterThan(89_000);
    for (const limit of [2000, 13_000]) {
      const messages = check(text, limit);
      // Every message but the last ends after a paragraph: ~2 pages need at least 7 of 13,000 characters.
      for (const m of messages.slice(0, -1)) expect(m.piece.endsWith("\n\n"), `message ${m.number}`).toBe(true);
      expect(messages.length).toBeLessThanOrEqual(Math.ceil(text.length / (limit * 0.5)));
    }
  });

  it("falls back to sentences, then words, and cuts only a word longer than a message", () => {
    const sentences = "One short sentence here. ".repeat(200);
    const pieces = cutPieces(sentences, 300);
    for (const p of pieces.slice(0, -1)) expect(p.endsWith(". ")).toBe(true);
    const words = "word ".repeat(500).replace(/\. /g, " ");
    for (const p of cutPieces(words, 301).slice(0, -1)) expect(p.endsWith(" ")).toBe(true);
    const long = "x".repeat(1000);
    expect(cutPieces(long, 300).map((p) => p.length)).toEqual([300, 300, 300, 100]);
    // An emoji or an accented letter is never split.
    const emoji = "😀".repeat(400);
    for (const p of cutPieces(emoji, 301)) expect(p.length % 2).toBe(0);
    const accents = "e\u0301".repeat(400);
    for (const p of cutPieces(accents, 301)) expect(p.startsWith("\u0301")).toBe(false);
  });

  it("counts the header inside the limit when the total grows a digit", () => {
    const text = "abc def. ".repeat(2000);
    const messages = check(text, 500);
    expect(messages.length).toBeGreaterThan(9);
    expect(messages[9]!.header).toBe(`Pack 3 — message 10 of ${messages.length}`);
  });

  it("words the header in the member's language", () => {
    expect(emessageLabelsFor("ES").header(3, 2, 5)).toBe("Paquete 3 — mensaje 2 de 5");
    expect(emessageLabelsFor(null).header(3, 2, 5)).toBe("Pack 3 — message 2 of 5");
  });
});

describe("packText", () => {
  const promptIds = ["p1", "p2", "p3"];
  const codes = Object.fromEntries(promptIds.map((id) => [id, generateResponseCode()]));
  const pack: PrintPack = {
    organization: { name: "Org", returnAddressLines: [] },
    group: { name: "Group" },
    pack: { id: "pack", number: 3, title: "Wages", letterMarkdown: "Dear all,\n\nWe read **Marx** this month. See [the notes](https://example.org/notes).", dueDate: new Date("2027-03-12T00:00:00Z") },
    lessons: [
      {
        position: 1,
        title: "Value",
        summary: "What wages are.",
        readings: [
          { id: "r1", title: "Thirty pages", author: "A. Writer", source: "A book", pageRange: "1–30", bodyMarkdown: longReading(30), pdfPageCount: null },
          { id: "r2", title: "Too long to send", author: "", source: "", pageRange: "", bodyMarkdown: "Never sent as text.", pdfPageCount: null },
          { id: "r3", title: "A scan", author: "", source: "", pageRange: "", bodyMarkdown: null, pdfPageCount: 12 },
        ],
        prompts: [
          { id: "p1", text: "What is a wage?", readingId: "r1" },
          { id: "p2", text: "Who sets it?", readingId: null },
        ],
      },
      { position: 2, title: "Struggle", summary: "", readings: [], prompts: [{ id: "p3", text: "What did you learn?", readingId: null }] },
    ],
    featured: [{ penName: "Wren", text: "A wage is a price.", note: "Well put.", promptText: "What is a wage?", packNumber: 2, replyTo: null }],
  };
  const member = { locale: null, codes, replies: [{ packNumber: 2, promptText: "Why read?", yourText: "To learn.", replies: [{ penName: "Oak", body: "Me too." }] }] };

  it("carries every code whole and asks to start each answer with it, within the limit", () => {
    const text = packText(pack, member, new Set(["r2"]));
    for (const limit of [2000, 13_000]) {
      const messages = check(text, limit);
      for (const code of Object.values(codes)) {
        const formatted = formatResponseCode(code);
        expect(messages.some((m) => m.body.includes(`Response code: ${formatted}`)), formatted).toBe(true);
        expect(messages.some((m) => m.body.includes(`Start your answer with ${formatted}`)), formatted).toBe(true);
      }
    }
    expect(text).toContain("How to answer");
    expect(text).toContain('The reading "Too long to send" comes to you by post');
    expect(text).not.toContain("Never sent as text.");
    expect(text).toContain('The reading "A scan" comes to you by post');
    expect(text).toContain("We read Marx this month. See the notes (https://example.org/notes).");
    expect(text).toContain("From the group");
    expect(text).toContain("— Wren");
    expect(text).toContain("Replies to your response");
    expect(text).toContain("Me too.");
    expect(text).toContain("Question 3 of 3");
  });

  it("is in Spanish for a Spanish-speaking member", () => {
    const text = packText(pack, { ...member, locale: "ES" }, new Set(["r2"]));
    expect(text).toContain("Paquete 3: Wages");
    expect(text).toContain(`Empiece su respuesta con ${formatResponseCode(codes.p1!)}`);
    expect(text).toContain("le llega por correo postal");
  });

  it("keeps every word of a reading's Markdown", () => {
    const source = [
      "# Heading one",
      "A *lively* paragraph with `code` and ~~struck~~ words.[^n]",
      "- first item\n- second item\n  continued",
      "1. one\n2. two",
      "> quoted words\n> more quoted",
      "| col a | col b |\n| --- | --- |\n| cell one | cell two |",
      "```\ncode block words\n```",
      "![a picture](x.png) and <b>html</b> text",
      "[^n]: The footnote words.",
    ].join("\n\n");
    const text = markdownToText(source);
    const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];
    for (const word of words(source.replace(/x\.png|\bb\b/g, ""))) expect(text, word).toContain(word);
    expect(text).toContain("[image: a picture]");
    expect(text).toContain("Notes\n\n[1] The footnote words.");
  });
});
