// When a group's next pack is due, from its schedule. Pure, so the group settings page shows it
// and the pack editor can propose it as a new pack's due date (issue 15 point 7) with one rule.

export type PackSchedule = {
  /** Days between packs (Group.packIntervalDays); null = no fixed schedule. */
  intervalDays: number | null;
};

/** Whole calendar days, in UTC: pack due dates are dates (`@db.Date`), not instants. */
function addDays(date: Date, days: number): Date {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + days);
  return d;
}

/**
 * The next pack's due date: the last pack's due date plus the interval; with no dated pack yet,
 * one interval from `today`. A schedule that has fallen behind is not skipped forward: a date in
 * the past is the honest answer (the pack is late), and the editor may change it.
 * Null when the group has no fixed schedule.
 */
export function nextDueDate(schedule: PackSchedule, lastPack: { dueDate: Date | null } | null, today: Date = new Date()): Date | null {
  if (!schedule.intervalDays || schedule.intervalDays < 1) return null;
  const from = lastPack?.dueDate ?? today;
  return addDays(from, schedule.intervalDays);
}
