// The processes of a running Studypack, for the crash tests (scripts/test-crash.ts,
// tests/ops/launcher.spec.ts): the launcher's web server child, the embedded PostgreSQL's
// postmaster, and whether a port still listens. Linux (ps, /proc), like the servers it runs on.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

/** The launcher's direct children as pid and command line. */
export function childrenOf(pid: number): { pid: number; command: string }[] {
  let out = "";
  try {
    out = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(pid)], { encoding: "utf8" });
  } catch {
    // ps exits with 1 when there are none.
    return [];
  }
  return out
    .split("\n")
    .map((line) => line.trim().match(/^(\d+)\s+(.*)$/))
    .filter((m): m is RegExpMatchArray => !!m)
    .map((m) => ({ pid: Number(m[1]), command: m[2]! }));
}

/**
 * The web server (Next.js) the launcher started: its child named "next-server (v…)", or
 * ".../next/dist/bin/next start" before Next.js renames itself. The launcher has other children:
 * the postmaster, and while it starts scripts/serve-prepare.ts (decision 052).
 */
export function webServerPid(launcherPid: number): number | undefined {
  const web = webServerPids(launcherPid);
  return web.length === 1 ? web[0] : undefined;
}

/** All of them, with WEB_CONCURRENCY > 1. */
export function webServerPids(launcherPid: number): number[] {
  return childrenOf(launcherPid)
    .filter((c) => /^next-server\b|\/next\/dist\/bin\/next /.test(c.command))
    .map((c) => c.pid);
}

/** The postmaster's pid from postmaster.pid in the data folder (first line), if that file exists. */
export function postmasterPid(dataDir: string): number | undefined {
  const file = path.join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether something accepts connections on 127.0.0.1:port. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
