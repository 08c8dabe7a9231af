// The text layer of the PDFs (what pdftotext, copying and searching read), not just the page:
// documents share parsed fonts and word shapes (fonts.ts), and a glyph one document made
// without code points once took its character out of every later document's text layer
// ("de la Cruz" read back as "de la Cr z"). Each case makes a document that leaves such glyphs
// behind first ("ü", "ñ", "ú" are composites of "u", "n" plus an accent), then one that needs
// the bare letters, and reads both back.
import { execFile } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderCertificate } from "@/lib/certificates/pdf";
import type { PrintableCertificate } from "@/lib/certificates/in-packs";
import { generateCertificateCode } from "@/lib/certificates/code";
import { Typesetter, type FontKey } from "@/lib/packs/pdf/fonts";
import { renderMemberPack, renderPrintRun } from "@/lib/packs/pdf/render";
import { demoPack, mailMember, NO_LIMIT } from "@/tests/factories/print";

const run = promisify(execFile);
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

const NAME = "de la Cruz y Villanueva";
// Accents, and words fontkit shapes with ligatures (ff, fi, fl, ffi in DejaVu).
const SPANISH = "Señora Núñez leyó el capítulo de Güell: «pingüino, acción, niño».";
const LIGATURES = "The office staff were fluffy and difficult to finish.";
// Only composites of "u", "n" and "a" (ü, ñ, ú, á), never the bare letters: what the next
// document then loses if the shared fonts remember them without code points.
const FIRST = "Müñúá Üñá";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "studypack-text-layer-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function pdfText(file: string): Promise<string> {
  const { stdout } = await run("pdftotext", ["-enc", "UTF-8", file, "-"]);
  return squash(stdout);
}

let files = 0;
async function textOf(bytes: Buffer): Promise<string> {
  const file = path.join(dir, `doc-${++files}.pdf`);
  await writeFile(file, bytes);
  return pdfText(file);
}

describe("the certificate", () => {
  const certificate = (printedName: string): PrintableCertificate => ({
    id: "c1",
    code: generateCertificateCode(),
    printedName,
    courseTitle: "Reading Capital Together",
    organizationName: "Inside Books Study Program",
    packsCompleted: 8,
    hours: 40,
    startedOn: new Date("2026-01-05T00:00:00Z"),
    completedOn: new Date("2026-11-20T00:00:00Z"),
    signerName: "Ada Organizer",
    signerTitle: "Program Coordinator",
    locale: "EN",
    revokedAt: null,
  });

  // In English the only other bold words are "Certificate of Completion": no "u".
  it("reads back a long name after a certificate for a name of accented letters only", async () => {
    expect(await textOf(await renderCertificate(certificate(FIRST), "http://localhost:3000"))).toContain(FIRST);
    const long = `María-José Núñez Güell ${NAME} Fitzgerald-Office`;
    expect(await textOf(await renderCertificate(certificate(long), "http://localhost:3000"))).toContain(long);
  });
});

describe("a member's pack", () => {
  async function pack(lessons: number[], letterMarkdown: string, legalName: string): Promise<string> {
    const file = path.join(dir, `pack-${++files}.pdf`);
    const printPack = demoPack(lessons, { letterMarkdown });
    await renderMemberPack(printPack, mailMember(printPack, { legalName, facility: NO_LIMIT }), createWriteStream(file));
    return pdfText(file);
  }

  it("reads back the name, accents and ligatures, bold and regular, after a pack that left only accented letters", async () => {
    expect(await pack([], `Dear **${FIRST}**,\n\nWelcome.`, FIRST)).toContain(FIRST);
    const text = await pack([0], `Dear **${NAME}**,\n\n${NAME}. ${SPANISH} **${SPANISH}**\n\n${LIGATURES} **${LIGATURES}**`, NAME);
    expect(text).toContain(`Dear ${NAME},`);
    expect(text).toContain(`${NAME}. ${SPANISH} ${SPANISH}`);
    expect(text).toContain(`${LIGATURES} ${LIGATURES}`);
    // The cover's address block and the page footers print the legal name too.
    expect(text.split(NAME).length - 1).toBeGreaterThanOrEqual(4);
  });

  it("reads back a print run's names and letter after a pack that left only accented letters", async () => {
    expect(await pack([], `Dear **${FIRST}**,\n\nWelcome.`, FIRST)).toContain(FIRST);
    const file = path.join(dir, `run-${++files}.pdf`);
    const printPack = demoPack([0], { letterMarkdown: `Dear friends, **${NAME}** writes: ${SPANISH}\n\n**${LIGATURES}**` });
    const names = [NAME, "Ana Núñez Güell"];
    await renderPrintRun(printPack, names.map((legalName) => mailMember(printPack, { legalName, facility: NO_LIMIT })), createWriteStream(file), () => {});
    const text = await pdfText(file);
    for (const name of names) expect(text).toContain(name);
    expect(text.split(`Dear friends, ${NAME} writes: ${SPANISH} ${LIGATURES}`).length - 1).toBe(names.length);
  });
});

describe("two documents in a row from one Typesetter", () => {
  const type = new Typesetter();

  async function document(lines: [FontKey, string][]): Promise<string> {
    const doc = type.newDocument({ title: "text layer" });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => doc.on("end", resolve));
    doc.addPage();
    lines.forEach(([font, text], index) => {
      // Measured first, as layout does, so the measuring document shapes the words too.
      type.width(font, 12, text);
      type.useFont(doc, font, 12);
      doc.text(text, 50, 50 + index * 20, { lineBreak: false });
    });
    doc.end();
    await ended;
    return textOf(Buffer.concat(chunks));
  }

  it("reads back every character of the second document, in every face", async () => {
    const faces: FontKey[] = ["serif", "serifBold", "sans", "sansBold"];
    expect(await document(faces.map((font) => [font, FIRST]))).toBe(faces.map(() => FIRST).join(" "));
    const second: [FontKey, string][] = faces.flatMap((font) => [NAME, SPANISH, LIGATURES].map((text): [FontKey, string] => [font, text]));
    expect(await document(second)).toBe(second.map(([, text]) => text).join(" "));
    // And a third, with the shapes of the second now cached.
    expect(await document(second)).toBe(second.map(([, text]) => text).join(" "));
  });
});
