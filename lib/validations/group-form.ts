// A group as an organizer sets it up: name, address (slug), level, course, mail turnaround and
// pack schedule. Shared by the group form and the server (decision 023). Apart from
// lib/validations/group.ts, which every group action imports only to name the group.
import { z } from "zod";
import { slugFrom } from "@/lib/validations/slug";
import { stripNul } from "@/lib/validations/text";

/**
 * Words a group's slug may not be, because they are (or may become) pages beside
 * /groups/<slug>: /groups/new is the form that creates a group.
 */
export const RESERVED_GROUP_SLUGS = ["new", "archived", "settings", "api"] as const;

/**
 * The rule for a slug someone types: 2–60 lower-case letters a–z, digits and single dashes,
 * starting and ending with a letter or digit. Nothing else is "cleaned up" into a slug: a typed
 * slug that breaks the rule is refused with the rule, so the address is always the one typed.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const groupSlugRule = z
  .string()
  .transform((v) => stripNul(v).trim())
  .pipe(
    z
      .string()
      .min(2, "groupAdmin.validation.slugShort")
      .max(60, "groupAdmin.validation.slugLong")
      .regex(SLUG_PATTERN, "groupAdmin.validation.slugPattern")
      .refine((v) => !(RESERVED_GROUP_SLUGS as readonly string[]).includes(v), "groupAdmin.validation.slugReserved"),
  );

/**
 * A slug suggested from a name (the form fills it in while the slug is untouched): accents
 * dropped, anything not a–z or 0–9 becomes a dash. May be empty (a name in another script);
 * then the organizer types one.
 */
export function suggestSlug(name: string): string {
  return slugFrom(name);
}

/**
 * Empty = not set; otherwise a whole number from min to max. Null is taken too: the form sends
 * the values this schema made (null for empty), and the server parses them again.
 */
const wholeOrEmpty = (min: number, max: number, key: string) =>
  z
    .union([z.string(), z.number(), z.null()])
    .transform((v) => (v === null ? "" : String(v).trim()))
    .refine((v) => v === "" || /^\d{1,4}$/.test(v), `groupAdmin.validation.${key}`)
    .transform((v) => (v === "" ? null : Number(v)))
    .refine((v) => v === null || (v >= min && v <= max), `groupAdmin.validation.${key}`);

export const GROUP_LEVELS = ["INTRODUCTORY", "INTERMEDIATE", "ADVANCED"] as const;

export const groupFormSchema = z.object({
  name: z
    .string()
    .transform((v) => stripNul(v).trim())
    .pipe(z.string().min(1, "groupAdmin.validation.nameRequired").max(120, "groupAdmin.validation.nameLong")),
  slug: groupSlugRule,
  level: z.enum(GROUP_LEVELS, "groupAdmin.validation.level"),
  courseId: z.string().min(1, "groupAdmin.validation.course").max(64, "groupAdmin.validation.course"),
  /** Days a letter takes there and back; empty = the organization's default. */
  turnaroundDays: wholeOrEmpty(1, 365, "turnaround"),
  /** A pack every N weeks; empty = no fixed schedule. Stored as days (Group.packIntervalDays). */
  packEveryWeeks: wholeOrEmpty(1, 52, "schedule"),
});
export type GroupFormInput = z.input<typeof groupFormSchema>;
export type GroupFormValues = z.output<typeof groupFormSchema>;
