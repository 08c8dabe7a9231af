"use server";
// The organization's settings: organizers of the organization `organizationId` names.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { saveOrganizationSettings } from "@/lib/data/organizations";
import { organizationAction } from "@/lib/server/actions";
import { organizationSettingsSchema } from "@/lib/validations/organization";
import { saveRetentionSettings } from "@/lib/retention/settings";
import { retentionSettingsSchema } from "@/lib/validations/retention";
import { saveEmessageLimits } from "@/lib/data/emessage-limits";
import { emessageLimitsSchema } from "@/lib/validations/emessage";

export const saveOrganizationSettingsAction = organizationAction(
  z.object({ organizationId: z.string().min(1).max(64), values: organizationSettingsSchema }),
  async (ctx, { values }) => {
    const saved = await saveOrganizationSettings(ctx, values);
    revalidatePath("/settings");
    return { id: saved.id };
  },
);

/** How long stored files are kept (docs/decisions/039); recorded in the audit log. */
export const saveRetentionSettingsAction = organizationAction(
  z.object({ organizationId: z.string().min(1).max(64), values: retentionSettingsSchema }),
  async (ctx, { values }) => {
    const saved = await saveRetentionSettings(ctx, values);
    revalidatePath("/settings");
    return saved;
  },
);

/** Characters per e-message for each service (docs/decisions/045); recorded in the audit log. */
export const saveEmessageLimitsAction = organizationAction(
  z.object({ organizationId: z.string().min(1).max(64), values: emessageLimitsSchema }),
  async (ctx, { values }) => {
    const saved = await saveEmessageLimits(ctx, values);
    revalidatePath("/settings");
    return saved;
  },
);
