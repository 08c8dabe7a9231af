// The roster template: a CSV with the header and one example row, naming one of the
// organization's own groups and facilities so the example is valid as it stands.
import { getTranslations } from "next-intl/server";
import { AppError } from "@/lib/errors";
import { getCurrentUser } from "@/lib/auth/session";
import { rosterOrganizations } from "@/lib/data/roster";
import { rosterTemplate } from "@/lib/roster/csv";
import { queryOf, rosterTemplateQuery } from "@/lib/validations/organization-query";

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Not found", { status: 404 });
  const query = rosterTemplateQuery.safeParse(queryOf(request.url));
  if (!query.success) return new Response((await getTranslations("errors"))("badLink"), { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  const { org } = query.data;
  try {
    const { groups, facilities } = await rosterOrganizations(user, org);
    const body = rosterTemplate({ groupSlug: groups[0]?.slug ?? "intro", facilityName: facilities[0]?.name ?? "County Jail" });
    return new Response(body, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="roster-template.csv"', "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof AppError) return new Response("Not found", { status: 404 });
    throw error;
  }
}
