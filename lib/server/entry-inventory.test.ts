// One door: every export of a "use server" module and every handler a route.ts exports must be
// made by the entry layer (lib/server/actions.ts, lib/server/routes.ts). The modules are found
// from the file tree, so a file added tomorrow is covered the day it is added.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { entryKindOf } from "@/lib/server/entry";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SEARCHED = ["app", "lib", "components"];
const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
// Route segment config that Next.js reads from a route.ts (not handlers).
const ROUTE_CONFIG = new Set(["dynamic", "dynamicParams", "revalidate", "fetchCache", "runtime", "preferredRegion", "maxDuration"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name.startsWith(".") ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** A module whose first statement is the "use server" directive (comments may come before it). */
function isServerActionModule(source: string): boolean {
  const code = source.replace(/^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/, "");
  return /^["']use server["']/.test(code);
}

const files = SEARCHED.flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
const actionModules = files.filter((f) => isServerActionModule(readFileSync(f, "utf8")));
const routeModules = files.filter((f) => path.basename(f) === "route.ts");
const rel = (f: string) => path.relative(ROOT, f);

describe("the entry layer guards every request", () => {
  it("finds the modules (the walk itself works)", () => {
    expect(actionModules.length).toBeGreaterThan(10);
    expect(routeModules.length).toBeGreaterThan(8);
  });

  it.each(actionModules.map(rel))("every export of %s is made by the entry layer", async (file) => {
    const mod = (await import(pathToFileURL(path.join(ROOT, file)).href)) as Record<string, unknown>;
    const exports = Object.entries(mod).filter(([name]) => name !== "default" || mod.default !== undefined);
    expect(exports.length, "a 'use server' module with no exports").toBeGreaterThan(0);
    for (const [name, value] of exports) expect(entryKindOf(value), `${file}: export "${name}" bypasses lib/server`).not.toBeNull();
  });

  it.each(routeModules.map(rel))("every handler of %s is made by the entry layer", async (file) => {
    const mod = (await import(pathToFileURL(path.join(ROOT, file)).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (ROUTE_CONFIG.has(name)) continue;
      expect(HTTP_METHODS.has(name), `${file}: export "${name}" is neither a handler nor route config`).toBe(true);
      expect(entryKindOf(value), `${file}: handler ${name} bypasses lib/server`).not.toBeNull();
    }
  });
});
