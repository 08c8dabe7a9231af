// A member's data as one JSON file (organizers). The export itself is recorded in the audit log.
import { z } from "zod";
import { exportMemberData } from "@/lib/data/member-data";
import { groupRoute } from "@/lib/server/routes";

export const GET = groupRoute("member.exportData", { params: z.object({ memberId: z.string().min(1).max(64) }) }, async (ctx, { params: { memberId } }) => {
  const data = await exportMemberData(ctx, memberId);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="member-${memberId.replace(/[^A-Za-z0-9_-]/g, "")}.json"`,
      "cache-control": "no-store",
    },
  });
});
