import { describe, expect, it } from "vitest";
import { TURNAROUND_CAP_WEEKS, turnaroundChannels, weeklyTurnaround } from "@/lib/progress/turnaround";

describe("weeklyTurnaround", () => {
  it("is empty with no answers", () => {
    expect(weeklyTurnaround([])).toEqual([]);
    expect(weeklyTurnaround([{ days: 3, cells: 0 }])).toEqual([]);
  });

  it("counts days into whole weeks at the boundaries, with no week skipped", () => {
    expect(weeklyTurnaround([{ days: 0, cells: 2 }, { days: 6, cells: 1 }, { days: 7, cells: 4 }, { days: 21, cells: 1 }])).toEqual([
      { week: 0, orMore: false, cells: 3 },
      { week: 1, orMore: false, cells: 4 },
      { week: 2, orMore: false, cells: 0 },
      { week: 3, orMore: false, cells: 1 },
    ]);
  });

  it("puts everything from the cap on in the last bar, so a year-late answer adds no bars", () => {
    const weeks = weeklyTurnaround([{ days: 1, cells: 5 }, { days: 83, cells: 1 }, { days: 84, cells: 2 }, { days: 436, cells: 3 }]);
    expect(weeks).toHaveLength(TURNAROUND_CAP_WEEKS + 1);
    expect(weeks[11]).toEqual({ week: 11, orMore: false, cells: 1 });
    expect(weeks[12]).toEqual({ week: 12, orMore: true, cells: 5 });
    expect(weeks.reduce((s, w) => s + w.cells, 0)).toBe(11);
  });
});

describe("turnaroundChannels (decision 049)", () => {
  it("draws online and mail always, e-message only when an answer came back that way", () => {
    expect(turnaroundChannels({ ONLINE: [], MAIL: [], EMESSAGE: [] })).toEqual(["ONLINE", "MAIL"]);
    expect(turnaroundChannels({ ONLINE: [{ days: 1, cells: 3 }], MAIL: [], EMESSAGE: [{ days: 4, cells: 0 }] })).toEqual(["ONLINE", "MAIL"]);
    expect(turnaroundChannels({ ONLINE: [], MAIL: [], EMESSAGE: [{ days: 6, cells: 1 }] })).toEqual(["ONLINE", "MAIL", "EMESSAGE"]);
  });
});

