"use server";
// Erasing a member's personal data (organizers). A wrong confirmation comes back on its field.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { eraseMember } from "@/lib/data/member-data";
import { groupAction } from "@/lib/server/actions";
import { eraseSchema } from "@/lib/validations/member";
import { groupSlugSchema } from "@/lib/validations/group";

export const eraseMemberAction = groupAction(
  "member.erase",
  z.object({ groupSlug: groupSlugSchema, memberId: z.string().min(1).max(64), values: eraseSchema }),
  async (ctx, { memberId, values }) => {
    await eraseMember(ctx, memberId, values.confirmation);
    revalidatePath(`/groups/${ctx.group.slug}/members`);
    return null;
  }, { archived: "allowed" });
