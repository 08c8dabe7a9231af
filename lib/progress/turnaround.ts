// The turnaround chart in weeks. Per day, a network's chart had hundreds of bars, most of them
// near zero (answers to packs sent a year ago), and the few weeks that matter were a sliver at the
// left. Weeks up to a cap, with everything later in the last bar, keep it readable and its size
// bounded whatever the data. Medians stay in days (lib/data/dashboard.ts).
import type { Histogram } from "@/lib/data/dashboard";
import type { Channel } from "@/lib/generated/prisma/enums";

export const TURNAROUND_CAP_WEEKS = 12;

export type WeekBucket = {
  /** Whole weeks: 0 is 0–6 days, 1 is 7–13 days, … */
  week: number;
  /** The last bucket: this many weeks or more. */
  orMore: boolean;
  cells: number;
};

/** Every week from 0 to the last one with answers (or the cap), none skipped, so the bars line up. */
export function weeklyTurnaround(histogram: Histogram, capWeeks = TURNAROUND_CAP_WEEKS): WeekBucket[] {
  const counts = new Map<number, number>();
  let last = -1;
  for (const { days, cells } of histogram) {
    if (cells <= 0) continue;
    const week = Math.min(Math.floor(Math.max(days, 0) / 7), capWeeks);
    counts.set(week, (counts.get(week) ?? 0) + cells);
    last = Math.max(last, week);
  }
  return Array.from({ length: last + 1 }, (_, week) => ({ week, orMore: week === capWeeks, cells: counts.get(week) ?? 0 }));
}

/**
 * The channels the dashboard draws a turnaround for: online and mail always (an empty chart says
 * "no answers yet"), e-message only when some answer came back by e-message (decision 049), so an
 * organization that does not use it sees no empty series and no empty median row.
 */
export function turnaroundChannels(turnaround: Record<Channel, Histogram>): Channel[] {
  return turnaround.EMESSAGE.some((h) => h.cells > 0) ? ["ONLINE", "MAIL", "EMESSAGE"] : ["ONLINE", "MAIL"];
}

