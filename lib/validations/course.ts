// Shared by the authoring forms and the server actions that check them. Messages are catalog
// keys (messages/en/authoring.json → "authoring.validation"), translated with the full key.
//
// Every schema is idempotent: what it outputs it accepts again unchanged, because a form sends
// the parsed values and the server parses them a second time.
//
// Text limits: a 30-page article is about 100,000 characters, so a reading may hold five times
// that. Control characters: single-line fields refuse them. Multi-line fields are mostly pasted
// (a whole article, copied out of a PDF or a word processor), where invisible control
// characters are common and nobody could find them to delete them, so they are cleaned instead:
// a form feed (a PDF's page break) becomes a line break, the rest are removed (PostgreSQL cannot
// store NUL at all). Tab and line breaks stay. Half of a surrogate pair is refused everywhere: it
// would be stored as "�", not as sent; no browser produces one.
import { z } from "zod";
import { languageChoiceSchema } from "@/lib/validations/language";

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 5_000;
export const PROMPT_MAX = 4_000;
export const BODY_MAX = 500_000;
export const PAGE_RANGE_MAX = 40;
export const MINUTES_MAX = 600;

const key = (name: string) => `authoring.validation.${name}`;

const CONTROL = /[\u0000-\u001f\u007f]/;
const REMOVED_FROM_TEXT = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

/** Cleans pasted multi-line text (see above); cleaning it twice changes nothing. */
export const cleanPastedText = (v: string) => v.replace(/\f/g, "\n").replace(REMOVED_FROM_TEXT, "");

const line = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, key(tooLong))
    .refine((v) => v.isWellFormed() && !CONTROL.test(v), key("invalidCharacters"));

const requiredLine = (max: number, required: string, tooLong: string) => line(max, tooLong).refine((v) => v.length > 0, key(required));

const text = (max: number, tooLong: string) =>
  z
    .string()
    .transform(cleanPastedText)
    .pipe(
      z
        .string()
        .trim()
        .max(max, key(tooLong))
        .refine((v) => v.isWellFormed(), key("invalidCharacters")),
    );

/** Record ids (cuids); a malformed one can only ever be "not found". */
export const idSchema = z.string().min(1).max(64);

export const courseSchema = z.object({
  title: requiredLine(TITLE_MAX, "titleRequired", "titleTooLong"),
  description: text(SUMMARY_MAX, "descriptionTooLong"),
  /** The language it is written in ("" not set); absent: left as it is. */
  language: languageChoiceSchema.optional(),
});
export type CourseInput = z.infer<typeof courseSchema>;

export const createCourseSchema = courseSchema.extend({ organizationId: idSchema });
export type CreateCourseInput = z.infer<typeof createCourseSchema>;

export const lessonSchema = z.object({
  title: requiredLine(TITLE_MAX, "titleRequired", "titleTooLong"),
  summary: text(SUMMARY_MAX, "summaryTooLong"),
});
export type LessonInput = z.infer<typeof lessonSchema>;

/**
 * Estimated minutes: optional. A form sends the text of a number input ("" when empty); the
 * server gets the number back. Both become a whole number from 1 to 600, or null.
 */
const estimatedMinutes = z
  .union([z.number(), z.string(), z.null(), z.undefined()])
  .transform((v, ctx) => {
    if (v === null || v === undefined) return null;
    const raw = typeof v === "string" ? v.trim() : v;
    if (raw === "") return null;
    const n = typeof raw === "number" ? raw : /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isInteger(n) || n < 1 || n > MINUTES_MAX) {
      ctx.addIssue({ code: "custom", message: key("minutesRange") });
      return z.NEVER;
    }
    return n;
  });

export const readingSchema = z.object({
  title: requiredLine(TITLE_MAX, "titleRequired", "titleTooLong"),
  author: line(TITLE_MAX, "authorTooLong"),
  source: line(TITLE_MAX * 2, "sourceTooLong"),
  pageRange: line(PAGE_RANGE_MAX, "pageRangeTooLong"),
  estimatedMinutes,
  // Not trimmed: leading spaces can be Markdown (an indented code block).
  bodyMarkdown: z
    .string()
    .transform(cleanPastedText)
    .pipe(
      z
        .string()
        .max(BODY_MAX, key("bodyTooLong"))
        .refine((v) => v.trim().length > 0, key("bodyRequired"))
        .refine((v) => v.isWellFormed(), key("invalidCharacters")),
    ),
  /** Too long to send as text messages: e-message members get it by post (docs/decisions/045). */
  emessageByMailOnly: z.boolean().optional(),
});
export type ReadingInput = z.input<typeof readingSchema>;
export type ReadingValues = z.output<typeof readingSchema>;

export const promptSchema = z.object({
  text: text(PROMPT_MAX, "promptTooLong").refine((v) => v.length > 0, key("promptRequired")),
  /** The reading of the same lesson this prompt asks about; "" or null for none. */
  readingId: z
    .union([idSchema, z.literal(""), z.null(), z.undefined()])
    .transform((v) => (v ? v : null)),
});
export type PromptInput = z.input<typeof promptSchema>;
export type PromptValues = z.output<typeof promptSchema>;

export const moveSchema = z.enum(["up", "down"]);
export type MoveDirection = z.infer<typeof moveSchema>;

/** Which records an action names: checked against the course in lib/data, never trusted. */
export const courseRefSchema = z.object({ courseId: idSchema });
export const lessonRefSchema = courseRefSchema.extend({ lessonId: idSchema });
export const readingRefSchema = lessonRefSchema.extend({ readingId: idSchema });
export const promptRefSchema = lessonRefSchema.extend({ promptId: idSchema });
