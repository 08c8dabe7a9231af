// Query parameters of the organization-wide downloads (dashboard CSVs, roster template), parsed
// before anything is read. Ids are cuids; anything else is a bad request, not a lookup.
import { z } from "zod";

export const organizationIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const rosterTemplateQuery = z.object({ org: organizationIdParam.optional() });

export const dashboardExportQuery = z.object({
  org: organizationIdParam.optional(),
  table: z.enum(["groups", "packs", "facilities"]).default("groups"),
});

/** The URL's parameters as an object, an empty value counting as absent. */
export function queryOf(url: string): Record<string, string> {
  return Object.fromEntries([...new URL(url).searchParams].filter(([, v]) => v !== ""));
}
