// instrumentation-client.ts turns zod's compiled parsers off in the browser without importing
// zod, by writing to the settings object zod keeps on globalThis. If zod ever moves that object,
// this test fails instead of the browser tests' CSP check on some page that parses.
import { afterAll, expect, test } from "vitest";
import { config } from "zod";

const before = config().jitless;
afterAll(() => {
  config({ jitless: before });
});

test("zod reads the setting instrumentation-client.ts writes", async () => {
  config({ jitless: false });
  await import("./instrumentation-client");
  expect(config().jitless).toBe(true);
});
