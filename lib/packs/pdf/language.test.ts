// Packs in the member's language (issue 17): the pack's own words — cover, slip, instructions,
// headings, response sheets, "page n of N", envelope lines, the due date — in Spanish for a
// member whose language is Spanish, in English for the others, in one print run whose first
// sheets stay in English for the facilitators. The facilitators' own text is printed as written.
import { execFile } from "node:child_process";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planPack } from "@/lib/packs/pdf/plan";
import { renderMemberPack, renderPrintRun } from "@/lib/packs/pdf/render";
import { CEDAR_CREEK, demoPack, mailMember } from "@/tests/factories/print";
import { pdfPages, tempDir } from "@/tests/setup/pdf-tools";

const squash = (text: string) => text.replace(/\s+/g, " ").trim();
const run = promisify(execFile);

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("a pack in the member's language", () => {
  const pack = demoPack();
  pack.pack.dueDate = new Date("2027-03-12T00:00:00Z");
  const lucia = mailMember(pack, { legalName: "Lucía Gómez", idNumber: "A-1001", facility: CEDAR_CREEK, locale: "ES" });
  const ben = mailMember(pack, { legalName: "Ben Example", idNumber: "A-1002", facility: CEDAR_CREEK, locale: null });

  it("prints a Spanish-speaking member's pack in Spanish: every page, its envelopes and its response sheets", async () => {
    const file = path.join(dir, "es.pdf");
    const result = await renderMemberPack(pack, lucia, createWriteStream(file));
    const pages = (await pdfPages(file)).map(squash);
    expect(pages).toHaveLength(result.pages);
    pages.forEach((text, i) => expect(text, `page ${i + 1}`).toContain(`Página ${i + 1} de ${result.pages}`));
    expect(pages[0]).toContain(`Sobre 1 de ${result.envelopes.length}`);
    expect(pages.join(" ")).toContain("12 de marzo de 2027");
    expect(pages.join(" ")).toContain("Hoja de respuestas");
    expect(pages.join(" ")).toContain("Código de respuesta");
    expect(pages.join(" ")).toContain("Pueden compartir esta respuesta con el grupo bajo mi seudónimo: ☐ sí ☐ no");
    expect(pages.join(" ")).not.toMatch(/\bPage \d+ of\b|Response sheet|Envelope \d+ of/);
    // The facilitators' own words stay as written.
    expect(pages.join(" ")).toContain(squash(pack.lessons[0]!.prompts[0]!.text).slice(0, 30));
  });

  it("plans each member in their own language, and a print run mixes them with the run sheet in English", async () => {
    expect(planPack(pack, lucia).pages).toBeGreaterThan(0);
    const file = path.join(dir, "run.pdf");
    const result = await renderPrintRun(pack, [lucia, ben], createWriteStream(file), () => undefined, { today: new Date("2027-02-01T00:00:00Z") });
    const pages = (await pdfPages(file)).map(squash);
    const sheetPages = pages.length - result.members.reduce((sum, m) => sum + m.pages, 0);
    expect(pages.slice(0, sheetPages).join(" ")).toContain("Print run");
    const luciaPages = pages.slice(sheetPages, sheetPages + result.members[0]!.pages);
    const benPages = pages.slice(sheetPages + result.members[0]!.pages);
    expect(luciaPages.join(" ")).toContain("Hoja de respuestas");
    expect(luciaPages.every((p) => /Página \d+ de \d+/.test(p))).toBe(true);
    expect(benPages.join(" ")).toContain("Response sheet");
    expect(benPages.every((p) => /Page \d+ of \d+/.test(p))).toBe(true);
  });
});

describe("a member's own copy for a screen reader", () => {
  it("is tagged in their language: its text in reading order, page furniture left out as artifacts", async () => {
    const pack = demoPack();
    const member = mailMember(pack, { legalName: "Lucía Gómez", idNumber: "A-1001", facility: CEDAR_CREEK, locale: "ES" });
    const file = path.join(dir, "tagged.pdf");
    const result = await renderMemberPack(pack, member, createWriteStream(file));
        const info = (await run("pdfinfo", [file])).stdout;
    expect(info).toMatch(/Tagged:\s+yes/);
    const structure = (await run("pdfinfo", ["-struct-text", file], { maxBuffer: 64 * 1024 * 1024 })).stdout;
    const texts = [...structure.matchAll(/^\s+"(.*)"$/gm)].map((m) => m[1]!);
    // The cover comes first, then the pack in order; the question of the first sheet after the letter.
    expect(texts.indexOf("Lucía Gómez #A-1001")).toBeGreaterThan(-1);
    const question = pack.lessons[0]!.prompts[0]!.text.slice(0, 20);
    expect(texts.findIndex((t) => t.includes("Sobre 1 de"))).toBeLessThan(texts.findIndex((t) => t.includes(question)));
    // "Página n de N" is furniture, drawn on every page but not read out on each.
    expect(texts.some((t) => /^Página \d+ de \d+$/.test(t))).toBe(false);
    expect(result.pages).toBeGreaterThan(1);
  });

  it("a print run stays untagged (its structure would grow with every member's pages)", async () => {
    const pack = demoPack();
    const file = path.join(dir, "run-untagged.pdf");
    await renderPrintRun(pack, [mailMember(pack, { facility: CEDAR_CREEK })], createWriteStream(file), () => undefined);
    expect((await run("pdfinfo", [file])).stdout).toMatch(/Tagged:\s+no/);
  });
});
