// `npm start` and `npm run dev`: runs the launcher (scripts/serve.ts) as plain JavaScript, in this
// same process. The launcher stays for the server's whole life doing nothing but supervise, and
// tsx's loader would stay with it: a thread of its own with a second JavaScript heap, and an
// esbuild process beside it (decision 052). So the launcher is bundled here with esbuild (what tsx
// itself uses) into one file, at every start so that it can never be older than its source (it
// takes a fraction of a second), then imported. Packages stay outside the bundle and load from
// node_modules as usual. Written plainly in JavaScript because this file is what runs first.
import { randomBytes } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build, stop } from "esbuild";

const root = process.cwd();
const bundle = path.join(root, "node_modules", ".cache", "studypack", "launcher.mjs");

let code;
try {
  const result = await build({
    entryPoints: [path.join(root, "scripts", "serve.ts")],
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    logLevel: "silent",
  });
  code = result.outputFiles[0].contents;
} catch (error) {
  console.error(`studypack: could not compile the launcher (scripts/serve.ts):\n${error instanceof Error ? error.message : error}`);
  process.exit(1);
} finally {
  // esbuild's service is a process of its own; it has done its work.
  await stop();
}

// Written under a name of its own, then renamed: launchers started side by side never read
// another's half-written file.
mkdirSync(path.dirname(bundle), { recursive: true });
const partial = `${bundle}.${randomBytes(6).toString("hex")}`;
writeFileSync(partial, code);
renameSync(partial, bundle);
await import(pathToFileURL(bundle).href);
