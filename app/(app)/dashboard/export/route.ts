// The dashboard's tables as CSV: groups (default), `?table=packs` (response rate per pack) or
// `?table=facilities` (returns and rejections). Organizers of the organization only. No legal
// names or facilities of people are in them (facility names are the organization's own), so
// nothing is audited.
import { getTranslations } from "next-intl/server";
import { getDashboard } from "@/lib/data/dashboard";
import { csvResponse, toCsv } from "@/lib/progress/csv";
import { dashboardFacilitiesCsv, dashboardGroupsCsv, dashboardPacksCsv } from "@/lib/progress/export";
import { organizationRoute } from "@/lib/server/routes";
import { dashboardExportQuery } from "@/lib/validations/organization-query";

export const dynamic = "force-dynamic";

export const GET = organizationRoute({ query: dashboardExportQuery }, async (ctx, { query: { table } }) => {
  const d = await getDashboard(ctx.user, ctx.organization.id, { all: true, perPack: table === "packs" });
  const [t, tLevels] = await Promise.all([getTranslations("progress"), getTranslations("levels")]);
  const levelName = (l: string) => tLevels(l as "INTRODUCTORY");
  const rows = table === "packs" ? dashboardPacksCsv(d, t, levelName) : table === "facilities" ? dashboardFacilitiesCsv(d, t) : dashboardGroupsCsv(d, t, levelName);
  return csvResponse(toCsv(rows), `dashboard-${table}.csv`);
});
