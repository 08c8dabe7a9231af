"use server";
// The facilitators' choice for a scanned reading and a facility that forbids images (decision
// 030): send it anyway, or leave it out for that facility's members. Made by groupAction: staff
// with delivery.manage, and refused in an archived group like every change.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { chooseScannedReading } from "@/lib/data/scanned-readings";
import { groupAction } from "@/lib/server/actions";

const chooseSchema = z.object({
  groupSlug: z.string().min(1).max(100),
  packNumber: z.coerce.number().int().min(1).max(100_000),
  readingId: z.string().min(1).max(64),
  facilityId: z.string().min(1).max(64),
  send: z.boolean(),
});

export const chooseScannedReadingAction = groupAction("delivery.manage", chooseSchema, async (ctx, { groupSlug, ...input }) => {
  const item = await chooseScannedReading(ctx, input);
  revalidatePath(`/groups/${groupSlug}/packs/${input.packNumber}/mail`);
  return { send: item.choice!.send };
});
