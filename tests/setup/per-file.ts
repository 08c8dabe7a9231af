// Before each test file: point lib/env at the run's database, and keep any stored file out of
// the real .data/ folder. Tests never mock lib/db.
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
process.env.STORAGE_DIR = path.join(os.tmpdir(), `studypack-test-files-${process.pid}`);
