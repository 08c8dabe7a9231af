// Where the browser tests' server and database live: fixed ports apart from the dev defaults.
// E2E_PORT / E2E_PG_PORT move them, so two test runs can share a machine (each gets its own
// data folder). Two runs in one checkout also need their own build folder: E2E_DIST_DIR.
const port = Number(process.env.E2E_PORT ?? 3100);
const pgPort = Number(process.env.E2E_PG_PORT ?? 54329);

export const E2E = {
  port,
  pgPort,
  dataDir: `tests/.tmp/e2e-pg-${pgPort}`,
  distDir: process.env.E2E_DIST_DIR ?? ".next",
  baseURL: `http://localhost:${port}`,
  databaseUrl: `postgresql://postgres:studypack@127.0.0.1:${pgPort}/studypack`,
};
