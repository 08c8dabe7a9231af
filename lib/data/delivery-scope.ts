// What the mail log and the e-message log both start from: staff of the group only, and a
// published pack of the caller's group by its number. Apart from lib/data/deliveries.ts so that
// the e-message page does not import the mail log's functions (and their messages).
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { GroupContext } from "@/lib/authz";
import { canInGroup } from "@/lib/permissions";

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");

/** Only the group's staff manage deliveries; anyone else is told the page does not exist. */
export function assertStaff(ctx: GroupContext) {
  if (!canInGroup(ctx.roles, "delivery.manage")) throw notFound();
}

/** A published pack of the caller's group by its number; another group's or a draft is NOT_FOUND. */
export async function packOf(ctx: GroupContext, packNumber: number) {
  const pack = await db.pack.findFirst({ where: { groupId: ctx.group.id, number: packNumber, status: "PUBLISHED" }, select: { id: true, number: true, title: true } });
  if (!pack) throw notFound();
  return pack;
}
