"use server";
// A group's settings and its archiving: "group.manage", which only organizers hold (decision 023).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setGroupArchived, updateGroup } from "@/lib/data/group-admin";
import { groupAction } from "@/lib/server/actions";
import { groupSlugSchema } from "@/lib/validations/group";
import { groupFormSchema } from "@/lib/validations/group-form";

export const updateGroupAction = groupAction("group.manage", z.object({ groupSlug: groupSlugSchema, values: groupFormSchema }), async (ctx, { values }) => {
  const saved = await updateGroup(ctx, values);
  revalidatePath("/");
  revalidatePath(`/groups/${ctx.group.slug}`, "layout");
  return saved;
});

export const setGroupArchivedAction = groupAction("group.manage", z.object({ groupSlug: groupSlugSchema, archived: z.boolean() }), async (ctx, { archived }) => {
  await setGroupArchived(ctx, archived);
  revalidatePath("/");
  revalidatePath(`/groups/${ctx.group.slug}`, "layout");
  return { archived };
}, { archived: "allowed" });
