// Adding a member who gets packs on paper or by prison e-message, in one step (docs/decisions/049).
// Shared by the form and the server. An e-message member is a mail member plus the service and
// their identifier in it: the facility and ID number stay required (they are who the person is
// on the roster, and readings marked "by mail only" are posted to that facility), and the service
// and identifier are checked exactly as the switch to e-message checks them (lib/validations/emessage.ts).
//
// The form is flat (one set of fields, the service ones shown for e-message only), so the schema
// is too; what comes out says the channel once: `emessage` is null for mail, the checked pair for
// e-message. For mail the service fields are ignored, whatever they hold.
import { z } from "zod";
import { emessageContactSchema, emessageServiceSchema, type EmessageChannelValues } from "@/lib/validations/emessage";
import { mailMemberSchema } from "@/lib/validations/member";

export const ADD_MEMBER_CHANNELS = ["MAIL", "EMESSAGE"] as const;
export type AddMemberChannel = (typeof ADD_MEMBER_CHANNELS)[number];

export const addMemberSchema = mailMemberSchema
  .extend({
    channel: z.enum(ADD_MEMBER_CHANNELS, "members.addChannel.channelRequired"),
    service: z.unknown().optional(),
    contact: z.unknown().optional(),
  })
  .transform(({ channel, service, contact, ...member }, ctx) => {
    if (channel === "MAIL") return { ...member, emessage: null as EmessageChannelValues | null };
    const checkedService = emessageServiceSchema.safeParse(service);
    const checkedContact = emessageContactSchema.safeParse(contact);
    if (!checkedService.success) ctx.addIssue({ code: "custom", message: checkedService.error.issues[0]?.message ?? "emessage.validation.serviceRequired", path: ["service"] });
    if (!checkedContact.success) ctx.addIssue({ code: "custom", message: checkedContact.error.issues[0]?.message ?? "emessage.validation.contactRequired", path: ["contact"] });
    if (!checkedService.success || !checkedContact.success) return z.NEVER;
    return { ...member, emessage: { service: checkedService.data, contact: checkedContact.data } as EmessageChannelValues | null };
  });

export type AddMemberInput = z.input<typeof addMemberSchema>;
export type AddMemberValues = z.output<typeof addMemberSchema>;
