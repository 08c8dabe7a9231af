"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { saveOrganizationSettings } from "@/lib/data/organizations";
import { organizationSettingsSchema } from "@/lib/validations/organization";

export async function saveOrganizationSettingsAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(z.object({ organizationId: z.string().min(1).max(64), values: organizationSettingsSchema }), input, async ({ organizationId, values }) => {
    const user = await getCurrentUser();
    if (!user) throw new AppError("NOT_FOUND", "errors.notFound");
    const saved = await saveOrganizationSettings(user, organizationId, values);
    revalidatePath("/settings");
    return { id: saved.id };
  });
}
