"use server";
// Marking notifications read. Only the caller's own: another user's ids change nothing.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { markRead } from "@/lib/data/notifications";
import { userAction } from "@/lib/server/actions";

const markReadSchema = z.object({ ids: z.union([z.literal("all"), z.array(z.string().min(1).max(64)).min(1).max(200)]) });

export const markReadAction = userAction(markReadSchema, async (user, { ids }) => {
  const count = await markRead(user, ids);
  revalidatePath("/", "layout");
  return { count };
});
