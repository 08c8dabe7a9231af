// Members' contact details (docs/decisions/028): adding an online member by e-mail, and
// correcting a member's personal details. Shared by the forms and the server.
import { z } from "zod";
import { penNameSchema } from "@/lib/validations/invitation";
import { stripNul } from "@/lib/validations/text";
import { checkEmail, emailField, idNumberField } from "@/lib/people/identity";

const text = (max: number, required?: string) => {
  const base = z.string().transform(stripNul).pipe(z.string().trim().max(max, "members.validation.tooLong"));
  return required ? base.pipe(z.string().min(1, required)) : base;
};

export const onlineMemberSchema = z.object({
  legalName: text(120, "members.validation.legalNameRequired"),
  email: emailField({ required: "members.validation.emailRequired", invalid: "members.validation.emailInvalid" }),
  /** Empty: a free "Reader 1234" is chosen, which the member can keep or staff can change. */
  penName: z.union([z.literal(""), penNameSchema]),
});
export type OnlineMemberValues = z.output<typeof onlineMemberSchema>;
export type OnlineMemberInput = z.input<typeof onlineMemberSchema>;

/**
 * A correction of what was recorded wrong (a misspelt name, a mistyped number). A move to
 * another facility is a transfer, with its date, not a correction. An e-mail may be emptied only
 * for someone without one needed to sign in (checked on the server).
 */
export const memberDetailsSchema = z.object({
  legalName: text(120, "members.validation.legalNameRequired"),
  email: z.string().transform((raw, ctx) => {
    const check = checkEmail(raw);
    if (check.ok) return check.value;
    if (check.problem === "missing") return "";
    ctx.addIssue({ code: "custom", message: "members.validation.emailInvalid" });
    return z.NEVER;
  }),
  idNumber: idNumberField({ tooLong: "members.validation.tooLong", invalid: "members.validation.idInvalid" }),
  housingUnit: text(80),
  reason: text(300),
});
export type MemberDetailsValues = z.output<typeof memberDetailsSchema>;
export type MemberDetailsInput = z.input<typeof memberDetailsSchema>;
