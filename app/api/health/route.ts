// For load balancers and uptime checks: 200 when PostgreSQL answers, 503 with a reason when
// it does not. Public on purpose; it says nothing about any group.
import { db } from "@/lib/db";
import { publicRoute } from "@/lib/server/routes";

export const dynamic = "force-dynamic";

export const GET = publicRoute({}, async () => {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "unavailable", reason: "database not reachable" }, { status: 503 });
  }
});
