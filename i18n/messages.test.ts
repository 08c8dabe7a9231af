// The catalog files merge without one area overwriting another's keys.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES, MESSAGE_FILES } from "@/i18n/config";

describe("message catalog", () => {
  for (const locale of LOCALES) {
    it(`${locale}: no top-level key appears in two files`, () => {
      const seen = new Map<string, string>();
      for (const file of MESSAGE_FILES) {
        const messages = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "messages", locale, `${file}.json`), "utf8")) as object;
        for (const key of Object.keys(messages)) {
          expect(seen.get(key), `"${key}" is in ${seen.get(key)}.json and ${file}.json`).toBeUndefined();
          seen.set(key, file);
        }
      }
    });
  }
});
