// A mailroom matches a pack to a person by name and ID number, on the cover and on every page
// (PRODUCT.md). So the cover's mailing block and the page footers must print the same ID text,
// whatever was stored: once the cover dropped a leading "#" and the footers did not.
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressLines } from "@/lib/packs/pdf/cover";
import { nameAndId } from "@/lib/packs/pdf/furniture";
import { en } from "@/lib/packs/pdf/labels";
import { renderMemberPack } from "@/lib/packs/pdf/render";
import { printable } from "@/lib/packs/pdf/text";
import { printedIdNumber } from "@/lib/people/identity";
import { demoPack, mailMember } from "@/tests/factories/print";
import { pdfPages, tempDir } from "@/tests/setup/pdf-tools";
import { naughtyStrings } from "@/tests/setup/naughty-strings";

const NAME = "Ann Lee";
const pack = demoPack([0]);

/** The ID text as the cover's first line and as a page footer print it (null: no ID printed). */
function printedIds(idNumber: string | null) {
  const member = mailMember(pack, { legalName: NAME, idNumber });
  const cover = addressLines(member)[0]!;
  const footer = printable(nameAndId(member, en)); // the footer prints through fit(), which makes it printable
  return {
    cover: cover === NAME ? null : cover.startsWith(`${NAME} #`) ? cover.slice(NAME.length + 2) : `unexpected: ${cover}`,
    footer: footer === NAME ? null : footer.startsWith(`${NAME} · ID `) ? footer.slice(NAME.length + 6) : `unexpected: ${footer}`,
  };
}

describe("the printed ID number", () => {
  it("is the same on the cover and in the footer, for any stored text", () => {
    const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.string({ maxLength: 40 }), fc.constantFrom("#A-123", " # A-123 ", "##1", "＃１２", "#", " ", "A\u00ad1"));
    fc.assert(
      fc.property(fc.option(anyText), (idNumber) => {
        const { cover, footer } = printedIds(idNumber);
        expect(cover).toBe(footer);
        const expected = printedIdNumber(idNumber);
        expect(cover).toBe(expected === null ? null : printable(expected));
        if (cover !== null) expect(cover.startsWith("#")).toBe(false);
      }),
      { numRuns: 2000 },
    );
    for (const raw of naughtyStrings) {
      const { cover, footer } = printedIds(raw);
      expect(cover, JSON.stringify(raw)).toBe(footer);
    }
  });

  it("drops the # written before the number, in both places", () => {
    expect(printedIds(" #A-123 ")).toEqual({ cover: "A-123", footer: "A-123" });
    expect(printedIds("#")).toEqual({ cover: null, footer: null });
    expect(printedIds(null)).toEqual({ cover: null, footer: null });
  });
});

describe("a pack for an ID stored with a #", () => {
  let dir: string;
  let pages: string[];
  beforeAll(async () => {
    dir = await tempDir();
    const file = path.join(dir, "hash.pdf");
    await renderMemberPack(pack, mailMember(pack, { legalName: NAME, idNumber: " #WA-889120" }), createWriteStream(file));
    pages = (await pdfPages(file)).map((text) => text.replace(/\s+/g, " "));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("prints the number one way on every page, read back from the PDF", () => {
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain(`${NAME} #WA-889120`);
    for (const page of pages) {
      expect(page).toContain(`${NAME} · ID WA-889120`);
      expect(page).not.toContain("##");
      expect(page).not.toContain("ID #");
    }
  });
});
