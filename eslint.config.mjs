import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".next-e2e-*/**", ".next-bench/**", "lib/generated/**", "node_modules/**", ".data/**", "tests/.tmp/**", "test-results/**", "next-env.d.ts"]),
  {
    rules: {
      // Unused names starting with _ are deliberate (Playwright fixtures, destructuring).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read settings through lib/env.ts." }],
    },
  },
  {
    // Tools and tests may read the environment directly.
    files: ["scripts/**", "tests/**", "prisma.config.ts", "playwright.config.ts", "next.config.mjs", "instrumentation.ts", "lib/env.ts", "**/*.test.ts"],
    rules: { "no-restricted-properties": "off" },
  },
]);
