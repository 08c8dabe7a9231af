// "Include in next pack" (docs/decisions/047): a member's pack with a certificate to go with it
// ends with the certificate page, counted by the plan, stamped with the member's name and ID
// like the pack's other pages, and laid out like the certificate printed alone.
import { createWriteStream } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateCertificateCode, formatCertificateCode } from "@/lib/certificates/code";
import type { PrintCertificate } from "@/lib/packs/pdf/certificate";
import { renderMemberPack, renderPrintRun } from "@/lib/packs/pdf/render";
import { demoPack, mailMember, NO_LIMIT } from "@/tests/factories/print";
import { pdfPageCount, pdfPages, pdfToPng, tempDir } from "@/tests/setup/pdf-tools";

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

function certificate(code: string): PrintCertificate {
  return {
    id: "c1",
    code,
    printedName: "Darnell A. Price",
    courseTitle: "Foundations: Work, Wages and Time",
    organizationName: "Riverside Study Network",
    packsCompleted: 6,
    hours: null,
    startedOn: new Date("2026-02-01T00:00:00Z"),
    completedOn: new Date("2026-11-30T00:00:00Z"),
    signerName: "Olivia Ortega",
    signerTitle: "Program Coordinator",
    locale: "EN",
    verifyUrl: `https://study.example.org/verify/${formatCertificateCode(code)}`,
  };
}

describe("a certificate included in the member's next pack", () => {
  it("is the pack's last page, counted, with the member's name and ID on it", async () => {
    const dir = await tempDir();
    const pack = demoPack([0]);
    const member = mailMember(pack, { legalName: "Darnell Price", idNumber: "A-20417", facility: NO_LIMIT });
    const without = path.join(dir, "without.pdf");
    const withIt = path.join(dir, "with.pdf");
    const plain = await renderMemberPack(pack, member, createWriteStream(without));
    const code = generateCertificateCode();
    const result = await renderMemberPack(pack, { ...member, certificates: [certificate(code)] }, createWriteStream(withIt));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(result.pages).toBe(plain.pages + 1);
    expect(await pdfPageCount(withIt)).toBe((await pdfPageCount(without)) + 1);
    const pages = await pdfPages(withIt);
    const last = squash(pages[pages.length - 1]!);
    for (const expected of ["Certificate of Completion", "Darnell A. Price", "Foundations: Work, Wages and Time", "6 study packs completed", "from February 1, 2026 to November 30, 2026", "Olivia Ortega", `Verification code: ${formatCertificateCode(code)}`, "Darnell Price", "A-20417"]) {
      expect(last).toContain(expected);
    }
    console.info(`certificate in a pack: ${await pdfToPng(withIt, pages.length, path.join(dir, "last"))}`);
  });

  it("in a print run, follows that member's pack only", async () => {
    const dir = await tempDir();
    const pack = demoPack([0]);
    const code = generateCertificateCode();
    const darnell = { ...mailMember(pack, { legalName: "Darnell Price", idNumber: "A-20417", facility: NO_LIMIT }), certificates: [certificate(code)] };
    const samuel = mailMember(pack, { legalName: "Samuel Okafor", idNumber: "A-11902", facility: NO_LIMIT });
    const file = path.join(dir, "run.pdf");
    const result = await renderPrintRun(pack, [samuel, darnell], createWriteStream(file), () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [forSamuel, forDarnell] = result.members;
    expect(forDarnell!.pages).toBe(forSamuel!.pages + 1);
    const pages = (await pdfPages(file)).map(squash);
    const withCertificate = pages.filter((page) => page.includes("Verification code:"));
    expect(withCertificate).toHaveLength(1);
    expect(withCertificate[0]).toContain("Darnell A. Price");
    expect(withCertificate[0]).toContain("A-20417");
    expect(pages[pages.length - 1]).toBe(withCertificate[0]);
  });
});
