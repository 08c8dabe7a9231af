// The type of a file comes from its bytes only. Names and browser content types never reach
// detectFileType, so a test "named .png" is simply its bytes.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { detectFileType, SNIFF_LENGTH } from "@/lib/files/sniff";
import { tinyJpeg, tinyPdf, tinyPng } from "@/tests/factories/scan";

const text = (s: string) => Buffer.from(s, "utf8");

describe("detectFileType", () => {
  it("recognises real PDF, JPEG and PNG files", () => {
    expect(detectFileType(tinyPdf())).toBe("application/pdf");
    expect(detectFileType(tinyJpeg())).toBe("image/jpeg");
    expect(detectFileType(tinyPng())).toBe("image/png");
  });

  it("needs only the first SNIFF_LENGTH bytes", () => {
    for (const file of [tinyPdf(), tinyJpeg(), tinyPng()]) {
      expect(detectFileType(file.subarray(0, SNIFF_LENGTH))).toBe(detectFileType(file));
    }
  });

  it("refuses HTML, whatever the file was called", () => {
    // e.g. uploaded as "letter.png" with Content-Type image/png
    expect(detectFileType(text("<!DOCTYPE html><html><script>alert(1)</script></html>"))).toBeNull();
    expect(detectFileType(text("<html><body><img src=x onerror=alert(1)></body></html>"))).toBeNull();
  });

  it("refuses SVG, with or without an XML declaration", () => {
    expect(detectFileType(text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(detectFileType(text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toBeNull();
  });

  it("refuses other image and document formats", () => {
    expect(detectFileType(text("GIF89a\x01\x00\x01\x00"))).toBeNull();
    expect(detectFileType(Buffer.from([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]))).toBeNull(); // WebP
    expect(detectFileType(Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63]))).toBeNull(); // HEIC
    expect(detectFileType(Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]))).toBeNull(); // TIFF
    expect(detectFileType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]))).toBeNull(); // ZIP / DOCX
    expect(detectFileType(text("Dear group, here is my answer."))).toBeNull();
  });

  it("refuses truncated signatures and empty files", () => {
    expect(detectFileType(Buffer.alloc(0))).toBeNull();
    expect(detectFileType(text("%PDF"))).toBeNull();
    expect(detectFileType(Buffer.from([0xff, 0xd8]))).toBeNull();
    const png = tinyPng();
    for (let n = 0; n < 8; n++) expect(detectFileType(png.subarray(0, n))).toBeNull();
  });

  it("refuses a signature that does not start at the first byte", () => {
    // PDF readers accept junk before %PDF-; we do not, or a file could be HTML and PDF at once.
    expect(detectFileType(text("<html><!-- %PDF-1.4 -->"))).toBeNull();
    expect(detectFileType(Buffer.concat([text("\ufeff"), tinyPdf()]))).toBeNull();
    expect(detectFileType(Buffer.concat([text(" "), tinyPng()]))).toBeNull();
  });

  it("refuses a PNG mangled by a text-mode transfer (CR LF → LF)", () => {
    const png = tinyPng();
    const mangled = Buffer.concat([png.subarray(0, 4), Buffer.from([0x0a]), png.subarray(6)]);
    expect(detectFileType(mangled)).toBeNull();
  });

  it("is null or one of three types for any bytes, and never throws", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const type = detectFileType(bytes);
        expect([null, "application/pdf", "image/jpeg", "image/png"]).toContain(type);
      }),
    );
  });
});
