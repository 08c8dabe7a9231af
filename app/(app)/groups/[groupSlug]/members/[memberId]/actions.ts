"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { authorizeGroup } from "@/lib/authz";
import { runAction, type ActionResult } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { eraseMember } from "@/lib/data/member-data";
import { eraseSchema } from "@/lib/validations/member";

export async function eraseMemberAction(input: unknown): Promise<ActionResult<null>> {
  const result = await runAction(z.object({ groupSlug: z.string().min(1).max(100), memberId: z.string().min(1).max(64), values: eraseSchema }), input, async ({ groupSlug, memberId, values }) => {
    const user = await getCurrentUser();
    if (!user) throw new AppError("NOT_FOUND", "errors.notFound");
    await eraseMember(await authorizeGroup(user, groupSlug, "member.erase"), memberId, values.confirmation);
    revalidatePath(`/groups/${groupSlug}/members`);
    return null;
  });
  if (!result.ok && result.formError === "roster.erase.confirmationWrong") return { ok: false, fieldErrors: { "values.confirmation": result.formError }, formError: null };
  return result;
}
