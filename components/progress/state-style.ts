// One look per cell state, shared by the matrix and its legend. Colour is never the only
// signal: every cell also says its state in words.
import type { CellState } from "@/lib/progress/cell-state";

export const STATE_CLASSES: Record<CellState, string> = {
  notSent: "bg-stone-50 text-muted",
  sentOnline: "bg-sky-50 text-sky-900",
  mailed: "bg-indigo-50 text-indigo-900",
  sentEmessage: "bg-violet-50 text-violet-900",
  awaitingMail: "bg-amber-50 text-amber-900",
  overdue: "bg-red-100 text-red-900 font-semibold",
  returned: "bg-orange-100 text-orange-900 font-semibold",
  answered: "bg-green-50 text-green-900",
  feedback: "bg-green-100 text-green-900",
};

/**
 * The progress matrix has a thousand cells or more, so a cell names its state in one letter
 * (`data-s`) and the table carries each state's look once, as the variants below — the same
 * classes as STATE_CLASSES (a test holds them together; Tailwind needs them written out).
 */
export const STATE_CODES: Record<CellState, string> = {
  notSent: "n",
  sentOnline: "s",
  mailed: "m",
  sentEmessage: "e",
  awaitingMail: "w",
  overdue: "o",
  returned: "r",
  answered: "a",
  feedback: "f",
};
export const STATE_CELL_VARIANTS =
  "[&_td[data-s=n]]:bg-stone-50 [&_td[data-s=n]]:text-muted [&_td[data-s=s]]:bg-sky-50 [&_td[data-s=s]]:text-sky-900 [&_td[data-s=m]]:bg-indigo-50 [&_td[data-s=m]]:text-indigo-900 [&_td[data-s=e]]:bg-violet-50 [&_td[data-s=e]]:text-violet-900 [&_td[data-s=w]]:bg-amber-50 [&_td[data-s=w]]:text-amber-900 [&_td[data-s=o]]:bg-red-100 [&_td[data-s=o]]:text-red-900 [&_td[data-s=o]]:font-semibold [&_td[data-s=r]]:bg-orange-100 [&_td[data-s=r]]:text-orange-900 [&_td[data-s=r]]:font-semibold [&_td[data-s=a]]:bg-green-50 [&_td[data-s=a]]:text-green-900 [&_td[data-s=f]]:bg-green-100 [&_td[data-s=f]]:text-green-900";
