import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { safeCell, toCsv } from "@/lib/progress/csv";
import { naughtyStrings } from "@/tests/setup/naughty-strings";

describe("CSV export", () => {
  it("defuses formulas and keeps numbers", () => {
    expect(safeCell("=HYPERLINK(\"x\")")).toBe("'=HYPERLINK(\"x\")");
    expect(safeCell("+1")).toBe("'+1");
    expect(safeCell("-2")).toBe("'-2");
    expect(safeCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(safeCell("\t=1")).toBe("'\t=1");
    expect(safeCell(-2)).toBe(-2);
    expect(safeCell(null)).toBe("");
    expect(safeCell("Lark")).toBe("Lark");
  });

  it("round-trips every naughty string, none of them left as a formula", () => {
    const csv = toCsv(naughtyStrings.map((s) => [s, 1]));
    const rows = parse(csv.slice(1), { relax_column_count: true }) as string[][];
    expect(rows).toHaveLength(naughtyStrings.length);
    rows.forEach((row, i) => {
      expect(row[0]).toBe(safeCell(naughtyStrings[i]));
      expect(row[0]).not.toMatch(/^[=+\-@\t\r]/);
    });
  });
});
