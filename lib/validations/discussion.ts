// Forms of the discussion: pen names and sharing consent, replies, hiding, featuring.
import { z } from "zod";
import { stripNul } from "@/lib/validations/text";

export const PEN_NAME_MAX = 40;

/**
 * A pen name is the only name other members see, so it must not be able to pass for someone
 * else's: Unicode-normalized (NFC), spaces collapsed, and no control or invisible formatting
 * characters (right-to-left overrides, zero-width joiners), which could make two names look
 * the same. Letters and marks of any script are fine.
 */
export const penNameSchema = z
  .string()
  .transform((v) => stripNul(v).normalize("NFC").replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, "discussion.validation.penNameEmpty")
      .max(PEN_NAME_MAX, "discussion.validation.penNameTooLong")
      .refine((v) => !/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u.test(v), "discussion.validation.penNameCharacters"),
  );

export const sharingPreferenceSchema = z.enum(["GROUP", "FACILITATORS"], { message: "discussion.validation.preference" });

const slug = z.string().min(1).max(100);
const id = z.string().min(1).max(64);
const clientKey = z.string().min(8).max(64);

export const mySharingSchema = z.object({ penName: penNameSchema, sharingPreference: sharingPreferenceSchema });
export type MySharingInput = z.input<typeof mySharingSchema>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "discussion.validation.dateInvalid")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "discussion.validation.dateInvalid")
  .refine((v) => v <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), "discussion.validation.dateInFuture");

/** A facilitator recording a mail member's choice, given by letter on `givenOn`. */
export const recordConsentSchema = mySharingSchema.extend({ givenOn: isoDate });
export type RecordConsentInput = z.input<typeof recordConsentSchema>;

export const responseSharedSchema = z.object({ groupSlug: slug, responseId: id, shared: z.boolean() });

const text = (empty: string, tooLong: string, max: number) =>
  z.string().transform(stripNul).pipe(z.string().trim().min(1, empty).max(max, tooLong));

export const replySchema = z.object({
  groupSlug: slug,
  responseId: id,
  body: text("discussion.validation.replyEmpty", "discussion.validation.replyTooLong", 10_000),
  clientKey,
});

export const hideSchema = z.object({
  groupSlug: slug,
  kind: z.enum(["response", "reply"]),
  id,
  reason: text("discussion.validation.reasonEmpty", "discussion.validation.reasonTooLong", 1_000),
});

/** Showing again what was hidden: the hiding's reason stays in the audit log. */
export const showAgainSchema = hideSchema.omit({ reason: true });

export const featuredItemSchema = z.object({
  responseId: id,
  replyId: id.nullable().default(null),
  /** Empty = the whole text. */
  excerpt: z.string().transform(stripNul).pipe(z.string().max(20_000, "discussion.validation.excerptTooLong")).default(""),
  note: z.string().transform(stripNul).pipe(z.string().max(2_000, "discussion.validation.noteTooLong")).default(""),
});

export const featuredSchema = z.object({
  groupSlug: slug,
  packNumber: z.coerce.number().int().min(1).max(100_000),
  items: z.array(featuredItemSchema).max(50, "discussion.validation.tooManyFeatured"),
});
export type FeaturedItemInput = z.infer<typeof featuredItemSchema>;

/** The /account page: whether notifications are also e-mailed. */
export const accountSchema = z.object({ emailNotifications: z.boolean() });
export type AccountInput = z.infer<typeof accountSchema>;
