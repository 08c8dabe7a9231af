import { describe, expect, it } from "vitest";
import { CELL_STATES } from "@/lib/progress/cell-state";
import { STATE_CELL_VARIANTS, STATE_CLASSES, STATE_CODES } from "@/components/progress/state-style";

describe("cell looks", () => {
  it("are the same in the matrix (by state letter) as in the legend", () => {
    const variants = STATE_CELL_VARIANTS.split(" ");
    const expected = CELL_STATES.flatMap((s) => STATE_CLASSES[s].split(" ").map((c) => `[&_td[data-s=${STATE_CODES[s]}]]:${c}`));
    expect([...variants].sort()).toEqual([...expected].sort());
    expect(new Set(Object.values(STATE_CODES)).size).toBe(CELL_STATES.length);
  });
});
