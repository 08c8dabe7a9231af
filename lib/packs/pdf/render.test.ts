// The pack PDFs read back with poppler, as a volunteer's printer and a mailroom officer would
// see them: what is on every page, what each envelope holds, the codes, and no images.
import { createWriteStream } from "node:fs";
import { readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { layoutPack } from "@/lib/packs/pdf/layout";
import { describeProblem, isBlocking, PackNotPrintableError, planPack } from "@/lib/packs/pdf/plan";
import { renderMemberPack, renderPrintRun, type MemberPackResult } from "@/lib/packs/pdf/render";
import { CEDAR_CREEK, demoPack, mailMember, NO_LIMIT } from "@/tests/factories/print";
import { pdfImages, pdfPageCount, pdfPages, pdfToPng, tempDir } from "@/tests/setup/pdf-tools";
import type { PrintFacility, PrintMember, PrintPack } from "@/lib/packs/print-types";
import { formatResponseCode, parseResponseCode } from "@/lib/packs/response-code";
import { naughtyStrings } from "@/tests/setup/naughty-strings";

const squash = (text: string) => text.replace(/\s+/g, " ").trim();
const CODE = /\b[2-9A-Z]{4}-[2-9A-Z]{4}\b/g;

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function renderToFile(pack: PrintPack, member: PrintMember, name: string): Promise<{ file: string; result: MemberPackResult }> {
  const file = path.join(dir, `${name}.pdf`);
  const result = await renderMemberPack(pack, member, createWriteStream(file));
  return { file, result };
}

function prompts(pack: PrintPack) {
  return pack.lessons.flatMap((lesson) => lesson.prompts);
}

describe("a member's pack, split into envelopes", () => {
  const pack = demoPack();
  const member = mailMember(pack, { legalName: "María-José Núñez O'Connor", idNumber: "WA-889120", facility: CEDAR_CREEK });
  let file: string;
  let result: MemberPackResult;
  let pages: string[];

  beforeAll(async () => {
    ({ file, result } = await renderToFile(pack, member, "split"));
    pages = (await pdfPages(file)).map(squash);
  });

  it("has as many pages as it says, in envelopes within the facility's limit", async () => {
    expect(await pdfPageCount(file)).toBe(result.pages);
    expect(pages).toHaveLength(result.pages);
    expect(result.envelopes.length).toBeGreaterThan(1);
    expect(result.envelopes.reduce((sum, e) => sum + e.pages, 0)).toBe(result.pages);
    for (const envelope of result.envelopes) expect(envelope.pages).toBeLessThanOrEqual(CEDAR_CREEK.maxPagesPerEnvelope!);
  });

  it("prints name, ID number, page n of N and envelope k of n on every page", () => {
    const envelopes = result.envelopes.length;
    const seen = new Map<number, number>();
    pages.forEach((text, index) => {
      expect(text).toContain("María-José Núñez O'Connor · ID WA-889120");
      expect(text).toContain(`Page ${index + 1} of ${result.pages}`);
      const match = new RegExp(`Envelope (\\d+) of ${envelopes}`).exec(text);
      expect(match, `page ${index + 1}`).not.toBeNull();
      const k = Number(match![1]);
      seen.set(k, (seen.get(k) ?? 0) + 1);
    });
    // The envelope printed on the pages is the one the plan put them in.
    expect([...seen.entries()].sort(([a], [b]) => a - b).map(([, n]) => n)).toEqual(result.envelopes.map((e) => e.pages));
  });

  it("starts every envelope with a slip: the address for the window and what is inside", () => {
    let first = 0;
    result.envelopes.forEach((envelope, index) => {
      const slip = pages[first]!;
      expect(slip).toContain(`Envelope ${index + 1} of ${result.envelopes.length}`);
      expect(slip).toContain(`This envelope holds ${envelope.pages} pages: pages ${first + 1} to ${first + envelope.pages} of ${result.pages}`);
      expect(slip).toContain("María-José Núñez O'Connor #WA-889120 Unit C, Cell 14");
      expect(slip).toContain("Cedar Creek Correctional Center PO Box 37 Littlerock, WA 98556");
      expect(slip).toContain("Riverside Study Network PO Box 4471 Riverside, CA 92514");
      expect(slip).toContain("Plain white paper only. No staples or paper clips.");
      first += envelope.pages;
    });
  });

  it("puts each prompt on its own response sheet with the member's code, never apart", () => {
    const all = prompts(pack);
    all.forEach((prompt, index) => {
      const code = formatResponseCode(member.codes[prompt.id]!);
      const sheets = pages.filter((text) => text.includes(code));
      expect(sheets, `code of question ${index + 1}`).toHaveLength(1);
      expect(sheets[0]).toContain(`Question ${index + 1} of ${all.length}`);
      expect(sheets[0]).toContain(squash(prompt.text));
    });
    const printed = pages.join(" ").match(CODE) ?? [];
    expect(new Set(printed)).toEqual(new Set(all.map((p) => formatResponseCode(member.codes[p.id]!))));
    for (const code of printed) expect(parseResponseCode(code).ok).toBe(true);
  });

  it("prints the readings with title, author, source and page range, and the letter", () => {
    const text = pages.join(" ");
    expect(text).toContain("Dear friends,");
    for (const lesson of pack.lessons) {
      for (const reading of lesson.readings) {
        expect(text).toContain(squash(reading.title));
        expect(text).toContain(`by ${reading.author}`);
        expect(text).toContain(`${reading.source} · ${reading.pageRange}`);
      }
    }
  });

  it("has no image objects, for a facility that allows none", async () => {
    expect(CEDAR_CREEK.imagesAllowed).toBe(false);
    expect(await pdfImages(file)).toEqual([]);
  });

  it("renders pages a person can read (PNG for a look: cover, reading, sheet)", async () => {
    for (const page of [1, 3, 13]) {
      const png = await pdfToPng(file, page, path.join(dir, `split-${page}`));
      expect((await stat(png)).size).toBeGreaterThan(5_000);
    }
  });
});

describe("planPack", () => {
  const pack = demoPack([0]);
  const pineRidge: PrintFacility = { ...CEDAR_CREEK, name: "Pine Ridge County Jail", maxPagesPerEnvelope: 5 };

  it("continues a reading too long for the facility's envelope in the next one, and leaves nobody out", async () => {
    const member = mailMember(pack, { facility: pineRidge });
    const plan = planPack(pack, member);
    const readingPages = plan.sections.find((s) => s.title.startsWith("Reading: Who Sets the Hours?"))!.pages;
    expect(readingPages).toBeGreaterThan(4);
    expect(plan.problems.filter(isBlocking)).toEqual([]);
    for (const envelope of plan.envelopes) expect(envelope.pages).toBeLessThanOrEqual(5);
    const { file } = await renderToFile(pack, member, "continued");
    const text = (await pdfPages(file)).map(squash);
    expect(text.some((page) => /continues in envelope 2/.test(page))).toBe(true);
    expect(text.some((page) => /continued from envelope 1/.test(page))).toBe(true);
  });

  it("says plainly, with the numbers, that a limit of 1 page per envelope cannot work, and nothing is printed", async () => {
    const member = mailMember(pack, { facility: { ...pineRidge, maxPagesPerEnvelope: 1 } });
    const plan = planPack(pack, member);
    expect(plan.problems).toContainEqual({ kind: "limit-too-small", limit: 1, facility: "Pine Ridge County Jail" });
    expect(describeProblem(plan.problems[0]!)).toBe("Pine Ridge County Jail allows 1 page per envelope; the envelope's slip and one page of the pack need 2.");
    const file = path.join(dir, "too-small.pdf");
    await expect(renderMemberPack(pack, member, createWriteStream(file))).rejects.toBeInstanceOf(PackNotPrintableError);
  });

  it("counts the same pages the renderer prints, for every member of a group, quickly", async () => {
    const members = Array.from({ length: 300 }, (_, i) => mailMember(pack, { facility: i % 2 ? CEDAR_CREEK : NO_LIMIT }));
    layoutPack(pack);
    const started = performance.now();
    const plans = members.map((member) => planPack(pack, member));
    expect(performance.now() - started).toBeLessThan(1_000);
    const { file, result } = await renderToFile(pack, members[1]!, "planned");
    expect(result.pages).toBe(plans[1]!.pages);
    expect(await pdfPageCount(file)).toBe(plans[1]!.pages);
    expect(plans[0]!.envelopes).toHaveLength(1);
  });

  it("refuses a member without a valid code for every prompt", () => {
    const member = mailMember(pack);
    const [first] = prompts(pack);
    // One letter off a valid code ("ABCDEFGH" happens to be one): the check character fails.
    const plan = planPack(pack, { ...member, codes: { ...member.codes, [first!.id]: "ABCDEFGJ" } });
    expect(plan.problems).toContainEqual({ kind: "missing-code", promptId: first!.id });
  });

  it("warns about a missing address and letters the fonts do not have", () => {
    const plan = planPack(pack, mailMember(pack, { facility: null, legalName: "Wen Zhao 赵文" }));
    expect(plan.problems).toContainEqual({ kind: "no-address" });
    expect(plan.problems).toContainEqual({ kind: "missing-characters", where: "Legal name", characters: ["赵", "文"] });
  });
});

describe("a print run", () => {
  const pack = demoPack([0, 1]);
  const pineRidge: PrintFacility = { ...CEDAR_CREEK, name: "Pine Ridge County Jail", maxPagesPerEnvelope: 5 };
  const members = [
    mailMember(pack, { legalName: "Ana Lucía Díaz", facility: NO_LIMIT }),
    mailMember(pack, { legalName: "Darnell Washington", facility: CEDAR_CREEK }),
    // A limit of 1 leaves no room after the slip: the one pack that cannot be printed.
    mailMember(pack, { legalName: "Tom Brennan", facility: { ...pineRidge, maxPagesPerEnvelope: 1 } }),
    mailMember(pack, { legalName: "Nora Dale", facility: CEDAR_CREEK }),
    mailMember(pack, { legalName: "Ruth Okafor", facility: pineRidge }),
  ];
  let file: string;
  let result: Awaited<ReturnType<typeof renderPrintRun>>;
  let pages: string[];
  const progress: [number, number][] = [];

  beforeAll(async () => {
    file = path.join(dir, "run.pdf");
    result = await renderPrintRun(pack, members, createWriteStream(file), (done, total) => {
      progress.push([done, total]);
    });
    pages = (await pdfPages(file)).map(squash);
  });

  it("reports progress member by member and every member's envelopes and pages", () => {
    expect(progress).toEqual([[1, 5], [2, 5], [3, 5], [4, 5], [5, 5]]);
    expect(result.members.map((m) => m.memberId)).toEqual(members.map((m) => m.memberId));
    expect(result.members[2]).toMatchObject({ envelopes: 0, pages: 0 });
    expect(result.members[1]!.envelopes).toBe(2);
    // A long reading continues across envelopes: the 5-page facility's member is printed.
    expect(result.members[4]!.envelopes).toBeGreaterThan(4);
  });

  it("lists everyone on its first sheet, with envelopes, pages and where each pack starts", () => {
    const sheet = pages[0]!;
    expect(sheet).toContain("Print run: Pack 1: Work and the working day");
    expect(sheet).toContain("keep it, do not mail it");
    let start = pages.findIndex((text) => !text.includes("do not mail it")) + 1;
    result.members.forEach((entry, index) => {
      const member = members[index]!;
      // Table cells wrap, so name and ID number may be on two lines.
      expect(sheet).toContain(member.legalName);
      expect(sheet).toContain(member.idNumber);
      if (entry.pages === 0) return;
      expect(sheet).toContain(`${entry.envelopes} ${entry.pages} pages ${start}–${start + entry.pages - 1}`);
      // That page of the file is indeed the first page of this member's pack.
      expect(pages[start - 1]).toContain(`${member.legalName} · ID ${member.idNumber}`);
      expect(pages[start - 1]).toContain(`Page 1 of ${entry.pages}`);
      start += entry.pages;
    });
    expect(start - 1).toBe(pages.length);
  });

  it("says who was left out and why", () => {
    const text = pages.filter((page) => page.includes("do not mail it")).join(" ");
    expect(text).toContain("Not printed");
    expect(text).toContain("Tom Brennan");
    expect(text).toContain("Pine Ridge County Jail allows 1 page per envelope");
    expect(text).not.toContain("Ruth Okafor · Not printed");
  });

  it("is one file with the pages it says, and no images", async () => {
    expect(await pdfPageCount(file)).toBe(result.pages);
    expect(await pdfImages(file)).toEqual([]);
    // The shared pages are written once: far smaller than the packs made one by one.
    const single = await renderToFile(pack, members[0]!, "single");
    expect((await readFile(file)).length).toBeLessThan(3 * (await readFile(single.file)).length);
  });

  it("prints the same text for a member as their own PDF does", async () => {
    const own = (await pdfPages((await renderToFile(pack, members[1]!, "own")).file)).map(squash);
    const start = pages.findIndex((text) => !text.includes("do not mail it") && text.includes("Darnell Washington · ID") && text.includes("Page 1 of"));
    expect(pages.slice(start, start + own.length)).toEqual(own);
  });
});

describe("naughty strings", () => {
  it("as reading, letter and prompts: renders without throwing", async () => {
    const pack = demoPack([0]);
    const body = naughtyStrings.join("\n\n");
    pack.pack.letterMarkdown = body;
    pack.lessons[0]!.readings[0]!.bodyMarkdown = body;
    pack.lessons[0]!.readings[1]!.title = naughtyStrings.slice(0, 40).join(" ");
    pack.lessons[0]!.prompts.forEach((prompt, i) => (prompt.text = naughtyStrings.slice(i * 60, i * 60 + 60).join(" ")));
    const member = mailMember(pack, { facility: NO_LIMIT });
    const { file, result } = await renderToFile(pack, member, "naughty-content");
    expect(await pdfPageCount(file)).toBe(result.pages);
    const text = (await pdfPages(file)).join(" ");
    expect(text).toContain(formatResponseCode(member.codes[pack.lessons[0]!.prompts[0]!.id]!));
  });

  it("as names, ID numbers and housing units: every pack prints, with the name", async () => {
    const pack = demoPack([0], { letterMarkdown: "Dear friends," });
    pack.lessons[0]!.readings = pack.lessons[0]!.readings.slice(1);
    pack.lessons[0]!.prompts = pack.lessons[0]!.prompts.slice(2);
    const members = naughtyStrings.map((name, i) =>
      mailMember(pack, { legalName: name, idNumber: `N${i}`, housingUnit: naughtyStrings[(i + 7) % naughtyStrings.length]!, facility: i % 2 ? CEDAR_CREEK : NO_LIMIT }),
    );
    const file = path.join(dir, "naughty-names.pdf");
    const result = await renderPrintRun(pack, members, createWriteStream(file), () => {});
    expect(result.members.every((m) => m.pages > 0)).toBe(true);
    expect(await pdfPageCount(file)).toBe(result.pages);

    // Every name in left-to-right letters that planPack does not warn about prints as it is, on
    // each of the member's pages (right-to-left names print too, but pdftotext reads them back
    // in another order); a name it warns about is one the fonts cannot print.
    const pages = (await pdfPages(file)).map(squash);
    let start = pages.findIndex((text) => !text.includes("do not mail it"));
    let checked = 0;
    result.members.forEach((entry, i) => {
      const name = squash(naughtyStrings[i]!);
      const warned = entry.problems.some((p) => p.kind === "missing-characters" && p.where === "Legal name");
      if (!warned && /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}0-9 .,'’-]{1,60}$/u.test(name)) {
        for (const page of pages.slice(start, start + entry.pages)) expect(page).toContain(`${name} · ID N${i}`);
        checked++;
      }
      start += entry.pages;
    });
    expect(checked).toBeGreaterThan(100);
  });
});
