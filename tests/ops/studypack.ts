// A whole Studypack for the operations tests in tests/ops (backup and restore, the launcher's
// crash handling, load and crash runs, several web processes), started as an operator does it
// (scripts/lib/launch.ts).
//
// Each spec takes its own slot, so instances started by specs running side by side never share
// a port or a folder. The build is the one the browser tests' web server made (E2E.distDir):
// Playwright starts that server, which builds when needed, before any test runs.
import { rmSync } from "node:fs";
import path from "node:path";
import { E2E } from "../e2e/env";
import { launchStudypack, type Launched, type LauncherExit } from "../../scripts/lib/launch";

export type Exit = LauncherExit;
export type Instance = Launched;

export type StartOptions = {
  /** 1–40; each spec file uses its own. */
  slot: number;
  /** Extra environment for the launcher (WEB_CONCURRENCY, S3_*, DEMO_DATA, …). */
  env?: Record<string, string>;
  /** Keep the folder from an earlier start (restart of the same installation). Default: fresh. */
  keep?: boolean;
  /** How long to wait for /api/health to answer 200. */
  timeoutMs?: number;
};

export function slotPorts(slot: number): { port: number; pgPort: number } {
  if (!Number.isInteger(slot) || slot < 1 || slot > 40) throw new Error(`slot ${slot}: use 1–40`);
  return { port: E2E.port + 100 + slot, pgPort: E2E.pgPort + 100 + slot };
}

export function slotDir(slot: number): string {
  return path.resolve("tests/.tmp", `ops-${E2E.pgPort}-${slot}`);
}

export async function startStudypack(options: StartOptions): Promise<Instance> {
  const dir = slotDir(options.slot);
  if (!options.keep) rmSync(dir, { recursive: true, force: true });
  return launchStudypack({
    ...slotPorts(options.slot),
    dir,
    authSecret: "ops-secret-ops-secret-ops-secret-00000000",
    env: { STUDYPACK_DIST_DIR: E2E.distDir, ...options.env },
    timeoutMs: options.timeoutMs ?? 180_000,
  });
}
