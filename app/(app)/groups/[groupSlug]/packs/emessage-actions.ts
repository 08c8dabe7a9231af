"use server";
// Server actions of the e-message channel's log (docs/decisions/045), each made by groupAction
// (lib/server) with delivery.manage in the group `groupSlug` names; lib/data/emessage-deliveries.ts
// scopes every delivery and message to that group's published pack.
import { revalidatePath } from "next/cache";
import { markEmessagesSent, prepareEmessages, recordByPostMailed, recordEmessageEvent } from "@/lib/data/emessage-deliveries";
import { groupAction } from "@/lib/server/actions";
import { byPostMailedSchema, emessageEventSchema, markEmessagesSentSchema, prepareEmessagesSchema } from "@/lib/validations/emessage-log";

const logPath = (slug: string, n: number) => `/groups/${slug}/packs/${n}/emessage`;

/** Makes the member's messages, or makes them again while none is sent. */
export const prepareEmessagesAction = groupAction("delivery.manage", prepareEmessagesSchema, async (ctx, { groupSlug, packNumber, deliveryId }) => {
  const result = await prepareEmessages(ctx, packNumber, deliveryId);
  revalidatePath(logPath(groupSlug, packNumber));
  return result;
});

/** One message (partId) or all of the member's unsent ones, marked sent. */
export const markEmessagesSentAction = groupAction("delivery.manage", markEmessagesSentSchema, async (ctx, { groupSlug, packNumber, deliveryId, partId }) => {
  const result = await markEmessagesSent(ctx, { packNumber, deliveryId, partId });
  revalidatePath(logPath(groupSlug, packNumber));
  return result;
});

export const recordEmessageEventAction = groupAction("delivery.manage", emessageEventSchema, async (ctx, { groupSlug, packNumber, deliveryId, values }) => {
  const result = await recordEmessageEvent(ctx, { packNumber, deliveryId, ...values });
  revalidatePath(logPath(groupSlug, packNumber));
  return result;
});

export const recordByPostMailedAction = groupAction("delivery.manage", byPostMailedSchema, async (ctx, { groupSlug, packNumber, deliveryId, values }) => {
  await recordByPostMailed(ctx, { packNumber, deliveryId, occurredOn: values.occurredOn });
  revalidatePath(logPath(groupSlug, packNumber));
  return null;
});
