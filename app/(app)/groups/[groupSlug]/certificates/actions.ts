"use server";
// Certificates of a group: issue, revoke, and how each goes out. Organizers only ("group.manage";
// PRODUCT.md: organizers issue certificates). docs/decisions/047-certificates.md
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { issueCertificate, revokeCertificate, setCertificateDelivery, setCompletionRule } from "@/lib/data/certificates";
import { groupAction } from "@/lib/server/actions";
import { completionRuleSchema, deliverySchema, issueSchema, revokeSchema } from "@/lib/validations/certificate";
import { groupSlugSchema } from "@/lib/validations/group";

export const issueCertificateAction = groupAction("group.manage", z.object({ groupSlug: groupSlugSchema, values: issueSchema }), async (ctx, { values }) => {
  const issued = await issueCertificate(ctx, values);
  revalidatePath(`/groups/${ctx.group.slug}/certificates`);
  return issued;
});

export const revokeCertificateAction = groupAction("group.manage", z.object({ groupSlug: groupSlugSchema, values: revokeSchema }), async (ctx, { values }) => {
  const revoked = await revokeCertificate(ctx, values);
  revalidatePath(`/groups/${ctx.group.slug}/certificates`);
  return revoked;
});

export const setCertificateDeliveryAction = groupAction("group.manage", z.object({ groupSlug: groupSlugSchema, values: deliverySchema }), async (ctx, { values }) => {
  const saved = await setCertificateDelivery(ctx, values);
  revalidatePath(`/groups/${ctx.group.slug}/certificates`);
  return saved;
});

/** When a member of this group has completed the course (shown on the group settings page). */
export const setCompletionRuleAction = groupAction("group.manage", z.object({ groupSlug: groupSlugSchema, rule: completionRuleSchema }), async (ctx, { rule }) => {
  const saved = await setCompletionRule(ctx, rule);
  revalidatePath(`/groups/${ctx.group.slug}/settings`);
  revalidatePath(`/groups/${ctx.group.slug}/certificates`);
  return saved;
});
