// The progress matrix as CSV, with the page's filters. Staff of the group only; when it holds
// legal names and facilities, the download is written to the audit log.
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { authorizeGroup } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/data/audit";
import { getGroupProgress } from "@/lib/data/progress";
import { csvResponse, toCsv } from "@/lib/progress/csv";
import { matrixCsv } from "@/lib/progress/export";
import { parseProgressFilters, progressQuery } from "@/lib/progress/filters";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ groupSlug: string }> };

export async function GET(request: Request, { params }: Params) {
  const { groupSlug } = await params;
  const user = await getCurrentUser();
  if (!user) return new Response("Not found", { status: 404 });
  try {
    const ctx = await authorizeGroup(user, groupSlug, "progress.view");
    const { filters } = parseProgressFilters(Object.fromEntries(new URL(request.url).searchParams));
    const data = await getGroupProgress(ctx, { ...filters, open: undefined, upto: undefined }, new Date(), { allPacks: true });
    if (data.personal) {
      await writeAudit(db, { organizationId: ctx.group.organizationId, actorId: user.id, action: "progress.export", entityType: "Group", entityId: ctx.group.id, groupId: ctx.group.id, details: { filters: progressQuery(filters), rows: data.rows.length } });
    }
    const t = await getTranslations("progress");
    return csvResponse(toCsv(matrixCsv(data, t)), `progress-${ctx.group.slug}.csv`);
  } catch (error) {
    if (error instanceof AppError) return new Response("Not found", { status: 404 });
    throw error;
  }
}
