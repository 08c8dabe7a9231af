// CSV for spreadsheets. A cell that starts with = + - @ (or a tab or carriage return) would be
// run as a formula by Excel or LibreOffice ("CSV injection"), so it gets a leading apostrophe;
// numbers stay numbers. The BOM makes Excel read the file as UTF-8.
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | null | undefined;

export function safeCell(value: CsvCell): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(rows: CsvCell[][]): string {
  return "\uFEFF" + stringify(rows.map((row) => row.map(safeCell)), { record_delimiter: "\r\n" });
}

export function csvResponse(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
