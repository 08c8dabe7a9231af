// A member's answer to a prompt. The same limits apply to a draft and to a submit, so a draft
// that saved can always be submitted.
import { z } from "zod";
import { stripNul } from "@/lib/validations/text";

export const RESPONSE_MAX_CHARS = 100_000;

export const responseBodySchema = z.string().max(RESPONSE_MAX_CHARS, "packs.validation.responseTooLong").transform(stripNul);

export const responseTargetSchema = z.object({
  groupSlug: z.string().min(1).max(100),
  packNumber: z.coerce.number().int().min(1).max(100_000),
  promptId: z.string().min(1).max(64),
});

export const saveDraftSchema = responseTargetSchema.extend({ body: responseBodySchema });

export const submitResponseSchema = responseTargetSchema.extend({
  body: responseBodySchema.refine((v) => v.trim().length > 0, "packs.validation.responseEmpty"),
  /** Made by the browser once per submit intent; a retry sends the same key. */
  submitKey: z.string().min(8).max(64),
});

export const feedbackSchema = z.object({
  groupSlug: z.string().min(1).max(100),
  responseId: z.string().min(1).max(64),
  body: z.string().transform(stripNul).pipe(z.string().trim().min(1, "packs.validation.feedbackEmpty").max(20_000, "packs.validation.feedbackTooLong")),
  clientKey: z.string().min(8).max(64),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "packs.validation.dateInvalid").refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "packs.validation.dateInvalid");

export const transcriptionTargetSchema = z.object({
  groupSlug: z.string().min(1).max(100),
  packNumber: z.coerce.number().int().min(1).max(100_000),
  memberId: z.string().min(1).max(64),
  promptId: z.string().min(1).max(64),
});

export const transcriptionDraftSchema = transcriptionTargetSchema.extend({ body: responseBodySchema });

export const transcriptionSubmitSchema = transcriptionTargetSchema.extend({
  body: responseBodySchema.refine((v) => v.trim().length > 0, "packs.validation.responseEmpty"),
  /** The postmark or the day the letter arrived; not in the future. */
  receivedOn: isoDate.refine((v) => v <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), "mail.validation.receivedInFuture"),
  submitKey: z.string().min(8).max(64),
});
