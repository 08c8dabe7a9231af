// The roster template: a CSV with the header and one example row, naming one of the
// organization's own groups and facilities so the example is valid as it stands.
import { rosterOrganizations } from "@/lib/data/roster";
import { rosterTemplate } from "@/lib/roster/csv";
import { organizationRoute } from "@/lib/server/routes";
import { rosterTemplateQuery } from "@/lib/validations/organization-query";

export const GET = organizationRoute({ query: rosterTemplateQuery }, async (ctx) => {
  const { groups, facilities } = await rosterOrganizations(ctx.user, ctx.organization.id);
  const body = rosterTemplate({ groupSlug: groups[0]?.slug ?? "intro", facilityName: facilities[0]?.name ?? "County Jail" });
  return new Response(body, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="roster-template.csv"', "cache-control": "no-store" } });
});
