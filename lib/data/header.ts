// What the header of every signed-in page needs, in one statement: which links to show (the
// pages behind them check for themselves) and the unread notifications count (one indexed count).
// Every page view runs it, so it is one raw round trip rather than three Prisma queries.
import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";

export type HeaderFacts = { organizer: boolean; facilitator: boolean; unread: number };

export async function headerFacts(user: CurrentUser): Promise<HeaderFacts> {
  const [row] = await db.$queryRaw<HeaderFacts[]>`
    SELECT EXISTS (SELECT 1 FROM "Organizer" WHERE "userId" = ${user.id}) AS "organizer",
           EXISTS (SELECT 1 FROM "Facilitator" WHERE "userId" = ${user.id}) AS "facilitator",
           (SELECT count(*) FROM "Notification" WHERE "userId" = ${user.id} AND "readAt" IS NULL)::int AS "unread"`;
  return row!;
}
