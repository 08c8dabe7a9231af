// One door: every export of a "use server" module and every handler a route.ts exports must be
// made by the entry layer (lib/server/actions.ts, lib/server/routes.ts). The modules are found
// from the file tree (tests/setup/entry-files.ts), so a file added tomorrow is covered the day
// it is added.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { entryKindOf } from "@/lib/server/entry";
import { actionModules, ROOT, routeModules } from "@/tests/setup/entry-files";

const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
// Route segment config that Next.js reads from a route.ts (not handlers).
const ROUTE_CONFIG = new Set(["dynamic", "dynamicParams", "revalidate", "fetchCache", "runtime", "preferredRegion", "maxDuration"]);

const load = async (file: string) => (await import(pathToFileURL(path.join(ROOT, file)).href)) as Record<string, unknown>;

describe("the entry layer guards every request", () => {
  it("finds the modules (the walk itself works)", () => {
    expect(actionModules).toContain("app/(app)/groups/[groupSlug]/packs/actions.ts");
    expect(routeModules).toContain("app/api/health/route.ts");
    expect(actionModules.length).toBeGreaterThan(10);
    expect(routeModules.length).toBeGreaterThan(8);
  });

  it.each(actionModules)("every export of %s is made by the entry layer", async (file) => {
    const exports = Object.entries(await load(file));
    expect(exports.length, "a 'use server' module with no exports").toBeGreaterThan(0);
    for (const [name, value] of exports) expect(entryKindOf(value), `${file}: export "${name}" bypasses lib/server`).not.toBeNull();
  });

  it.each(routeModules)("every handler of %s is made by the entry layer", async (file) => {
    for (const [name, value] of Object.entries(await load(file))) {
      if (ROUTE_CONFIG.has(name)) continue;
      expect(HTTP_METHODS.has(name), `${file}: export "${name}" is neither a handler nor route config`).toBe(true);
      expect(entryKindOf(value), `${file}: handler ${name} bypasses lib/server`).not.toBeNull();
    }
  });
});
