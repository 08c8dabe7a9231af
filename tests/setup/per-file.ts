// Before each test file: point lib/env at the run's database. Tests never mock lib/db.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
