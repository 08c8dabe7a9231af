// The dashboard's figures live in rollup tables (ProgressCell, ProgressPackRollup,
// ProgressTurnaround, ProgressMember, ProgressMailing, ProgressGroup, ProgressFacilityIssue) that
// PostgreSQL triggers keep up to date on every write (prisma/sql/functions/progress_*.sql,
// docs/decisions/009-progress-rollups.md). This module recomputes them all from the base tables,
// set-based (progress_rebuild), for after a bulk load that ran with the triggers off, or to repair
// them. No "server-only": the scale seeder calls it.

/** Anything that can run one SQL statement: a `pg.Client` / `pg.Pool`, or a Prisma client. */
export type SqlRunner =
  | { query: (sql: string) => Promise<unknown> }
  | { $executeRawUnsafe: (sql: string) => Promise<unknown> };

/** Recomputes every progress rollup from the base tables in one transaction-sized statement. */
export async function rebuildProgressRollups(client: SqlRunner): Promise<void> {
  const sql = "SELECT progress_rebuild()";
  // Checked by type of the member, not `in`: the app's Prisma client is a Proxy.
  const prisma = client as { $executeRawUnsafe?: (sql: string) => Promise<unknown> };
  if (typeof prisma.$executeRawUnsafe === "function") await prisma.$executeRawUnsafe(sql);
  else await (client as { query: (sql: string) => Promise<unknown> }).query(sql);
}
