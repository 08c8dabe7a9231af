// Paper details of issue 16 (docs/decisions/032), read back with poppler: the consent line on
// every response sheet, and line and paragraph breaks kept in the letter and in featured excerpts.
import { createWriteStream } from "node:fs";
import { copyFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMemberPack } from "@/lib/packs/pdf/render";
import { CONSENT_LINE } from "@/lib/packs/pdf/sheet";
import { demoPack, mailMember, NO_LIMIT } from "@/tests/factories/print";
import { pdfPages, pdfToPng, tempDir } from "@/tests/setup/pdf-tools";
import type { PrintPack } from "@/lib/packs/print-types";

const squash = (text: string) => text.replace(/\s+/g, " ").trim();
const lines = (page: string) => page.split("\n").map((l) => l.trim()).filter(Boolean);

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function render(pack: PrintPack, name: string) {
  const file = path.join(dir, `${name}.pdf`);
  const member = mailMember(pack, { facility: NO_LIMIT });
  await renderMemberPack(pack, member, createWriteStream(file));
  return { file, pages: await pdfPages(file) };
}

describe("the response sheet", () => {
  it("carries the consent line with two boxes to tick, on the first page of every question's sheet", async () => {
    const pack = demoPack([0]);
    const { file, pages } = await render(pack, "sheets");
    const sheets = pages.map((p, index) => ({ p, index })).filter(({ p }) => /Question \d+ of \d+/.test(p));
    expect(sheets).toHaveLength(pack.lessons[0]!.prompts.length);
    for (const { p } of sheets) expect(squash(p)).toContain("You may share this answer with the group under my pen name: ☐ yes ☐ no");
    expect(squash(CONSENT_LINE)).toBe("You may share this answer with the group under my pen name: ☐ yes ☐ no");
    // A picture of one sheet, to look at (SHEET_PNG=path keeps a copy).
    const png = await pdfToPng(file, sheets[0]!.index + 1, path.join(dir, "sheet"));
    if (process.env.SHEET_PNG) await copyFile(png, process.env.SHEET_PNG);
  });
});

describe("line breaks on paper", () => {
  it("keeps a letter's single line breaks as lines", async () => {
    const letter = "Dear all,\nThe reading is short this time.\nRead it twice.\n\nWith best wishes,\nFrank";
    const { pages } = await render(demoPack([0], { letterMarkdown: letter }), "letter");
    const page = pages.find((p) => p.includes("Dear all,"))!;
    const text = lines(page);
    for (const line of ["Dear all,", "The reading is short this time.", "Read it twice.", "With best wishes,", "Frank"]) expect(text).toContain(line);
  });

  it("keeps a featured excerpt's line and paragraph breaks", async () => {
    const pack: PrintPack = {
      ...demoPack([0]),
      featured: [{ penName: "Northwind", text: "First line of the poem\nsecond line of the poem\n\nA new paragraph.", note: "", promptText: "What would you keep?", packNumber: 1, replyTo: null }],
    };
    const { pages } = await render(pack, "featured");
    const page = pages.find((p) => p.includes("First line of the poem"))!;
    const text = page.split("\n").map((l) => l.trim());
    const first = text.indexOf("First line of the poem");
    expect(text[first + 1]).toBe("second line of the poem");
    // The paragraph gap shows as a blank line in pdftotext's layout.
    expect(text.slice(first + 2, text.indexOf("A new paragraph."))).toEqual([""]);
  });
});
