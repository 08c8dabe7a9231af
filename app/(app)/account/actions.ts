"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setEmailPreference } from "@/lib/data/notifications";
import { userAction } from "@/lib/server/actions";
import { accountSchema } from "@/lib/validations/discussion";

export const updateAccountAction = userAction(z.object({ values: accountSchema }), async (user, { values }) => {
  await setEmailPreference(user, values.emailNotifications);
  revalidatePath("/account");
  return null;
});
