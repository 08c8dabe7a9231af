// The dashboard's tables as CSV: groups (default), `?table=packs` (response rate per pack) or
// `?table=facilities` (returns and rejections). Organizers of the organization only. No legal
// names or facilities of people are in them (facility names are the organization's own), so
// nothing is audited.
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getDashboard } from "@/lib/data/dashboard";
import { csvResponse, toCsv } from "@/lib/progress/csv";
import { dashboardExportQuery, queryOf } from "@/lib/validations/organization-query";
import { dashboardFacilitiesCsv, dashboardGroupsCsv, dashboardPacksCsv } from "@/lib/progress/export";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Not found", { status: 404 });
  const query = dashboardExportQuery.safeParse(queryOf(request.url));
  if (!query.success) return new Response((await getTranslations("errors"))("badLink"), { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  const { org, table } = query.data;
  try {
    const d = await getDashboard(user, org, { perPack: table === "packs" });
    const [t, tLevels] = await Promise.all([getTranslations("progress"), getTranslations("levels")]);
    const levelName = (l: string) => tLevels(l as "INTRODUCTORY");
    const rows = table === "packs" ? dashboardPacksCsv(d, t, levelName) : table === "facilities" ? dashboardFacilitiesCsv(d, t) : dashboardGroupsCsv(d, t, levelName);
    return csvResponse(toCsv(rows), `dashboard-${table}.csv`);
  } catch (error) {
    if (error instanceof AppError) return new Response("Not found", { status: 404 });
    throw error;
  }
}
