import { describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { typesetter } from "@/lib/packs/pdf/fonts";
import { renderPrintRun } from "@/lib/packs/pdf/render";
import { demoPack, mailMember } from "@/tests/factories/print";
import { LineBreaker } from "@/lib/packs/pdf/text";

describe("Typesetter", () => {
  it("shares parsed fonts and word shapes between documents (the pdfkit internals it relies on are there)", () => {
    const type = typesetter();
    type.width("serif", 11, "warm");
    type.useFont(type.newDocument({ title: "t" }), "serif", 11);
    // False means a pdfkit upgrade moved EmbeddedFont.font or .layoutCache: documents still
    // come out right, but each one parses and shapes everything again (see fonts.ts).
    expect(type.sharing).toBe(true);
  });

  it("measures text as pdfkit draws it, in proportion to the size", () => {
    const type = typesetter();
    expect(type.width("serif", 22, "Working day")).toBeCloseTo(2 * type.width("serif", 11, "Working day"), 6);
    expect(type.width("serifBold", 11, "Working day")).toBeGreaterThan(type.width("serif", 11, "Working day"));
  });

  it("finds the characters neither DejaVu face can print, and falls back from serif to sans", () => {
    const type = typesetter();
    expect(type.missingCharacters("María Núñez Ωμέγα Привет")).toEqual([]);
    expect(type.missingCharacters("שלום مرحبا")).toEqual([]);
    expect(type.missingCharacters("Wen Zhao 赵文")).toEqual(["赵", "文"]);
    // Arabic is not in DejaVu Serif: a reading in serif prints it with DejaVu Sans.
    const [line] = new LineBreaker(type).lines([{ text: "Hello مرحبا", style: { font: "serif", size: 11 } }], 400, { font: "serif", size: 11 });
    expect(line!.runs.map((run) => run.style.font)).toEqual(["serif", "sans"]);
  });

  it("forgets a member's own text, so a long print run does not grow the caches", async () => {
    const type = typesetter();
    const size = type.cacheSize();
    const width = type.width("sans", 10, "Zebulon Quixote-Vex #8812");
    expect(type.cacheSize()).toBeGreaterThan(size);
    type.forget(["Zebulon Quixote-Vex #8812"]);
    expect(type.cacheSize()).toBe(size);
    expect(type.width("sans", 10, "Zebulon Quixote-Vex #8812")).toBeCloseTo(width, 6);
    type.forget(["Zebulon Quixote-Vex #8812"]);

    const pack = demoPack([1]);
    const run = (n: number) => renderPrintRun(pack, Array.from({ length: n }, () => mailMember(pack)), new Writable({ write: (_c, _e, done) => done() }), () => {});
    // Words members share come and go (a name can contain one), but nothing grows with the
    // number of members: each brings a new name, ID number and codes.
    await run(5);
    const warm = type.cacheSize();
    await run(40);
    expect(Math.abs(type.cacheSize() - warm)).toBeLessThan(20);
  });
});
