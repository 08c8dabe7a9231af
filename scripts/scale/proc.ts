// What `npm run bench` reads about processes from /proc (Linux): the CPU time and the resident
// memory of a process and all its descendants (the web server is `npm start`'s launcher, its
// Next.js process or processes, and theirs).
import { existsSync, readdirSync, readFileSync } from "node:fs";

type Proc = { pid: number; ppid: number; ticks: number; rssKb: number; name: string };

function snapshot(): Map<number, Proc> {
  const procs = new Map<number, Proc>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name (which may hold spaces): state ppid … utime(14) stime(15) … rss(24).
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      procs.set(Number(entry), { pid: Number(entry), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]), rssKb: (Number(f[21]) * 4096) / 1024, name });
    } catch {
      // gone
    }
  }
  return procs;
}

function tree(rootPid: number): Proc[] {
  const procs = snapshot();
  const out: Proc[] = [];
  const walk = (pid: number) => {
    const p = procs.get(pid);
    if (p) out.push(p);
    for (const child of procs.values()) if (child.ppid === pid) walk(child.pid);
  };
  walk(rootPid);
  return out;
}

const available = () => existsSync("/proc/self/stat");

/** CPU time (ms) used so far by a process and its descendants. Less disturbed by other work on a shared machine than latency. */
export function cpuMs(rootPid: number | undefined): number | null {
  if (!rootPid || !available()) return null;
  return (tree(rootPid).reduce((sum, p) => sum + p.ticks, 0) * 1000) / 100; // USER_HZ is 100 on Linux
}

/** Resident memory (MB) of a process tree, in total and by process (pid, command name). */
export function rssMb(rootPid: number | undefined): { total: number; processes: { pid: number; name: string; mb: number }[] } | null {
  if (!rootPid || !available()) return null;
  const processes = tree(rootPid).map((p) => ({ pid: p.pid, name: p.name, mb: p.rssKb / 1024 }));
  return { total: processes.reduce((sum, p) => sum + p.mb, 0), processes };
}

/** Least-squares slope of y over x (y per unit of x); NaN with fewer than two points. */
export function slope(points: { x: number; y: number }[]): number {
  if (points.length < 2) return NaN;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  return sxx === 0 ? NaN : sxy / sxx;
}
