"use client";
// Today, as "YYYY-MM-DD", in the organization's time zone: the same day the server counts from
// (lib/dates.ts), not the browser's or UTC's.
import { useTimeZone } from "next-intl";
import { todayIn } from "@/lib/dates";

export function useToday(): string {
  return todayIn(useTimeZone() ?? "UTC");
}
