"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { authorizeGroup } from "@/lib/authz";
import { runAction, type ActionResult } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { addMailMember, changeMemberStatus, moveMember, switchChannel, transferMember } from "@/lib/data/members";
import type { GroupAction } from "@/lib/permissions";
import { mailMemberSchema, moveSchema, statusChangeSchema, transferSchema } from "@/lib/validations/member";

async function context(groupSlug: string, action: GroupAction) {
  const user = await getCurrentUser();
  if (!user) throw new AppError("NOT_FOUND", "errors.notFound");
  return authorizeGroup(user, groupSlug, action);
}

const slug = z.string().min(1).max(100);
const id = z.string().min(1).max(64);

export async function addMailMemberAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(z.object({ groupSlug: slug, values: mailMemberSchema }), input, async ({ groupSlug, values }) => {
    const member = await addMailMember(await context(groupSlug, "member.invite"), values);
    revalidatePath(`/groups/${groupSlug}/members`);
    return { id: member.id };
  });
}

export async function transferMemberAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(z.object({ groupSlug: slug, memberId: id, values: transferSchema }), input, async ({ groupSlug, memberId, values }) => {
    await transferMember(await context(groupSlug, "member.viewPersonal"), memberId, values);
    revalidatePath(`/groups/${groupSlug}/members`);
    return null;
  });
}

export async function switchChannelAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(z.object({ groupSlug: slug, memberId: id, channel: z.enum(["ONLINE", "MAIL"]) }), input, async ({ groupSlug, memberId, channel }) => {
    await switchChannel(await context(groupSlug, "member.viewPersonal"), memberId, channel);
    revalidatePath(`/groups/${groupSlug}/members`);
    return null;
  });
}

export async function changeMemberStatusAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(z.object({ groupSlug: slug, memberId: id, values: statusChangeSchema }), input, async ({ groupSlug, memberId, values }) => {
    await changeMemberStatus(await context(groupSlug, "member.viewPersonal"), memberId, values);
    revalidatePath(`/groups/${groupSlug}/members`);
    return null;
  });
}

export async function moveMemberAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(z.object({ groupSlug: slug, memberId: id, values: moveSchema }), input, async ({ groupSlug, memberId, values }) => {
    const moved = await moveMember(await context(groupSlug, "roster.manage"), memberId, values);
    revalidatePath(`/groups/${groupSlug}/members`);
    return { id: moved.id };
  });
  // A pen name already used in the new group: the form asks for another, on the field itself.
  if (!result.ok && result.formError === "members.errors.penNameTaken") return { ok: false, fieldErrors: { "values.penName": result.formError }, formError: result.formError };
  return result;
}
