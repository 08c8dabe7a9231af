// The modules that take requests, found from the file tree: every "use server" module and every
// route.ts under app/, lib/ and components/. Read by the tests that guard the entry layer.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const SEARCHED = ["app", "lib", "components"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".") ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** A module whose first statement is the "use server" directive (comments may come before it). */
export function isServerActionModule(source: string): boolean {
  const code = source.replace(/^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/, "");
  return /^["']use server["']/.test(code);
}

const files = SEARCHED.flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
const rel = (f: string) => path.relative(ROOT, f);

export const actionModules = files.filter((f) => isServerActionModule(readFileSync(f, "utf8"))).map(rel);
export const routeModules = files.filter((f) => path.basename(f) === "route.ts").map(rel);
