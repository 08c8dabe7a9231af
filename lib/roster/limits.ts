// How large a roster file may be: shared by the browser (which refuses a large file before
// sending it) and the server (which checks again).
export const MAX_ROSTER_BYTES = 1_000_000;
export const MAX_ROSTER_ROWS = 5_000;
