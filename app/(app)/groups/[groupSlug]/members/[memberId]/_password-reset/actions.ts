"use server";
// An organizer makes a one-time reset link for a member with a login, to copy (audited;
// lib/auth/password-reset.ts). The token is returned once and never stored.
import { z } from "zod";
import { makePasswordResetLink } from "@/lib/auth/password-reset-link";
import { resetPath } from "@/lib/auth/password-reset-tokens";
import { groupAction } from "@/lib/server/actions";
import { groupSlugSchema } from "@/lib/validations/group";

export const makePasswordResetLinkAction = groupAction(
  "member.resetPassword",
  z.object({ groupSlug: groupSlugSchema, memberId: z.string().min(1).max(64) }),
  async (ctx, { memberId }) => {
    const link = await makePasswordResetLink(ctx, memberId);
    return { path: resetPath(link.token), expiresAt: link.expiresAt.toISOString() };
  }, { archived: "allowed" });
