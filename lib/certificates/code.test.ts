import { describe, expect, it } from "vitest";
import { CODE_ALPHABET } from "@/lib/packs/response-code";
import { CERTIFICATE_CODE_LENGTH, formatCertificateCode, generateCertificateCode, parseCertificateCode } from "./code";

const codes = Array.from({ length: 300 }, () => generateCertificateCode());

describe("certificate codes", () => {
  it("are 12 symbols of the unambiguous alphabet and pass their own check", () => {
    for (const code of codes) {
      expect(code).toHaveLength(CERTIFICATE_CODE_LENGTH);
      expect([...code].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
      expect(parseCertificateCode(code)).toBe(code);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("are read back typed in lower case, with dashes or spaces", () => {
    const code = codes[0]!;
    expect(parseCertificateCode(formatCertificateCode(code).toLowerCase())).toBe(code);
    expect(parseCertificateCode(` ${code.slice(0, 6)} ${code.slice(6)} `)).toBe(code);
    expect(formatCertificateCode(code)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  });

  it("refuse every single wrong character and every swap of neighbours", () => {
    for (const code of codes.slice(0, 40)) {
      for (let i = 0; i < code.length; i++) {
        for (const c of CODE_ALPHABET) {
          if (c === code[i]) continue;
          expect(parseCertificateCode(code.slice(0, i) + c + code.slice(i + 1))).toBeNull();
        }
        if (i + 1 < code.length && code[i] !== code[i + 1]) {
          expect(parseCertificateCode(code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2))).toBeNull();
        }
      }
    }
  });

  it("refuse what is not a code at all", () => {
    for (const input of ["", "ABC", "O".repeat(12), codes[0]! + "2", "<script>", "x".repeat(5000)]) expect(parseCertificateCode(input)).toBeNull();
  });
});
