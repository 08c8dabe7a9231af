"use server";
// Marking notifications read. Only the caller's own: another user's ids change nothing.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { markRead } from "@/lib/data/notifications";

const markReadSchema = z.object({ ids: z.union([z.literal("all"), z.array(z.string().min(1).max(64)).min(1).max(200)]) });

export async function markReadAction(input: unknown): Promise<ActionResult<{ count: number }>> {
  return runAction(markReadSchema, input, async ({ ids }) => {
    const user = await getCurrentUser();
    if (!user) throw new AppError("NOT_FOUND", "errors.notFound");
    const count = await markRead(user, ids);
    revalidatePath("/", "layout");
    return { count };
  });
}
