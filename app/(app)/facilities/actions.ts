"use server";
// Facilities and their mail rules: organizers of the organization `organizationId` names.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { saveFacility } from "@/lib/data/facilities";
import { organizationAction } from "@/lib/server/actions";
import { facilitySchema } from "@/lib/validations/facility";

export const saveFacilityAction = organizationAction(
  z.object({ id: z.string().max(64).optional(), organizationId: z.string().min(1).max(64), values: facilitySchema }),
  async (ctx, { id, values }) => {
    const saved = await saveFacility(ctx, { id, values });
    revalidatePath("/facilities");
    return { id: saved.id };
  },
);
