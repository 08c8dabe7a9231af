import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { contentDisposition, safeFilename } from "@/lib/files/filename";
import { naughtyStrings } from "@/tests/setup/naughty-strings";

describe("safeFilename", () => {
  it("keeps an ordinary name", () => {
    expect(safeFilename("Letter from María, page 1.pdf", "application/pdf")).toBe("Letter from María, page 1.pdf");
    expect(safeFilename("scan.JPEG", "image/jpeg")).toBe("scan.JPEG");
  });

  it("drops path parts", () => {
    expect(safeFilename("../../etc/passwd.png", "image/png")).toBe("passwd.png");
    expect(safeFilename("C:\\Users\\me\\scan.png", "image/png")).toBe("scan.png");
    expect(safeFilename("..", "image/png")).toBe("file.png");
    expect(safeFilename("/", "application/pdf", "scan")).toBe("scan.pdf");
  });

  it("makes the extension match the content", () => {
    expect(safeFilename("letter.html", "image/png")).toBe("letter.html.png");
    expect(safeFilename("letter", "application/pdf")).toBe("letter.pdf");
    expect(safeFilename("photo.png", "image/jpeg")).toBe("photo.png.jpg");
  });

  it("removes control and invisible characters, among them the right-to-left override", () => {
    expect(safeFilename("scan\u202Egpj.exe", "image/png")).toBe("scangpj.exe.png");
    expect(safeFilename("a\u0000b\r\nc\u200B.pdf", "application/pdf")).toBe("abc.pdf");
    expect(safeFilename('say "hi"?.pdf', "application/pdf")).toBe("say _hi__.pdf");
  });

  it("shortens very long names and keeps the extension", () => {
    const name = safeFilename(`${"ñ".repeat(500)}.pdf`, "application/pdf");
    expect(name.endsWith(".pdf")).toBe(true);
    expect([...name].length).toBeLessThanOrEqual(124);
  });

  it("turns every naughty string into a short, clean name with the right extension", () => {
    for (const s of naughtyStrings) {
      const name = safeFilename(s, "image/png");
      expect(name.endsWith(".png")).toBe(true);
      expect(name).not.toMatch(/[\\/\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
      expect(name.startsWith(".")).toBe(false);
    }
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII name and a UTF-8 name (RFC 6266, RFC 5987)", () => {
    expect(contentDisposition("Carta de María.pdf")).toBe(`inline; filename="Carta de Maria.pdf"; filename*=UTF-8''Carta%20de%20Mar%C3%ADa.pdf`);
    expect(contentDisposition("scan.png", "attachment")).toBe(`attachment; filename="scan.png"; filename*=UTF-8''scan.png`);
  });

  it("cannot be broken out of", () => {
    const header = contentDisposition('a"; filename="evil.html\r\nSet-Cookie: x=1\\.png');
    expect(header).not.toMatch(/[\r\n]/);
    const ascii = /filename="([^"]*)"/.exec(header)?.[1];
    expect(ascii).toBe("a_; filename=_evil.htmlSet-Cookie: x=1_.png");
    expect(header.match(/"/g)).toHaveLength(2);
  });

  it("encodes the characters RFC 5987 does not allow bare", () => {
    expect(contentDisposition("it's (1)*.pdf")).toContain("filename*=UTF-8''it%27s%20%281%29%2A.pdf");
  });

  it("is a valid header value for any string, lone surrogates included", () => {
    // Printable ASCII only: nothing a client could read as the end of the header or the value.
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (name) => {
        const header = contentDisposition(name);
        expect(header).toMatch(/^inline; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!#$&+\-.^_`|~]*$/);
      }),
    );
  });
});
