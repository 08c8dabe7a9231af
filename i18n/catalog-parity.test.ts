// The Spanish catalog says what the English one says: the same keys, and in every message the
// same placeholders. A key missing in Spanish would show a raw key to a reader; a placeholder
// renamed or dropped would throw at render time or silently lose a name, a count or a date.
//
// Placeholders are compared through the ICU parser that next-intl itself uses
// (@formatjs/icu-messageformat-parser, installed with next-intl), not a regex, so nested
// plural/select branches and `#` are read as next-intl reads them. A plural's CLDR categories
// (zero, one, two, few, many) belong to the language (Spanish has one/other, other languages
// more) and are not compared; its exact branches (`=0`) and `other`, and a select's branches, are.
//
// Every file in MESSAGE_FILES has a Spanish version, and a missing one fails here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { MESSAGE_FILES } from "@/i18n/config";

const MESSAGES_DIR = path.join(import.meta.dirname, "..", "messages");
const SECOND_LOCALE = "es";

export const FILES_CHECKED: readonly string[] = MESSAGE_FILES;

const LANGUAGE_PLURAL_CATEGORIES = new Set(["zero", "one", "two", "few", "many"]);

type Catalog = { [key: string]: string | Catalog };

function readCatalog(locale: string, file: string): Catalog {
  return JSON.parse(readFileSync(path.join(MESSAGES_DIR, locale, `${file}.json`), "utf8")) as Catalog;
}

/** Every message of a catalog by its dotted key, e.g. "signIn.throttled". */
function flatten(catalog: Catalog, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalog)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object") for (const [k, v] of flatten(value, dotted)) out.set(k, v);
    else out.set(dotted, value);
  }
  return out;
}

/** What a message needs from its caller: each argument with its kind, and the branches of plurals and selects. */
export function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      switch (element.type) {
        case TYPE.argument:
          found.add(`${element.value}`);
          break;
        case TYPE.number:
        case TYPE.date:
        case TYPE.time:
          found.add(`${element.value}:${TYPE[element.type]}`);
          break;
        case TYPE.plural:
        case TYPE.select: {
          const kind = element.type === TYPE.select ? "select" : element.pluralType === "ordinal" ? "selectordinal" : "plural";
          const branches = Object.keys(element.options).filter((branch) => kind === "select" || !LANGUAGE_PLURAL_CATEGORIES.has(branch));
          found.add(`${element.value}:${kind}[${branches.sort().join(",")}]`);
          for (const option of Object.values(element.options)) walk(option.value);
          break;
        }
        case TYPE.tag:
          found.add(`<${element.value}>`);
          walk(element.children);
          break;
        default:
          break;
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

describe("placeholders", () => {
  it("reads arguments, plural and select branches, and ignores the language's plural categories", () => {
    expect(placeholders("Hello, {name}.")).toEqual(["name"]);
    expect(placeholders("{count, plural, =0 {none} one {# item} few {# items} other {# items}} for {who}")).toEqual(["count:plural[=0,other]", "who"]);
    expect(placeholders("{channel, select, MAIL {by mail to {facility}} other {online}}")).toEqual(["channel:select[MAIL,other]", "facility"]);
    expect(placeholders("Due {due, date, medium}")).toEqual(["due:date"]);
  });

  it("tells a renamed or missing placeholder apart", () => {
    expect(placeholders("Hola, {nombre}.")).not.toEqual(placeholders("Hello, {name}."));
    expect(placeholders("{count, plural, one {# cosa} other {# cosas}}")).not.toEqual(placeholders("{count, plural, =0 {none} one {# thing} other {# things}}"));
  });
});

describe(`catalog parity, en and ${SECOND_LOCALE}`, () => {
  it("checks at least one file", () => {
    expect(FILES_CHECKED.length).toBeGreaterThan(0);
  });

  for (const file of FILES_CHECKED) {
    describe(`${file}.json`, () => {
      const en = flatten(readCatalog("en", file));
      const other = flatten(readCatalog(SECOND_LOCALE, file));

      it("has the same keys in both languages", () => {
        const onlyEn = [...en.keys()].filter((key) => !other.has(key));
        const onlyOther = [...other.keys()].filter((key) => !en.has(key));
        expect({ onlyEn, [`only ${SECOND_LOCALE}`]: onlyOther }).toEqual({ onlyEn: [], [`only ${SECOND_LOCALE}`]: [] });
      });

      it("has the same placeholders in every message", () => {
        const differing: string[] = [];
        for (const [key, english] of en) {
          const translated = other.get(key);
          if (translated === undefined) continue;
          if (typeof english !== "string" || typeof translated !== "string" || translated.trim() === "") {
            differing.push(`${key}: not a non-empty message in both`);
            continue;
          }
          const want = placeholders(english);
          const got = placeholders(translated);
          if (want.join("|") !== got.join("|")) differing.push(`${key}: en ${JSON.stringify(want)}, ${SECOND_LOCALE} ${JSON.stringify(got)}`);
        }
        expect(differing).toEqual([]);
      });
    });
  }
});
