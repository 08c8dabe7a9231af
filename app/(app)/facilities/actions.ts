"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { saveFacility } from "@/lib/data/facilities";
import { facilitySchema } from "@/lib/validations/facility";

export async function saveFacilityAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(z.object({ id: z.string().max(64).optional(), organizationId: z.string().min(1).max(64), values: facilitySchema }), input, async ({ id, organizationId, values }) => {
    const user = await getCurrentUser();
    if (!user) throw new AppError("NOT_FOUND", "errors.notFound");
    const saved = await saveFacility(user, { id, organizationId, values });
    revalidatePath("/facilities");
    return { id: saved.id };
  });
}
