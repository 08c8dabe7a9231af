import { describe, expect, it } from "vitest";
import { dashboardExportQuery, queryOf, rosterTemplateQuery } from "@/lib/validations/organization-query";
import { naughtyStrings } from "@/tests/setup/naughty-strings";

describe("organization download queries", () => {
  it("take a cuid and a known table, and default to the groups table", () => {
    expect(dashboardExportQuery.parse(queryOf("http://x/dashboard/export?org=c726d5b965c53d8c09f611758&table=packs"))).toEqual({ org: "c726d5b965c53d8c09f611758", table: "packs" });
    expect(dashboardExportQuery.parse(queryOf("http://x/dashboard/export?org="))).toEqual({ table: "groups" });
    expect(dashboardExportQuery.safeParse(queryOf("http://x/dashboard/export?table=members")).success).toBe(false);
  });

  it("refuse anything else as an organization", () => {
    for (const s of naughtyStrings.filter((s) => !/^[A-Za-z0-9_-]{1,64}$/.test(s) && s !== "")) {
      expect(rosterTemplateQuery.safeParse({ org: s }).success).toBe(false);
      expect(dashboardExportQuery.safeParse({ org: s }).success).toBe(false);
    }
  });
});
