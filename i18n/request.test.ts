// Which language a request is answered in: the person's own choice when the UI has it, else the
// first of the browser's languages the UI has, else English.
import { describe, expect, it } from "vitest";
import { chooseLocale, pickLocale } from "@/i18n/request";

const BOTH = ["en", "es"];

describe("the language of a request", () => {
  it("follows the browser until the person chooses", () => {
    expect(chooseLocale(null, "es-MX,es;q=0.9,en;q=0.8", BOTH)).toBe("es");
    expect(chooseLocale(undefined, "fr-FR,fr;q=0.9,es;q=0.5", BOTH)).toBe("es");
    expect(chooseLocale(null, "fr-FR", BOTH)).toBe("en");
    expect(chooseLocale(null, null, BOTH)).toBe("en");
    expect(chooseLocale(null, "", BOTH)).toBe("en");
  });

  it("the person's choice wins over the browser's", () => {
    expect(chooseLocale("EN", "es-MX,es", BOTH)).toBe("en");
    expect(chooseLocale("ES", "en-US", BOTH)).toBe("es");
  });

  it("a choice the UI does not have yet falls back to the browser, then English", () => {
    expect(chooseLocale("ES", "es-MX", ["en"])).toBe("en");
    expect(pickLocale("es", ["en"])).toBe("en");
  });

  it("never fails on a malformed header", () => {
    for (const header of [";;;", ",,,", "*", "q=1", "\u0000", "x".repeat(10_000), "es;q=abc,EN"]) expect(BOTH).toContain(pickLocale(header, BOTH));
  });
});
