// The certificate read back as text (pdftotext), in English and Spanish, and as a picture for a
// human look (pdftoppm, written to the test's temporary folder when CERT_PNG is set).
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { formatCertificateCode, generateCertificateCode } from "@/lib/certificates/code";
import type { PrintableCertificate } from "@/lib/certificates/in-packs";
import { renderCertificate } from "./pdf";

const run = promisify(execFile);

const certificate = (overrides: Partial<PrintableCertificate> = {}): PrintableCertificate => ({
  id: "c1",
  code: generateCertificateCode(),
  printedName: "María José Ñúñez",
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
  ...overrides,
});

async function textAndPages(pdf: Buffer) {
  const dir = await mkdtemp(path.join(tmpdir(), "certificate-"));
  const file = path.join(dir, "c.pdf");
  await writeFile(file, pdf);
  const [{ stdout: text }, { stdout: info }] = await Promise.all([run("pdftotext", [file, "-"]), run("pdfinfo", [file])]);
  await run("pdftoppm", ["-png", "-r", "60", file, path.join(dir, "page")]);
  return { text, info, dir };
}

describe("the certificate PDF", () => {
  it("is one Letter page with the name, course, amount, dates, organization, signer, code and address", async () => {
    const c = certificate();
    const { text, info, dir } = await textAndPages(await renderCertificate(c, "https://study.example.org/"));
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/612 x 792 pts \(letter\)/);
    for (const expected of ["Certificate of Completion", "María José Ñúñez", "Reading Capital Together", "Inside Books Study Program", "8 study packs completed", "40 hours of study", "from January 5, 2026 to November 20, 2026", "Ada Organizer", "Program Coordinator", `Verification code: ${formatCertificateCode(c.code)}`, `https://study.example.org/verify/${formatCertificateCode(c.code)}`]) {
      expect(text).toContain(expected);
    }
    console.info(`certificate picture: ${dir}`);
  });

  it("is in Spanish for a Spanish-speaking member, and leaves out hours not stated", async () => {
    const { text } = await textAndPages(await renderCertificate(certificate({ locale: "ES", hours: null, packsCompleted: 1 }), "http://localhost:3000"));
    expect(text).toContain("Certificado de finalización");
    expect(text).toContain("1 paquete de estudio completado");
    expect(text).toContain("del 5 de enero de 2026 al 20 de noviembre de 2026");
    expect(text).not.toMatch(/hours|horas/);
  });

  it("fits a very long name on one line", async () => {
    const long = "Bartholomew Alexander Montgomery-Fitzgerald de la Paz y Villalobos Ortega";
    const { text, info } = await textAndPages(await renderCertificate(certificate({ printedName: long }), "http://localhost:3000"));
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(text.replace(/\s+/g, " ")).toContain(long);
  });
});
