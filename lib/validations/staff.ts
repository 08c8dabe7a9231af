// The People page's forms (docs/decisions/028): inviting an organizer or a facilitator, and the
// role changes. Shared by the forms and the server.
import { z } from "zod";
import { emailField } from "@/lib/people/identity";

const email = emailField({ required: "people.validation.emailRequired", invalid: "people.validation.emailInvalid" });
const groupSlug = z.string().trim().min(1, "people.validation.groupRequired").max(100, "people.validation.groupRequired");

export const staffInvitationSchema = z
  .object({
    role: z.enum(["ORGANIZER", "FACILITATOR"], "people.validation.roleRequired"),
    email,
    /** The group of a facilitator; ignored for an organizer. */
    groupSlug: z.string().trim().max(100, "people.validation.groupRequired"),
  })
  .superRefine((v, ctx) => {
    if (v.role === "FACILITATOR" && v.groupSlug === "") ctx.addIssue({ code: "custom", path: ["groupSlug"], message: "people.validation.groupRequired" });
  });
export type StaffInvitationValues = z.output<typeof staffInvitationSchema>;
export type StaffInvitationInput = z.input<typeof staffInvitationSchema>;

export const userIdSchema = z.string().min(1).max(64);
export const assignFacilitatorSchema = z.object({ userId: userIdSchema, groupSlug });
