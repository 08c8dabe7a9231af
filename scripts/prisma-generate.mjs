// Runs `prisma generate` without letting the CLI try to download its native schema engine,
// which these machines (and CI) cannot reach. Generation itself runs on WASM.
// See docs/decisions/002-migrations-without-the-prisma-engine.md.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
execFileSync(process.execPath, [cli, "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
