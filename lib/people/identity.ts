// How a person is identified: by e-mail, or by an ID number at a facility. Every place that
// reads, stores, compares or prints one of these goes through this module (the roster import,
// the add-member and transfer forms, release, invitations, sign-in, the pack PDF), so that
// `a123` typed in a form finds the person a roster file called `A123`, and the cover and every
// page footer print the same ID. Pure and used by the browser too (the forms' zod schemas).
//
// ID NUMBERS (a facility's number for a person: inmate, booking or register number)
// - Stored as the facilitator wrote it, tidied (`tidyIdNumber`): Unicode NFKC (fullwidth
//   digits and letters, ligatures and other compatibility forms become plain ones), invisible
//   format characters (soft hyphen, zero-width space, bidi marks, byte-order mark) removed, every
//   kind of dash and the minus sign written "-", runs of spaces and tabs one space, no space at
//   either end, and no leading "#" ("#A-123" and "A-123" are the same number; the "#" is the
//   number sign the facilitator wrote before it). Case and separators stay as written, because
//   they are how the facility writes the number ("12345-678") and the mailroom reads it.
// - Valid only with the letters A–Z, digits, spaces and - . / once tidied. Facilities assign
//   these numbers by computer, in ASCII; anything else is a typo or a paste, and a look-alike
//   such as the Cyrillic "А" would be invisible to the facilitator and the mailroom alike while
//   naming a different person (NFKC does not fold look-alikes across scripts). So it is refused
//   with a plain reason rather than guessed at. An ID with no letter or digit ("#", "---") is
//   no ID: treated as empty.
// - Matched by its key (`idNumberKey`): upper case, separators and spaces left out ("a-123",
//   " #A 123 " and "A123" are one number). Two different people at one facility never have
//   numbers that differ only in case or punctuation, and a facilitator copying a number often
//   changes both. The key does not fold leading zeros, nor O/0 or I/1: those can be real
//   differences between two people's numbers.
// - Printed as `printedIdNumber` (the tidy form), on the cover, in every page footer and on the
//   run sheet, so a number stored before this rule (or typed with a "#") prints one way.
// - The database's unique index holds the stored text per facility; sameness by key is checked
//   under the organization's roster lock (lib/data/people.ts), by every writer of an ID number.
//
// E-MAIL
// - Stored normalized, and the stored text is its own key (`normalizeEmail`): NFKC, format
//   characters removed, trimmed, lower case. Addresses are ASCII once valid (zod's check), and
//   no mail provider distinguishes case in practice, while people type "Ann@Example.org"; the
//   unique indexes on the stored text (a person per organization, a user) then hold the rule.
import { z } from "zod";

export const ID_NUMBER_MAX = 40;
export const EMAIL_MAX = 254;
/** Refused before any work: longer than any field it could be meant for. */
const RAW_MAX = 1_000;

// NUL (PostgreSQL text cannot hold it) and the invisible format characters (Unicode Cf).
const INVISIBLE = /[\u0000\p{Cf}]/gu;
const DASHES = /[\p{Pd}\u2212]/gu;
const SPACES = /[\t\p{Zs}]+/gu;
const ID_CHARACTERS = /^[A-Za-z0-9 ./-]*$/;

/** The stored and printed form of an ID number (see the top of this module). Never throws. */
export function tidyIdNumber(raw: string): string {
  return raw
    .replace(INVISIBLE, "")
    .normalize("NFKC")
    .replace(DASHES, "-")
    .replace(SPACES, " ")
    .trim()
    .replace(/^[#\s]+/, "");
}

/**
 * The key two ID numbers are compared by: the tidy form in upper case with everything that is
 * not a letter, digit or combining mark left out. ASCII letters only are upper-cased ("ß" must
 * not become "SS"); a valid number is ASCII anyway. NFKC again at the end, so the key of a key
 * is itself.
 */
export function idNumberKey(raw: string): string {
  return tidyIdNumber(raw)
    .replace(/[a-z]/g, (c) => c.toUpperCase())
    .replace(/[^\p{L}\p{N}\p{M}]/gu, "")
    .normalize("NFKC");
}

export function sameIdNumber(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const key = idNumberKey(a);
  return key !== "" && key === idNumberKey(b);
}

export type IdNumberCheck = { ok: true; value: string; key: string } | { ok: false; problem: "tooLong" | "characters" };

/** A typed ID number as it will be stored, and its key; `value` is "" when nothing was given. */
export function checkIdNumber(raw: string): IdNumberCheck {
  if (raw.length > RAW_MAX) return { ok: false, problem: "tooLong" };
  const value = tidyIdNumber(raw);
  if (value.length > ID_NUMBER_MAX) return { ok: false, problem: "tooLong" };
  if (!ID_CHARACTERS.test(value)) return { ok: false, problem: "characters" };
  const key = idNumberKey(value);
  return key === "" ? { ok: true, value: "", key: "" } : { ok: true, value, key };
}

/** The ID number as every page of a pack prints it, or null when there is none. */
export function printedIdNumber(stored: string | null | undefined): string | null {
  const printed = stored ? tidyIdNumber(stored) : "";
  return printed === "" ? null : printed;
}

/** Who a person is at a facility: the facility and the ID number's key. */
export function placeKey(facilityId: string, idNumber: string): string {
  return `${facilityId}\u0000${idNumberKey(idNumber)}`;
}

/** An e-mail address as it is stored and compared (see the top of this module). Never throws. */
export function normalizeEmail(raw: string): string {
  return raw.replace(INVISIBLE, "").normalize("NFKC").toLowerCase().normalize("NFKC").trim();
}

export function sameEmail(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const key = normalizeEmail(a);
  return key !== "" && key === normalizeEmail(b);
}

export type EmailCheck = { ok: true; value: string } | { ok: false; problem: "missing" | "invalid" };

const EMAIL_FORMAT = z.email();

/** A typed e-mail address, normalized and checked. */
export function checkEmail(raw: string): EmailCheck {
  if (raw.length > RAW_MAX) return { ok: false, problem: "invalid" };
  const value = normalizeEmail(raw);
  if (value === "") return { ok: false, problem: "missing" };
  if (value.length > EMAIL_MAX || !EMAIL_FORMAT.safeParse(value).success) return { ok: false, problem: "invalid" };
  return { ok: true, value };
}

/**
 * A form's e-mail field: the normalized address, or the form's own message keys. Shared by the
 * sign-in, invitation and release forms, so all of them store and look up the same text.
 */
export function emailField(messages: { required: string; invalid: string }) {
  return z.string().transform((raw, ctx) => {
    const check = checkEmail(raw);
    if (check.ok) return check.value;
    ctx.addIssue({ code: "custom", message: check.problem === "missing" ? messages.required : messages.invalid });
    return z.NEVER;
  });
}

/**
 * A form's ID number field: the tidy form (see the top of this module), or the form's message
 * keys. `required` names the message for an empty field; without it, empty is "".
 */
export function idNumberField(messages: { required?: string; tooLong: string; invalid: string }) {
  return z.string().transform((raw, ctx) => {
    const check = checkIdNumber(raw);
    if (!check.ok) {
      ctx.addIssue({ code: "custom", message: check.problem === "tooLong" ? messages.tooLong : messages.invalid });
      return z.NEVER;
    }
    if (check.value === "" && messages.required) {
      ctx.addIssue({ code: "custom", message: messages.required });
      return z.NEVER;
    }
    return check.value;
  });
}
