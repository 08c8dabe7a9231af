// Where the browser tests' server and database live. Fixed ports, apart from the dev defaults.
export const E2E = {
  port: 3100,
  pgPort: 54329,
  dataDir: "tests/.tmp/e2e-pg",
  get baseURL() {
    return `http://localhost:${this.port}`;
  },
  get databaseUrl() {
    return `postgresql://postgres:studypack@127.0.0.1:${this.pgPort}/studypack`;
  },
};
