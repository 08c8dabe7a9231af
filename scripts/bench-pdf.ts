// Benchmark of the pack PDFs with the demo course (prisma/demo-content.ts), no database:
//   1. one member's pack of about 20 pages: median of 20 renders (and the first, cold one);
//   2. planPack (the dry run the pack page shows before printing) for 500 members;
//   3. a print run of 500 members into one file: seconds, and peak memory;
//   4. the same run with a 40-page uploaded PDF reading added to the pack (its pages embedded
//      once for the file, decision 030), a third of the members at a 5-page facility (so the
//      reading continues across envelopes): seconds, peak memory, and memory as the run goes.
// Files go to the system's temporary folder and are removed. Targets (2-core machine): 1 ≤ 150 ms,
// 3 and 4 ≤ 30 s with memory flat as the run grows. Run: `npx tsx scripts/bench-pdf.ts [members]`.
import { createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import path from "node:path";
import { layoutPack } from "@/lib/packs/pdf/layout";
import { planPack } from "@/lib/packs/pdf/plan";
import { renderMemberPack, renderPrintRun } from "@/lib/packs/pdf/render";
import { CEDAR_CREEK, demoPack, mailMember, NO_LIMIT } from "@/tests/factories/print";
import { pdfReading, textPdf, withReading } from "@/tests/factories/pdf-reading";
import type { PrintMember, PrintPack } from "@/lib/packs/print-types";
import { tempDir } from "@/tests/setup/pdf-tools";

const RUNS = 20;
const MEMBERS = Number(process.argv[2] ?? 500);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

async function main() {
  const dir = await tempDir();
  try {
    // Lessons 1 and 2 of the demo course, for a facility with a 10-page limit: 2 envelopes.
    const pack = demoPack([0, 1]);
    const member = mailMember(pack, { facility: CEDAR_CREEK });
    const times: number[] = [];
    let pages = 0;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const result = await renderMemberPack(pack, member, createWriteStream(path.join(dir, "member.pdf")));
      times.push(performance.now() - started);
      pages = result.pages;
    }
    console.log(`one member's pack (${pages} pages): median ${median(times).toFixed(0)} ms of ${RUNS} (first, cold: ${times[0]!.toFixed(0)} ms)`);

    // A third of the members at a facility with a page limit, the rest without one.
    const members = Array.from({ length: MEMBERS }, (_, i) => mailMember(pack, { facility: i % 3 === 0 ? CEDAR_CREEK : NO_LIMIT }));

    // As the pack page does it: a fresh pack object (so the shared layout is made), then a plan
    // per member.
    const fresh = demoPack([0, 1]);
    const planStarted = performance.now();
    layoutPack(fresh);
    const laidOut = performance.now();
    for (const m of members) planPack(fresh, m);
    console.log(`planPack for ${MEMBERS} members: ${(performance.now() - planStarted).toFixed(0)} ms (shared layout ${(laidOut - planStarted).toFixed(0)} ms)`);
    await printRun("print run", pack, members, path.join(dir, "run.pdf"));

    // With a 40-page uploaded PDF reading (a text PDF made here with pdf-lib), a third of the
    // members at a facility with a 5-page limit.
    const withPdf = withReading(demoPack([0, 1]), pdfReading("pdf-40", "An uploaded chapter", await textPdf(40, "CHAPTER"), 40));
    const fivePages = { ...CEDAR_CREEK, name: "Pine Ridge County Jail", maxPagesPerEnvelope: 5 };
    const pdfMembers = Array.from({ length: MEMBERS }, (_, i) => mailMember(withPdf, { facility: i % 3 === 0 ? fivePages : i % 3 === 1 ? CEDAR_CREEK : NO_LIMIT }));
    await printRun("print run with a 40-page PDF reading", withPdf, pdfMembers, path.join(dir, "run-pdf.pdf"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();

async function printRun(name: string, pack: PrintPack, members: PrintMember[], file: string) {
  const before = process.memoryUsage().rss;
  let peak = before;
  const samples: string[] = [];
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const result = await renderPrintRun(pack, members, createWriteStream(file), (done, total) => {
    if (done % Math.max(1, Math.floor(total / 5)) !== 0) return;
    // With `node --expose-gc` (npx tsx --expose-gc …), the heap after a full collection too:
    // what the run really keeps, without the garbage RSS still holds.
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    samples.push(`${done}: ${mb(process.memoryUsage().rss)}${gc ? ` (heap after GC ${mb(process.memoryUsage().heapUsed)})` : ""}`);
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const envelopes = result.members.reduce((sum, m) => sum + m.envelopes, 0);
  const size = (await stat(file)).size;
  console.log(
    `${name}, ${members.length} members (${result.pages} pages, ${envelopes} envelopes, file ${mb(size)}): ${seconds.toFixed(1)} s; ` +
      `memory ${mb(before)} before, peak ${mb(peak)}; by members done: ${samples.join(", ")}`,
  );
}
