// lib/ holds only the system (docs/decisions/021): what the app runs. Benchmark generators and
// load tools live in scripts/, test helpers in tests/, and lib/ reaches neither, so nothing the
// app ships depends on a tool or a test. And lib/ has no import cycle: a cycle is two modules
// that can only be understood (and loaded) together, which is how the print loader and the
// replies query once ended up importing each other.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importCycles, importGraph } from "@/tests/setup/import-graph";

const ROOT = path.resolve(import.meta.dirname, "..");
// Prisma's generated client is made by `prisma generate`, not written by us.
const graph = importGraph(ROOT, "lib", { skip: (file) => file === "lib/generated" });

describe("lib/ is the system", () => {
  it("reads the modules of lib/ (the walk finds the app's own imports)", () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get("lib/data/members.ts")).toContain("lib/db.ts");
  });

  it("imports nothing from tests/ or scripts/, and every import it names exists", () => {
    const wrong = [...graph].flatMap(([file, targets]) =>
      targets.filter((t) => t.startsWith("tests/") || t.startsWith("scripts/") || t.startsWith("?")).map((t) => `${file} → ${t}`),
    );
    expect(wrong).toEqual([]);
  });

  it("has no import cycle (type-only imports count: they tie the modules' meaning together)", () => {
    expect(importCycles(graph).map((cycle) => cycle.join(" → "))).toEqual([]);
  });
});

describe("the import walk", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "studypack-imports-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };

  it("finds every kind of import, a cycle through a type import and a dynamic one, and a reach into tests/", () => {
    write("lib/a.ts", 'import type { B } from "@/lib/b";\n// import { nothing } from "@/lib/c" — a comment is not an import\nexport type A = B;\n');
    write("lib/b.ts", 'export type B = string;\nexport async function c() { return import("./c"); }\n');
    write("lib/c.ts", 'export * from "@/lib/a";\nimport "server-only";\n');
    write("lib/d.ts", 'import { helper } from "../tests/helper";\nimport { tool } from "@/scripts/tool";\nexport const d = helper + tool;\n');
    write("lib/self.ts", 'export { self } from "./self";\n');
    write("lib/d.test.ts", 'import { helper } from "@/tests/helper";\nimport "@/lib/d";\n');
    write("lib/gone.ts", 'import { x } from "@/lib/missing";\n');
    write("tests/helper.ts", "export const helper = 1;\n");
    write("scripts/tool.ts", "export const tool = 2;\n");

    const small = importGraph(dir, "lib");
    expect([...small.keys()].sort()).toEqual(["lib/a.ts", "lib/b.ts", "lib/c.ts", "lib/d.ts", "lib/gone.ts", "lib/self.ts"]);
    expect(small.get("lib/a.ts")).toEqual(["lib/b.ts"]);
    expect(small.get("lib/d.ts")).toEqual(["scripts/tool.ts", "tests/helper.ts"]);
    expect(small.get("lib/gone.ts")).toEqual(["?lib/missing"]);
    expect(importCycles(small).map((c) => c.join(" → ")).sort()).toEqual(["lib/a.ts → lib/b.ts → lib/c.ts → lib/a.ts", "lib/self.ts → lib/self.ts"]);
  });
});
