// Configuration for the Prisma CLI (generate, validate, format). Migrations are created and
// applied by our own scripts (see docs/decisions/002-migrations-without-the-prisma-engine.md),
// so the URL here only matters on a machine where Prisma's native engine can be downloaded.
// This is a tool's config file, not app code: it is the one place besides lib/env.ts that
// reads process.env, and it never needs a value.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/studypack" },
});
