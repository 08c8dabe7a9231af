// The one rule for what a cell of the progress matrix (a member × a published pack) says.
// Pure: the pages, the CSV export and the tests all ask here.
//
// In order of precedence:
// - feedback given: at least one answer has feedback;
// - answered: at least one prompt answered (partial answers count; the cell shows how many);
// - returned or rejected: the post returned it or the mailroom refused it, and nothing came back;
// - not sent: no delivery, or a mail delivery prepared but not yet mailed;
// - sent online: an online member has it and has not answered (overdue once its due date passed);
// - by mail, counted from the last mailing (or resend): "mailed" while it is in the post,
//   "awaiting mail" once it reached the member, both only while within the expected turnaround
//   (the group's setting, else the organization's, else 42 days); "overdue" after it. The
//   turnaround day itself is still within: a pack mailed on day 0 with 42 days is overdue on day 43.
// - by e-message (decision 045), the same clock from the day its last message was marked sent, but
//   "sent by e-message" rather than "mailed": nothing is in the post (decision 049).
import type { DeliveryStatus, Channel } from "@/lib/generated/prisma/enums";

export const CELL_STATES = ["notSent", "sentOnline", "mailed", "sentEmessage", "awaitingMail", "overdue", "returned", "answered", "feedback"] as const;
export type CellState = (typeof CELL_STATES)[number];

export const DEFAULT_TURNAROUND_DAYS = 42;

export type CellFacts = {
  delivery: { channel: Channel; status: DeliveryStatus; mailedOn: Date | null } | null;
  answeredPrompts: number;
  feedbackCount: number;
  /** The pack's due date, for online members. */
  dueDate: Date | null;
  turnaroundDays: number;
  today: Date;
};

const DAY = 86_400_000;
/** Whole days from a to b, by UTC calendar date. */
export function daysBetween(a: Date, b: Date): number {
  return Math.round((Date.UTC(b.getUTCFullYear(), b.getUTCMonth(), b.getUTCDate()) - Date.UTC(a.getUTCFullYear(), a.getUTCMonth(), a.getUTCDate())) / DAY);
}

export function expectedTurnaround(groupDays: number | null | undefined, organizationDays: number | null | undefined): number {
  return groupDays ?? organizationDays ?? DEFAULT_TURNAROUND_DAYS;
}

export function cellState(f: CellFacts): CellState {
  if (f.feedbackCount > 0) return "feedback";
  if (f.answeredPrompts > 0) return "answered";
  const d = f.delivery;
  if (!d) return "notSent";
  if (d.status === "RETURNED" || d.status === "REJECTED") return "returned";
  if (d.channel === "ONLINE") return f.dueDate && daysBetween(f.dueDate, f.today) > 0 ? "overdue" : "sentOnline";
  if (d.status === "PREPARED") return "notSent";
  if (d.mailedOn && daysBetween(d.mailedOn, f.today) > f.turnaroundDays) return "overdue";
  if (d.status === "DELIVERED" || d.status === "RESPONDED") return "awaitingMail";
  return d.channel === "EMESSAGE" ? "sentEmessage" : "mailed";
}

/** States in which the member has not answered, for the "has not answered" filter. */
export const UNANSWERED_STATES: readonly CellState[] = ["notSent", "sentOnline", "mailed", "sentEmessage", "awaitingMail", "overdue", "returned"];
