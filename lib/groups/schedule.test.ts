import { describe, expect, it } from "vitest";
import { nextDueDate } from "@/lib/groups/schedule";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("nextDueDate", () => {
  it("is the last pack's due date plus the interval", () => {
    expect(nextDueDate({ intervalDays: 28 }, { dueDate: day("2026-03-12") })).toEqual(day("2026-04-09"));
  });
  it("counts from today when there is no dated pack yet, as a whole date", () => {
    expect(nextDueDate({ intervalDays: 14 }, null, new Date("2026-12-06T23:30:00Z"))).toEqual(day("2026-12-20"));
    expect(nextDueDate({ intervalDays: 14 }, { dueDate: null }, new Date("2026-12-06T05:00:00Z"))).toEqual(day("2026-12-20"));
  });
  it("crosses month and year ends and leap days", () => {
    expect(nextDueDate({ intervalDays: 7 }, { dueDate: day("2027-12-28") })).toEqual(day("2028-01-04"));
    expect(nextDueDate({ intervalDays: 1 }, { dueDate: day("2028-02-28") })).toEqual(day("2028-02-29"));
  });
  it("keeps a date in the past rather than skipping a late pack", () => {
    expect(nextDueDate({ intervalDays: 28 }, { dueDate: day("2020-01-01") }, day("2026-01-01"))).toEqual(day("2020-01-29"));
  });
  it("is null without a fixed schedule", () => {
    expect(nextDueDate({ intervalDays: null }, { dueDate: day("2026-01-01") })).toBeNull();
    expect(nextDueDate({ intervalDays: 0 }, null)).toBeNull();
  });
});
