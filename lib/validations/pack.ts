// Shared by the pack forms and the server. Messages are catalog keys under packs.validation.
import { z } from "zod";
import { groupSlugSchema } from "@/lib/validations/group";
import { stripNul } from "@/lib/validations/text";

const id = z.string().min(1).max(64);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "packs.validation.dateInvalid").refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "packs.validation.dateInvalid");

export const packDetailsSchema = z.object({
  title: z.string().transform(stripNul).pipe(z.string().trim().max(200, "packs.validation.titleTooLong")),
  letterMarkdown: z.string().max(50_000, "packs.validation.letterTooLong").transform(stripNul),
  dueDate: z.union([isoDate, z.literal("")]),
  /** Lessons in the order they appear in the pack; only changeable while the pack is a draft. */
  lessonIds: z.array(id).max(20, "packs.validation.tooManyLessons").refine((ids) => new Set(ids).size === ids.length, "packs.validation.duplicateLesson"),
});
export type PackDetailsInput = z.infer<typeof packDetailsSchema>;

/** Starting a pack: its lessons (the next ones of the course are suggested) and its due date. */
export const packStartSchema = packDetailsSchema.pick({ lessonIds: true, dueDate: true });
export type PackStartInput = z.infer<typeof packStartSchema>;

export const packRefSchema = z.object({ groupSlug: groupSlugSchema, packNumber: z.coerce.number().int().min(1).max(100_000) });
