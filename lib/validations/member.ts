// Adding and moving mail members. Shared by the forms and the server.
import { z } from "zod";
import { penNameSchema } from "@/lib/validations/invitation";
import { isoDateSchema } from "@/lib/validations/mail";
import { stripNul } from "@/lib/validations/text";

const text = (max: number, required?: string) => {
  const base = z.string().transform(stripNul).pipe(z.string().trim().max(max, "members.validation.tooLong"));
  return required ? base.pipe(z.string().min(1, required)) : base;
};

export const mailMemberSchema = z.object({
  legalName: text(120, "members.validation.legalNameRequired"),
  penName: penNameSchema,
  facilityId: z.string().min(1, "members.validation.facilityRequired").max(64),
  idNumber: text(40, "members.validation.idRequired"),
  housingUnit: text(80),
});
export type MailMemberInput = z.infer<typeof mailMemberSchema>;

export const transferSchema = z.object({
  facilityId: z.string().min(1, "members.validation.facilityRequired").max(64),
  idNumber: text(40, "members.validation.idRequired"),
  housingUnit: text(80),
  occurredOn: isoDateSchema,
  reason: text(300),
});
export type TransferInput = z.infer<typeof transferSchema>;
