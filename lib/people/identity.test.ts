// The claims at the top of lib/people/identity.ts, each tested: what is one ID number and what
// is not, what is refused, that tidying and keying are idempotent (a stored value tidied again is
// itself, so storing, matching and printing agree), and that no string a person can paste makes
// them throw.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { mailMemberSchema, releaseSchema, transferSchema } from "@/lib/validations/member";
import { emailSchema } from "@/lib/validations/auth";
import mail from "@/messages/en/mail.json";
import common from "@/messages/en/common.json";
import roster from "@/messages/en/roster.json";
import {
  checkEmail,
  checkIdNumber,
  ID_NUMBER_MAX,
  idNumberKey,
  normalizeEmail,
  printedIdNumber,
  sameEmail,
  sameIdNumber,
  tidyIdNumber,
} from "@/lib/people/identity";
import { naughtyStrings } from "@/tests/setup/naughty-strings";

// Any code point (astral planes, combining marks, format characters), and lone surrogates too.
const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 60 }), fc.string({ unit: "grapheme", maxLength: 30 }), fc.string({ maxLength: 60 }));
const validId = fc
  .array(fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"), { minLength: 1, maxLength: 12 })
  .chain((chars) => fc.array(fc.constantFrom("", "", "", "-", " ", ".", "/"), { minLength: chars.length, maxLength: chars.length }).map((seps) => chars.map((c, i) => (i === 0 ? c : seps[i] + c)).join("")));

/** The ways a person writes the same number: case, a "#", spaces, dashes from a word processor, fullwidth forms, invisible characters. */
const FULLWIDTH = (c: string) => (/[A-Za-z0-9]/.test(c) ? String.fromCodePoint(c.codePointAt(0)! - 0x21 + 0xff01) : c);
const variant = (id: string) =>
  fc
    .record({
      cases: fc.array(fc.boolean(), { minLength: id.length, maxLength: id.length }),
      hash: fc.constantFrom("", "#", "# ", "＃", "##"),
      before: fc.constantFrom("", " ", "\u00a0", "\t", "\u3000 "),
      after: fc.constantFrom("", " ", "\u200b", "\n"),
      dash: fc.constantFrom("-", "\u2010", "\u2011", "\u2013", "\u2014", "\u2212", "\ufe63", "\uff0d"),
      wide: fc.boolean(),
      soft: fc.boolean(),
    })
    .map(({ cases, hash, before, after, dash, wide, soft }) => {
      const body = [...id].map((c, i) => (cases[i] ? c.toUpperCase() : c.toLowerCase())).map((c) => (c === "-" ? dash : wide ? FULLWIDTH(c) : c));
      return before + hash + body.join(soft ? "\u00ad" : "") + after;
    });

describe("ID numbers", () => {
  it("are one number whatever the case, a leading #, spaces, dashes, fullwidth or invisible characters", () => {
    for (const same of ["a123", "A123", " #A-123 ", "#a 123", "＃Ａ１２３", "A\u2013123", "A\u00ad123", "\u200bA.123", "a/1/2/3", "# A - 1 2 3\t"]) {
      expect(sameIdNumber(same, "A123"), JSON.stringify(same)).toBe(true);
      expect(idNumberKey(same)).toBe("A123");
    }
    for (const other of ["A1234", "A12", "0123", "123", "O123", "AI23", "B123"]) expect(sameIdNumber(other, "A123"), other).toBe(false);
    expect(sameIdNumber("", "")).toBe(false);
    expect(sameIdNumber("#", "-")).toBe(false);
  });

  it("are stored as written, tidied: case and separators kept, no #, dashes and spaces plain", () => {
    expect(tidyIdNumber(" #A-123 ")).toBe("A-123");
    expect(tidyIdNumber("a-123")).toBe("a-123");
    expect(tidyIdNumber("# 12345\u2013678")).toBe("12345-678");
    expect(tidyIdNumber("ＡＢ１２３４")).toBe("AB1234");
    expect(tidyIdNumber("RB  55821\u00a0")).toBe("RB 55821");
    expect(tidyIdNumber("A\u200d1\ufeff2\u202e3")).toBe("A123");
    expect(checkIdNumber(" #A-123 ")).toEqual({ ok: true, value: "A-123", key: "A123" });
  });

  it("refuse what is not a facility's number with a reason, and treat a number without letters or digits as none", () => {
    expect(checkIdNumber("\u0410123")).toEqual({ ok: false, problem: "characters" }); // Cyrillic А
    expect(checkIdNumber("Α123")).toEqual({ ok: false, problem: "characters" }); // Greek Α
    expect(checkIdNumber("A123!")).toEqual({ ok: false, problem: "characters" });
    expect(checkIdNumber("A1#23")).toEqual({ ok: false, problem: "characters" });
    expect(checkIdNumber("A123\nB456")).toEqual({ ok: false, problem: "characters" });
    expect(checkIdNumber("É123")).toEqual({ ok: false, problem: "characters" });
    expect(checkIdNumber("x".repeat(ID_NUMBER_MAX))).toMatchObject({ ok: true });
    expect(checkIdNumber(`#${"x".repeat(ID_NUMBER_MAX)} `)).toMatchObject({ ok: true });
    expect(checkIdNumber("x".repeat(ID_NUMBER_MAX + 1))).toEqual({ ok: false, problem: "tooLong" });
    expect(checkIdNumber(" ".repeat(100_000))).toEqual({ ok: false, problem: "tooLong" });
    for (const none of ["", "   ", "#", "# #", "---", " / . "]) expect(checkIdNumber(none), JSON.stringify(none)).toEqual({ ok: true, value: "", key: "" });
  });

  it("tidying and keying are idempotent, and the key of the tidy form is the key (any text)", () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const tidy = tidyIdNumber(raw);
        expect(tidyIdNumber(tidy)).toBe(tidy);
        const key = idNumberKey(raw);
        expect(idNumberKey(key)).toBe(key);
        expect(idNumberKey(tidy)).toBe(key);
        expect(printedIdNumber(printedIdNumber(raw))).toBe(printedIdNumber(raw));
      }),
      { numRuns: 2000 },
    );
  });

  it("a checked number checks again to itself (what is stored is valid when read back)", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, validId), (raw) => {
        const first = checkIdNumber(raw);
        if (!first.ok) return;
        expect(checkIdNumber(first.value)).toEqual(first);
        expect(first.value).toBe(first.value.trim());
        expect(first.value.startsWith("#")).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("every way of writing a valid number is that number, and is accepted", () => {
    fc.assert(
      fc.property(validId.chain((id) => fc.tuple(fc.constant(id), variant(id))), ([id, written]) => {
        expect(sameIdNumber(written, id)).toBe(true);
        const checked = checkIdNumber(written);
        expect(checked).toMatchObject({ ok: true, key: idNumberKey(id) });
      }),
      { numRuns: 1000 },
    );
  });

  it("every naughty string gives a number, no number, or a reason, and never throws", () => {
    let accepted = 0;
    for (const raw of naughtyStrings) {
      const tidy = tidyIdNumber(raw);
      expect(tidyIdNumber(tidy)).toBe(tidy);
      expect(idNumberKey(idNumberKey(raw))).toBe(idNumberKey(raw));
      const checked = checkIdNumber(raw);
      if (checked.ok) {
        if (checked.value !== "") accepted++;
        expect(checked.value).toMatch(/^[A-Za-z0-9 ./-]{0,40}$/);
        expect(checkIdNumber(checked.value)).toEqual(checked);
      } else expect(["tooLong", "characters"]).toContain(checked.problem);
    }
    expect(accepted).toBeGreaterThan(10);
  });
});

describe("e-mail addresses", () => {
  it("are stored trimmed and in lower case, and compared that way", () => {
    expect(normalizeEmail("  Ann@Example.ORG ")).toBe("ann@example.org");
    expect(normalizeEmail("ａｎｎ＠ｅｘａｍｐｌｅ．ｏｒｇ")).toBe("ann@example.org");
    expect(normalizeEmail("\u200bann@example.org\u00ad")).toBe("ann@example.org");
    expect(sameEmail("ANN@example.org", " ann@EXAMPLE.org")).toBe(true);
    expect(sameEmail("ann@example.org", "anne@example.org")).toBe(false);
    expect(sameEmail("", "")).toBe(false);
    expect(checkEmail(" Ann@Example.org ")).toEqual({ ok: true, value: "ann@example.org" });
    expect(checkEmail("  ")).toEqual({ ok: false, problem: "missing" });
    for (const bad of ["ann", "ann@", "@example.org", "ann@exämple.org", "ánn@example.org", "ann@example", `${"a".repeat(250)}@example.org`, "a b@example.org"]) {
      expect(checkEmail(bad), bad).toEqual({ ok: false, problem: "invalid" });
    }
  });

  it("normalizing is idempotent, and a valid address checks again to itself", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.emailAddress()), (raw) => {
        const once = normalizeEmail(raw);
        expect(normalizeEmail(once)).toBe(once);
        const checked = checkEmail(raw);
        if (checked.ok) expect(checkEmail(checked.value)).toEqual(checked);
      }),
      { numRuns: 2000 },
    );
    for (const raw of naughtyStrings) {
      expect(normalizeEmail(normalizeEmail(raw))).toBe(normalizeEmail(raw));
      const checked = checkEmail(raw);
      if (checked.ok) expect(checked.value).toMatch(/^[\x21-\x7e]+@[a-z0-9.-]+$/);
    }
  });
});

/** Every message key a schema can answer with exists in the catalog. */
function hasMessage(catalog: unknown, key: string): boolean {
  let node = catalog;
  for (const part of key.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "string";
}

describe("the forms' fields", () => {
  const add = (idNumber: string) => mailMemberSchema.safeParse({ legalName: "Ann", penName: "Lark", facilityId: "f", idNumber, housingUnit: "" });
  const messagesOf = (result: { success: boolean; error?: z.ZodError }) => (result.success ? [] : result.error!.issues.map((i) => i.message));

  it("add-member and transfer store the tidy number and refuse with the catalog's reasons", () => {
    expect(add(" #A-123 ")).toMatchObject({ success: true, data: { idNumber: "A-123" } });
    expect(transferSchema.safeParse({ facilityId: "f", idNumber: "＃ａ１２３", housingUnit: "", occurredOn: "2026-12-01", reason: "" })).toMatchObject({ success: true, data: { idNumber: "a123" } });
    expect(messagesOf(add(""))).toEqual(["members.validation.idRequired"]);
    expect(messagesOf(add(" # "))).toEqual(["members.validation.idRequired"]);
    expect(messagesOf(add("\u0410123"))).toEqual(["members.validation.idInvalid"]);
    expect(messagesOf(add("x".repeat(41)))).toEqual(["members.validation.tooLong"]);
    for (const raw of naughtyStrings) {
      const result = add(raw);
      if (result.success) expect(checkIdNumber(result.data.idNumber)).toEqual({ ok: true, value: result.data.idNumber, key: idNumberKey(raw) });
      else for (const message of messagesOf(result)) expect(hasMessage(mail, message), message).toBe(true);
    }
  });

  it("sign-in, invitation and release store the same normalized address", () => {
    expect(emailSchema.parse(" Ann@Example.org ")).toBe("ann@example.org");
    expect(releaseSchema.safeParse({ email: " Ann@Example.org ", occurredOn: "2026-12-01", reason: "" })).toMatchObject({ success: true, data: { email: "ann@example.org" } });
    expect(messagesOf(emailSchema.safeParse(""))).toEqual(["emailRequired"]);
    expect(messagesOf(emailSchema.safeParse("nope"))).toEqual(["emailInvalid"]);
    for (const raw of naughtyStrings) {
      const result = emailSchema.safeParse(raw);
      if (result.success) expect(result.data).toBe(normalizeEmail(raw));
      else for (const message of messagesOf(result)) expect(hasMessage((common as Record<string, unknown>).validation, message), message).toBe(true);
      const released = releaseSchema.safeParse({ email: raw, occurredOn: "2026-12-01", reason: "" });
      if (!released.success) for (const message of messagesOf(released)) expect(hasMessage(roster, message), message).toBe(true);
    }
  });
});
