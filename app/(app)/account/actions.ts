"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { setEmailPreference } from "@/lib/data/notifications";
import { accountSchema } from "@/lib/validations/discussion";

export async function updateAccountAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(z.object({ values: accountSchema }), input, async ({ values }) => {
    const user = await getCurrentUser();
    if (!user) throw new AppError("NOT_FOUND", "errors.notFound");
    await setEmailPreference(user, values.emailNotifications);
    revalidatePath("/account");
    return null;
  });
}
