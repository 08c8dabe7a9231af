// The import graph of a folder of TypeScript modules, read with the TypeScript compiler's own
// pre-processor (ts.preProcessFile): every `import … from`, `import type`, `export … from`,
// side-effect `import "x"`, `import("x")` and `require("x")`, and nothing inside a comment or a
// string. Only our own modules are followed ("@/…" and relative paths); packages are left out.
// Used by tests/lib-imports.test.ts to keep lib/ the system: no import of tests/ or scripts/, no
// import cycle.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export type ImportGraph = Map<string, string[]>; // module (relative to root, "/"-separated) → modules it imports

const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;
const isTest = (file: string) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(file);

function walk(dir: string, skip: (relative: string) => boolean, root: string, out: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const relative = path.relative(root, full).split(path.sep).join("/");
    if (skip(relative)) continue;
    if (entry.isDirectory()) walk(full, skip, root, out);
    else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(relative);
  }
  return out;
}

/** The file a specifier names, relative to root, or null for a package. Unresolvable paths keep their text, marked "?". */
export function resolveImport(root: string, from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith("./") || specifier.startsWith("../")) base = path.posix.join(path.posix.dirname(from), specifier);
  else return null;
  base = path.posix.normalize(base);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    const full = path.join(root, candidate);
    try {
      if (statSync(full).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return `?${base}`;
}

/**
 * The graph of the non-test modules under `folder` (a unit test imports factories from tests/ by
 * design, and nothing imports a test, so tests can be in no cycle). Edges to modules outside the
 * folder are kept, so a caller can see where the folder reaches.
 */
export function importGraph(root: string, folder: string, options: { skip?: (relative: string) => boolean } = {}): ImportGraph {
  const skip = (relative: string) => isTest(relative) || (options.skip?.(relative) ?? false);
  const graph: ImportGraph = new Map();
  for (const file of walk(path.join(root, folder), skip, root, [])) {
    const { importedFiles } = ts.preProcessFile(readFileSync(path.join(root, file), "utf8"), true, true);
    const targets = importedFiles.map((i) => resolveImport(root, file, i.fileName)).filter((t): t is string => t !== null);
    graph.set(file, [...new Set(targets)].sort());
  }
  return graph;
}

/**
 * Every import cycle, each as the path that closes it ("a → b → a"), one per strongly connected
 * group of modules (Tarjan's algorithm), so a tangle of ten modules is one finding, not hundreds.
 */
export function importCycles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];

  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1 || (graph.get(node) ?? []).includes(node)) groups.push(group);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);

  // Within each group, a shortest way from its first module back to itself, to show the cycle.
  return groups.map((group) => {
    const members = new Set(group);
    const start = [...group].sort()[0]!;
    const previous = new Map<string, string>();
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      const node = queue[i]!;
      for (const next of graph.get(node) ?? []) {
        if (!members.has(next)) continue;
        if (next === start) {
          const cycle = [start];
          for (let at: string | undefined = node; at !== undefined && at !== start; at = previous.get(at)) cycle.splice(1, 0, at);
          return [...cycle, start];
        }
        if (!previous.has(next)) {
          previous.set(next, node);
          queue.push(next);
        }
      }
    }
    return [...group, group[0]!];
  });
}
