// One look per cell state, shared by the matrix and its legend. Colour is never the only
// signal: every cell also says its state in words.
import type { CellState } from "@/lib/progress/cell-state";

export const STATE_CLASSES: Record<CellState, string> = {
  notSent: "bg-stone-50 text-muted",
  sentOnline: "bg-sky-50 text-sky-900",
  mailed: "bg-indigo-50 text-indigo-900",
  awaitingMail: "bg-amber-50 text-amber-900",
  overdue: "bg-red-100 text-red-900 font-semibold",
  returned: "bg-orange-100 text-orange-900 font-semibold",
  answered: "bg-green-50 text-green-900",
  feedback: "bg-green-100 text-green-900",
};
