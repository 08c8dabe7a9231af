// The run sheet's postage block from plain print data (no database), read back with poppler: the
// numbers agree with the members' envelopes, and without a rate table it gives weights only and
// says where the rates go.
import { createWriteStream } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderPrintRun } from "@/lib/packs/pdf/render";
import { summarizePostage } from "@/lib/packs/postage";
import { CEDAR_CREEK, demoPack, mailMember, NO_LIMIT } from "@/tests/factories/print";
import { pdfPages, tempDir } from "@/tests/setup/pdf-tools";

const squash = (text: string) => text.replace(/\s+/g, " ");

async function firstSheet(pack: ReturnType<typeof demoPack>) {
  const members = [mailMember(pack, { legalName: "Ann Able", facility: NO_LIMIT }), mailMember(pack, { legalName: "Ben Best", facility: CEDAR_CREEK })];
  const file = path.join(await tempDir(), "run.pdf");
  const result = await renderPrintRun(pack, members, createWriteStream(file), () => undefined);
  return { sheet: squash((await pdfPages(file))[0]!), result };
}

describe("the run sheet's postage", () => {
  it("without a rate table: weights only, and where to add the rates", async () => {
    const { sheet, result } = await firstSheet(demoPack([0]));
    const sheets = result.members.reduce((sum, m) => sum + m.pages, 0);
    const envelopes = result.members.reduce((sum, m) => sum + m.envelopes, 0);
    expect(sheet).toContain("Postage (estimate)");
    expect(sheet).toContain(`In all: ${envelopes} envelopes, ${sheets} sheets, ${sheets * 4.5 + envelopes * 5} g.`);
    expect(sheet).toContain("No postage rates in the organization's settings yet");
    expect(sheet).not.toContain("$");
  });

  it("with one: the same total as summarizePostage, to the cent", async () => {
    const base = demoPack([0]);
    const postage = { paperGramsPerSheet: 4.5, envelopeGrams: 5, currency: "£", rates: [{ upToGrams: 100, price: 1.35 }, { upToGrams: 250, price: 2.1 }] };
    const pack = { ...base, organization: { ...base.organization, postage } };
    const { sheet, result } = await firstSheet(pack);
    const envelopes = result.members.reduce((sum, m) => sum + m.envelopes, 0);
    expect(envelopes).toBeGreaterThan(2); // Cedar Creek's page limit splits Ben's pack
    const { cents, grams, sheets } = summarizePostage(
      // Every envelope's sheets, as the run planned them: recomputed from the printed table below.
      [...sheet.matchAll(/(\d+) envelopes? of (\d+) sheets?/g)].flatMap(([, count, size]) => Array.from({ length: Number(count) }, () => Number(size))),
      postage,
    );
    expect(sheets).toBe(result.members.reduce((sum, m) => sum + m.pages, 0));
    expect(sheet).toContain(`In all: ${envelopes} envelopes, ${sheets} sheets, ${Number.isInteger(grams) ? grams : grams.toFixed(1)} g, postage £${(cents / 100).toFixed(2)}.`);
  });
});
