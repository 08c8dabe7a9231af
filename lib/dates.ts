// Dates in one place (issue 17). Two kinds of value, never mixed:
//
// - A calendar day (a due date, the day a letter came back, the day an event happened) is
//   stored as midnight UTC in a `@db.Date` column and handled as "YYYY-MM-DD". It is the same
//   day everywhere: it is shown with `timeZone: "UTC"` so no zone moves it.
// - An instant (when something was saved, sent, viewed) is shown in the organization's time zone
//   (the request's timeZone, set in i18n/request.ts), in the reader's language.
//
// "Today" is a calendar day in the organization's time zone, computed the same way on the server
// (from the group's or the person's organization) and in the browser (next-intl's useTimeZone,
// which the server hands down): at 23:30 in Los Angeles it is still today there, though it is
// already tomorrow in UTC.
//
// Plain Intl is enough here (no library): formatToParts in a named zone is exactly what is
// needed, and every supported runtime has the IANA database.

/** The calendar day ("YYYY-MM-DD") that `instant` falls on in `timeZone`. */
export function calendarDay(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** Today in `timeZone`, as "YYYY-MM-DD". */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return calendarDay(now, timeZone);
}

/** A calendar day as stored: midnight UTC of that day. */
export function dayAsDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** Today in `timeZone`, as stored in a date column. */
export function todayDate(timeZone: string, now: Date = new Date()): Date {
  return dayAsDate(todayIn(timeZone, now));
}

/** Whether the runtime knows `zone` as an IANA time zone ("America/Chicago", "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z0-9_+\-/]{1,64}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The time zones to choose from: the runtime's list, with UTC (which ICU's list leaves out). */
export function timeZoneChoices(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}
