// "Today" across a time zone's boundary: the calendar day is the organization's, not UTC's.
import { describe, expect, it } from "vitest";
import { calendarDay, dayAsDate, isTimeZone, timeZoneChoices, todayDate, todayIn } from "@/lib/dates";

describe("today in the organization's time zone", () => {
  it("23:30 in Los Angeles is still today there, though tomorrow in UTC", () => {
    const evening = new Date("2026-12-07T07:30:00Z"); // 23:30 on 6 December in Los Angeles (PST, UTC−8)
    expect(todayIn("America/Los_Angeles", evening)).toBe("2026-12-06");
    expect(todayIn("UTC", evening)).toBe("2026-12-07");
    expect(todayDate("America/Los_Angeles", evening).toISOString()).toBe("2026-12-06T00:00:00.000Z");
  });

  it("just after midnight in Auckland is already tomorrow there", () => {
    const morning = new Date("2026-12-06T11:05:00Z"); // 00:05 on 7 December in Auckland (NZDT, UTC+13)
    expect(todayIn("Pacific/Auckland", morning)).toBe("2026-12-07");
  });

  it("follows daylight saving: the same UTC hour is a different local day in summer and winter", () => {
    expect(calendarDay(new Date("2026-07-01T06:30:00Z"), "America/Chicago")).toBe("2026-07-01"); // 01:30 CDT
    expect(calendarDay(new Date("2026-01-01T05:30:00Z"), "America/Chicago")).toBe("2025-12-31"); // 23:30 CST
  });

  it("keeps a stored calendar day the same day", () => {
    expect(dayAsDate("2027-03-12").toISOString()).toBe("2027-03-12T00:00:00.000Z");
    expect(calendarDay(dayAsDate("2027-03-12"), "UTC")).toBe("2027-03-12");
  });

  it("knows its time zones, UTC among them", () => {
    expect(isTimeZone("America/Los_Angeles")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(timeZoneChoices()).toContain("UTC");
    expect(timeZoneChoices()).toContain("America/Mexico_City");
  });
});
