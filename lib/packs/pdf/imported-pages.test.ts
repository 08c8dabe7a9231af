// Uploaded PDF readings in the pack PDF, read back with poppler: their pages are placed as they
// are (text stays text), carry the member's furniture, and a long one continues across envelopes.
import { createWriteStream } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planPack } from "@/lib/packs/pdf/plan";
import { renderMemberPack, renderPrintRun } from "@/lib/packs/pdf/render";
import type { PrintFacility } from "@/lib/packs/print-types";
import { CEDAR_CREEK, demoPack, mailMember, NO_LIMIT } from "@/tests/factories/print";
import { pdfReading, scannedPdf, textPdf, withReading } from "@/tests/factories/pdf-reading";
import { pdfImages, pdfPageCount, pdfPages, tempDir } from "@/tests/setup/pdf-tools";

const squash = (text: string) => text.replace(/\s+/g, " ").trim();
const FIVE: PrintFacility = { ...CEDAR_CREEK, name: "Pine Ridge County Jail", maxPagesPerEnvelope: 5 };

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("a 12-page uploaded reading in a mail member's pack", () => {
  let pages: string[];
  let result: Awaited<ReturnType<typeof renderMemberPack>>;
  const member = { legalName: "María-José Núñez", idNumber: "WA-889120" };

  beforeAll(async () => {
    const pack = withReading(demoPack([0]), pdfReading("pdf-12", "The Eight-Hour Day, a chapter", await textPdf(12, "CHAPTER"), 12));
    const file = path.join(dir, "twelve.pdf");
    result = await renderMemberPack(pack, mailMember(pack, { ...member, facility: NO_LIMIT }), createWriteStream(file));
    pages = (await pdfPages(file)).map(squash);
    expect(await pdfPageCount(file)).toBe(result.pages);
  });

  it("places every page, in order, on consecutive pages of the pack", () => {
    const first = pages.findIndex((text) => text.includes("CHAPTER page 1 of 12"));
    expect(first).toBeGreaterThan(0);
    for (let n = 1; n <= 12; n++) {
      expect(pages[first + n - 1]).toContain(`CHAPTER page ${n} of 12`);
      // Only that page of the upload is on it.
      expect(pages[first + n - 1]!.match(/CHAPTER page/g)).toHaveLength(1);
    }
  });

  it("stamps name, ID and page n of N on every page, imported ones included, with the reading's running head", () => {
    pages.forEach((text, index) => {
      expect(text).toContain("María-José Núñez · ID WA-889120");
      expect(text).toContain(`Page ${index + 1} of ${result.pages}`);
    });
    const imported = pages.filter((text) => text.includes("CHAPTER page"));
    for (const text of imported) expect(text).toContain("The Eight-Hour Day, a chapter");
  });
});

describe("a 30-page uploaded reading for a facility that allows 5 pages per envelope", () => {
  let pages: string[];
  let envelopes: { pages: number }[];

  beforeAll(async () => {
    const pack = withReading(demoPack([0]), pdfReading("pdf-30", "A Long Chapter", await textPdf(30, "LONG"), 30));
    const file = path.join(dir, "thirty.pdf");
    const result = await renderMemberPack(pack, mailMember(pack, { legalName: "Ruth Okafor", facility: FIVE }), createWriteStream(file));
    envelopes = result.envelopes;
    pages = (await pdfPages(file)).map(squash);
  });

  it("takes 7 or more envelopes, each within 5 pages, with every page of the reading once", () => {
    expect(envelopes.length).toBeGreaterThanOrEqual(7);
    for (const envelope of envelopes) expect(envelope.pages).toBeLessThanOrEqual(5);
    for (let n = 1; n <= 30; n++) expect(pages.filter((text) => text.includes(`LONG page ${n} of 30`))).toHaveLength(1);
  });

  it("says on each part where it came from and where it goes on", () => {
    // The page of the reading that ends an envelope says where it goes on, and the next
    // envelope's first page of it where it came from.
    let checked = 0;
    pages.forEach((text, index) => {
      const envelope = /Envelope (\d+) of/.exec(text);
      if (!envelope || !text.includes("LONG page")) return;
      const k = Number(envelope[1]);
      const next = pages[index + 1];
      const endsEnvelope = !next || next.includes(`Envelope ${k + 1} of`);
      if (endsEnvelope && !text.includes("LONG page 30 of 30")) {
        expect(text).toContain(`continues in envelope ${k + 1}`);
        checked++;
      }
      const previous = pages[index - 1]!;
      if (!previous.includes("LONG page") && !text.includes("LONG page 1 of 30")) expect(text).toContain(`continued from envelope ${k - 1}`);
    });
    expect(checked).toBeGreaterThanOrEqual(6);
    // The slips list the parts.
    expect(pages.filter((text) => text.includes("Reading: A Long Chapter (continued)")).length).toBeGreaterThanOrEqual(6);
  });
});

describe("a scanned reading", () => {
  it("is printed as it is when sent, and left out with a page saying so when not", async () => {
    const pack = withReading(demoPack([0]), pdfReading("scan-3", "Scanned Pages", await scannedPdf(3), 3, false));
    const sent = path.join(dir, "scan-sent.pdf");
    await renderMemberPack(pack, mailMember(pack, { facility: FIVE }), createWriteStream(sent));
    expect((await pdfImages(sent)).length).toBeGreaterThan(0);

    const member = mailMember(pack, { facility: FIVE, leaveOut: ["scan-3"] });
    expect(planPack(pack, member).problems).toContainEqual({ kind: "reading-left-out", section: "Reading: Scanned Pages", facility: "Pine Ridge County Jail" });
    const left = path.join(dir, "scan-left.pdf");
    await renderMemberPack(pack, member, createWriteStream(left));
    expect(await pdfImages(left)).toEqual([]);
    const text = squash((await pdfPages(left)).join(" "));
    expect(text).toContain(`The reading "Scanned Pages" (3 pages) is not in this pack`);
  });
});

describe("a print run with an uploaded reading", () => {
  it("writes the reading's pages once, however many members get them", async () => {
    const pack = withReading(demoPack([0]), pdfReading("pdf-12", "Shared Chapter", await textPdf(12, "SHARED"), 12));
    const one = path.join(dir, "run-1.pdf");
    const ten = path.join(dir, "run-10.pdf");
    await renderPrintRun(pack, [mailMember(pack, { facility: NO_LIMIT })], createWriteStream(one), () => undefined);
    const members = Array.from({ length: 10 }, () => mailMember(pack, { facility: NO_LIMIT }));
    const result = await renderPrintRun(pack, members, createWriteStream(ten), () => undefined);
    const pages = await pdfPages(ten);
    expect(pages).toHaveLength(result.pages);
    expect(pages.filter((text) => text.includes("SHARED page 7 of 12"))).toHaveLength(10);
    const size = (await readFile(one)).length;
    // Nine more members add their furniture, not nine more copies of the reading.
    expect((await readFile(ten)).length).toBeLessThan(size * 4);
  });
});

describe("uploaded pages that are not plain portrait pages on record", () => {
  it("turns a landscape page a quarter so it prints larger, text still text", async () => {
    const pack = withReading(demoPack([0]), pdfReading("land", "A Landscape Table", await textPdf(2, "LANDSCAPE", [792, 612]), 2));
    const file = path.join(dir, "landscape.pdf");
    await renderMemberPack(pack, mailMember(pack, { facility: NO_LIMIT }), createWriteStream(file));
    const pages = (await pdfPages(file)).map(squash);
    expect(pages.filter((text) => /LANDSCAPE ?page 1 of 2/.test(text.replace(/\s/g, " ")))).toHaveLength(1);
  });

  it("refuses, naming the reading, a file whose page count is not the one on record", async () => {
    const pack = withReading(demoPack([0]), pdfReading("short", "The Short File", await textPdf(3, "SHORT"), 5));
    const file = path.join(dir, "short.pdf");
    await expect(renderMemberPack(pack, mailMember(pack, { facility: NO_LIMIT }), createWriteStream(file))).rejects.toThrow(
      `the PDF of the reading "The Short File" could not be read: it has 3 pages, not the 5 on record`,
    );
  });

  it("refuses a damaged file, naming the reading", async () => {
    const pack = withReading(demoPack([0]), pdfReading("bad", "The Damaged File", new TextEncoder().encode("%PDF-1.7 not really"), 2));
    const file = path.join(dir, "damaged.pdf");
    await expect(renderMemberPack(pack, mailMember(pack, { facility: NO_LIMIT }), createWriteStream(file))).rejects.toThrow(`the PDF of the reading "The Damaged File" could not be read`);
  });
});
