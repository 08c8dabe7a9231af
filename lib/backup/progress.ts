// The progress of a long backup on the terminal: one line rewritten in place on a TTY, a line
// every few seconds otherwise (a log file, a systemd journal), so a big backup is never silent.
import type { Progress } from "./create";

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function progressPrinter(stream: NodeJS.WriteStream, everyMs = stream.isTTY ? 200 : 5000): (progress: Progress) => void {
  let last = 0;
  return (progress) => {
    const now = Date.now();
    const finished = progress.phase === "done";
    if (!finished && now - last < everyMs) return;
    last = now;
    const percent = progress.total > 0 ? Math.min(100, Math.floor((progress.done / progress.total) * 100)) : 100;
    const line = `backup: ${formatBytes(progress.done)} of ${formatBytes(progress.total)} (${percent}%)${finished ? "" : `, ${progress.phase}`}`;
    if (stream.isTTY) stream.write(`\r${line.padEnd(60)}${finished ? "\n" : ""}`);
    else stream.write(`${line}\n`);
  };
}
