// The poppler tools the PDF tests read a pack back with, as a printer or a mailroom officer
// would see it (pdftotext, pdfinfo, pdfimages, pdftoppm), and a temporary folder for the files.
import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "studypack-pdf-"));
}

/** The text of a PDF, page by page (pdftotext -layout; pages end with a form feed). */
export async function pdfPages(file: string): Promise<string[]> {
  const { stdout } = await run("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { maxBuffer: 512 * 1024 * 1024 });
  const pages = stdout.split("\f");
  if (pages[pages.length - 1]?.trim() === "") pages.pop();
  return pages;
}

export async function pdfPageCount(file: string): Promise<number> {
  const { stdout } = await run("pdfinfo", [file]);
  const match = /^Pages:\s+(\d+)/m.exec(stdout);
  if (!match) throw new Error(`pdfinfo gave no page count for ${file}`);
  return Number(match[1]);
}

/** Image objects in the PDF, as `pdfimages -list` reports them (the header lines removed). */
export async function pdfImages(file: string): Promise<string[]> {
  const { stdout } = await run("pdfimages", ["-list", file]);
  return stdout.split("\n").slice(2).filter((line) => line.trim());
}

export async function pdfToPng(file: string, page: number, prefix: string): Promise<string> {
  await run("pdftoppm", ["-png", "-r", "60", "-f", String(page), "-l", String(page), "-singlefile", file, prefix]);
  return `${prefix}.png`;
}
