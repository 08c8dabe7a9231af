// The progress matrix as CSV, with the page's filters. Staff of the group only; when it holds
// legal names and facilities, the download is written to the audit log.
import { getTranslations } from "next-intl/server";
import { exportGroupProgress } from "@/lib/data/progress";
import { csvResponse, toCsv } from "@/lib/progress/csv";
import { matrixCsv } from "@/lib/progress/export";
import { parseProgressFilters } from "@/lib/progress/filters";
import { groupRoute } from "@/lib/server/routes";

export const dynamic = "force-dynamic";

// The filters are parsed leniently on purpose, as on the page: an unknown value means "all".
export const GET = groupRoute("progress.view", {}, async (ctx, { request }) => {
  const { filters } = parseProgressFilters(Object.fromEntries(new URL(request.url).searchParams));
  const data = await exportGroupProgress(ctx, filters);
  const t = await getTranslations("progress");
  return csvResponse(toCsv(matrixCsv(data, t)), `progress-${ctx.group.slug}.csv`);
});
