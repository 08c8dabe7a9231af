// Reading a roster CSV. Pure (no database): the same code checks a preview and the import that
// follows it. Row numbers are the spreadsheet's (the header is row 1), so "row 7" is the line
// the organizer sees in their spreadsheet, even when a cell holds a line break.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

import { MAX_ROSTER_BYTES, MAX_ROSTER_ROWS } from "@/lib/roster/limits";

export { MAX_ROSTER_BYTES, MAX_ROSTER_ROWS };

// emessage_service and emessage_contact: an e-message member's service and identifier (decision 049).
export const ROSTER_COLUMNS = ["group", "legal_name", "pen_name", "channel", "email", "facility", "id_number", "housing_unit", "language", "emessage_service", "emessage_contact"] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly RosterColumn[] = ["group", "legal_name", "channel"];

export type RawRosterRow = { row: number; cells: Record<RosterColumn, string>; extraCells: boolean };

export type RosterFileError =
  | { key: "roster.file.empty" }
  | { key: "roster.file.tooLarge"; values: { max: string } }
  | { key: "roster.file.tooManyRows"; values: { max: number; count: number } }
  | { key: "roster.file.unreadable"; values: { row: number } }
  | { key: "roster.file.missingColumns"; values: { columns: string } }
  | { key: "roster.file.unknownColumns"; values: { columns: string } }
  | { key: "roster.file.noRows" };

export type ParsedRoster = { ok: true; rows: RawRosterRow[] } | { ok: false; error: RosterFileError };

/** "Legal name" and "legal_name" both name the column. */
const columnName = (header: string) => header.replace(/\u0000/g, "").trim().toLowerCase().replace(/[\s-]+/g, "_");

export function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

export function parseRosterCsv(text: string): ParsedRoster {
  if (byteLength(text) > MAX_ROSTER_BYTES) return { ok: false, error: { key: "roster.file.tooLarge", values: { max: "1 MB" } } };
  if (text.trim() === "") return { ok: false, error: { key: "roster.file.empty" } };
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    const lines = error && typeof error === "object" && "lines" in error && typeof error.lines === "number" ? error.lines : 1;
    return { ok: false, error: { key: "roster.file.unreadable", values: { row: lines } } };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, error: { key: "roster.file.empty" } };
  const names = header.map(columnName);
  const unknown = names.filter((n) => n !== "" && !(ROSTER_COLUMNS as readonly string[]).includes(n));
  if (unknown.length > 0) return { ok: false, error: { key: "roster.file.unknownColumns", values: { columns: unknown.join(", ").slice(0, 200) } } };
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) return { ok: false, error: { key: "roster.file.missingColumns", values: { columns: missing.join(", ") } } };

  const rows: RawRosterRow[] = [];
  body.forEach((record, index) => {
    // A blank line (or a row of empty cells, as spreadsheets export) is not a person.
    if (record.every((cell) => cell.trim() === "")) return;
    const cells = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c, ""])) as Record<RosterColumn, string>;
    names.forEach((name, i) => {
      if ((ROSTER_COLUMNS as readonly string[]).includes(name)) cells[name as RosterColumn] = record[i] ?? "";
    });
    rows.push({ row: index + 2, cells, extraCells: record.length > names.length && record.slice(names.length).some((c) => c.trim() !== "") });
  });
  if (rows.length === 0) return { ok: false, error: { key: "roster.file.noRows" } };
  if (rows.length > MAX_ROSTER_ROWS) return { ok: false, error: { key: "roster.file.tooManyRows", values: { max: MAX_ROSTER_ROWS, count: rows.length } } };
  return { ok: true, rows };
}

/**
 * The downloadable template: the header and one example row, a mail member (it fills every
 * column an online member's row would, and the facility ones too).
 */
export function rosterTemplate(example: { groupSlug: string; facilityName: string }): string {
  return stringify([[...ROSTER_COLUMNS], [example.groupSlug, "Ben Example", "Blue Heron", "mail", "", example.facilityName, "A-12345", "Unit 4", "en", "", ""]]);
}
