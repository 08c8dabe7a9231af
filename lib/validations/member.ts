// Adding and moving mail members. Shared by the forms and the server.
import { z } from "zod";
import type { MemberStatus } from "@/lib/generated/prisma/enums";
import { penNameSchema } from "@/lib/validations/invitation";
import { isoDateSchema } from "@/lib/validations/mail";
import { stripNul } from "@/lib/validations/text";
import { emailField, idNumberField } from "@/lib/people/identity";

const text = (max: number, required?: string) => {
  const base = z.string().transform(stripNul).pipe(z.string().trim().max(max, "members.validation.tooLong"));
  return required ? base.pipe(z.string().min(1, required)) : base;
};

// Tidied and checked as lib/people/identity.ts says: what is stored is what the packs print.
const idNumber = idNumberField({ required: "members.validation.idRequired", tooLong: "members.validation.tooLong", invalid: "members.validation.idInvalid" });

export const mailMemberSchema = z.object({
  legalName: text(120, "members.validation.legalNameRequired"),
  penName: penNameSchema,
  facilityId: z.string().min(1, "members.validation.facilityRequired").max(64),
  idNumber,
  housingUnit: text(80),
});
export type MailMemberInput = z.infer<typeof mailMemberSchema>;

export const transferSchema = z.object({
  facilityId: z.string().min(1, "members.validation.facilityRequired").max(64),
  idNumber,
  housingUnit: text(80),
  occurredOn: isoDateSchema,
  reason: text(300),
});
export type TransferInput = z.infer<typeof transferSchema>;

/**
 * The lifecycle changes staff may record, and the statuses each may start from. A withdrawn or
 * moved enrolment is closed: nothing starts from it. Shared so the form offers only what the
 * server will accept.
 */
export const MEMBER_CHANGES = {
  pause: { from: ["ACTIVE"], to: "PAUSED" },
  resume: { from: ["PAUSED"], to: "ACTIVE" },
  complete: { from: ["ACTIVE", "PAUSED"], to: "COMPLETED" },
  withdraw: { from: ["ACTIVE", "PAUSED"], to: "WITHDRAWN" },
} as const satisfies Record<string, { from: readonly MemberStatus[]; to: MemberStatus }>;
export type MemberChange = keyof typeof MEMBER_CHANGES;
export const MEMBER_CHANGE_KEYS = Object.keys(MEMBER_CHANGES) as [MemberChange, ...MemberChange[]];

/** Statuses a member may be moved to another group from (moving up after completing is usual). */
export const MOVABLE_STATUSES = ["ACTIVE", "PAUSED", "COMPLETED"] as const satisfies readonly MemberStatus[];

export function changesFrom(status: string): MemberChange[] {
  return MEMBER_CHANGE_KEYS.filter((k) => (MEMBER_CHANGES[k].from as readonly string[]).includes(status));
}

export const statusChangeSchema = z.object({
  change: z.enum(MEMBER_CHANGE_KEYS, "members.validation.changeRequired"),
  occurredOn: isoDateSchema,
  reason: text(300),
});
export type StatusChangeInput = z.infer<typeof statusChangeSchema>;

const movePenName = z
  .string()
  .transform(stripNul)
  .pipe(
    z
      .string()
      .trim()
      .min(2, "members.validation.penNameTooShort")
      .max(40, "members.validation.penNameTooLong")
      .refine((v) => !/[\u0000-\u001f\u007f<>]/.test(v), "members.validation.penNameInvalid"),
  );

export const moveSchema = z.object({
  targetGroupId: z.string().min(1, "members.validation.groupRequired").max(64),
  penName: movePenName,
  occurredOn: isoDateSchema,
  reason: text(300),
});
export type MoveInput = z.infer<typeof moveSchema>;

/**
 * Release: a mail member becomes an online member. The email receives their invitation; the
 * facility, ID number and unit leave the active record (they stay in the history).
 */
export const releaseSchema = z.object({
  email: emailField({ required: "roster.release.emailRequired", invalid: "roster.release.emailInvalid" }),
  occurredOn: isoDateSchema,
  reason: text(300),
});
export type ReleaseInput = z.infer<typeof releaseSchema>;

/** Erasure is confirmed by typing the member's pen name. */
export const eraseSchema = z.object({ confirmation: z.string().transform(stripNul).pipe(z.string().trim().min(1, "roster.erase.confirmationRequired").max(100, "roster.erase.confirmationWrong")) });
export type EraseInput = z.infer<typeof eraseSchema>;
