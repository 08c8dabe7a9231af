// Certificate forms (docs/decisions/047-certificates.md), shared by the forms and the actions.
// Messages are catalog keys (messages/*/certificates.json).
import { z } from "zod";
import { stripNul } from "@/lib/validations/text";

const line = (max: number, required: string) =>
  z
    .string(required)
    .transform((v) => stripNul(v).replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1, required).max(max, "certificates.validation.tooLong"));

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "certificates.validation.date")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "certificates.validation.date");

export const completionRuleSchema = z.enum(["STATUS_COMPLETED", "ALL_PACKS_ANSWERED"], "certificates.validation.rule");

export const issueSchema = z.object({
  memberId: z.string("certificates.validation.member").min(1, "certificates.validation.member").max(100),
  /** The name as the member chose to have it printed: always typed (or confirmed) by the organizer. */
  printedName: line(120, "certificates.validation.printedName"),
  /** Empty: today in the organization's time zone. */
  completedOn: z.union([z.literal(""), day]).optional(),
  /** Study hours; empty when not stated. */
  hours: z
    .union([z.literal(""), z.coerce.number("certificates.validation.hours").int("certificates.validation.hours").min(1, "certificates.validation.hours").max(10_000, "certificates.validation.hours")])
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v)),
  signerName: line(120, "certificates.validation.signerName"),
  signerTitle: line(120, "certificates.validation.signerTitle"),
});
export type IssueInput = z.infer<typeof issueSchema>;
export type IssueFormValues = z.input<typeof issueSchema>;

export const revokeSchema = z.object({
  certificateId: z.string().min(1).max(100),
  reason: line(500, "certificates.validation.reason"),
});
export type RevokeInput = z.infer<typeof revokeSchema>;

export const deliverySchema = z.object({
  certificateId: z.string().min(1).max(100),
  delivery: z.enum(["UNDECIDED", "NEXT_PACK", "MAILED_ALONE"]),
  mailedOn: z.union([z.literal(""), day]).optional(),
});
export type DeliveryInput = z.infer<typeof deliverySchema>;

/** What a visitor types on /verify: anything up to a sane length; lib/certificates/code.ts decides. */
export const verifyCodeSchema = z.object({ code: z.string().max(64) });
