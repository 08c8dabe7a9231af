// An archived group is read-only (docs/decisions/023): the entry layer refuses changes in it, so
// no action has to remember to. Pages and downloads still open, with a banner.
import "server-only";
import type { GroupContext } from "@/lib/authz";
import { AppError } from "@/lib/errors";

export type GroupEntryOptions = {
  /**
   * An archived group is read-only (decision 023): every action in it is refused with
   * "errors.groupArchived" unless it says "allowed" here — bringing the group back, and what
   * a person may always do about their own data (erasure, consent, corrections, moderation).
   */
  archived?: "allowed";
};

/** Refuses a change in an archived group, unless the entry allows it (GroupEntryOptions). */
export function checkArchived(context: GroupContext, options: GroupEntryOptions): GroupContext {
  if (context.group.archived && options.archived !== "allowed") throw new AppError("CONFLICT", "errors.groupArchived");
  return context;
}
