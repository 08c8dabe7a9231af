"use server";
// Creating a group: organizers of the organization `organizationId` names (decision 023).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createGroup } from "@/lib/data/group-admin";
import { organizationAction } from "@/lib/server/actions";
import { groupFormSchema } from "@/lib/validations/group-form";

export const createGroupAction = organizationAction(
  z.object({ organizationId: z.string().min(1).max(64), values: groupFormSchema }),
  async (ctx, { values }) => {
    const created = await createGroup(ctx, values);
    revalidatePath("/");
    return created;
  },
);
