"use server";
// Filing a previewed e-message reply (docs/decisions/046). Staff who may transcribe in the group;
// the member must be in it (another group's member is not found) and take part by e-message.
import { revalidatePath } from "next/cache";
import { fileEmessageReply } from "@/lib/data/emessage-replies";
import { groupAction } from "@/lib/server/actions";
import { fileEmessageReplySchema } from "@/lib/validations/emessage-reply";

export const fileEmessageReplyAction = groupAction("response.transcribe", fileEmessageReplySchema, async (ctx, { groupSlug, ...input }) => {
  const result = await fileEmessageReply(ctx, input);
  revalidatePath(`/groups/${groupSlug}/members/${input.memberId}/emessage`);
  revalidatePath(`/groups/${groupSlug}/progress`);
  return { repeated: result.repeated, filed: result.filed.filter((f) => !f.repeated).length };
});
