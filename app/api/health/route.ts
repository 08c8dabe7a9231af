// For load balancers, uptime checks and the operator reading it: 200 when PostgreSQL answers,
// 503 when it does not, and `parts` says which part is down and why (the database, the job
// queue). Public on purpose; it says nothing about any group, member or job's contents, only
// whether the parts run (docs/decisions/037-launcher-and-crashes.md).
//   200 {status:"ok", parts}          every part works
//   200 {status:"degraded", parts}    pages work, but a part behind them does not (jobs wait)
//   503 {status:"unavailable", reason:"database not reachable", parts}
import { database, jobs } from "@/lib/db/health";
import { publicRoute } from "@/lib/server/routes";

export const dynamic = "force-dynamic";

export const GET = publicRoute({}, async () => {
  const databasePart = await database();
  if (databasePart.status === "down") {
    // The queue lives in the same database: down for the same reason.
    const parts = { database: databasePart, jobs: { status: "down", reason: "the database is down" } };
    return Response.json({ status: "unavailable", reason: "database not reachable", parts }, { status: 503 });
  }
  const parts = { database: databasePart, jobs: await jobs() };
  const status = Object.values(parts).every((part) => part.status === "ok") ? "ok" : "degraded";
  return Response.json({ status, parts });
});
