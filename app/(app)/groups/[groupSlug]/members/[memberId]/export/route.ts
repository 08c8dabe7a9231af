// A member's data as one JSON file (organizers). The export itself is recorded in the audit log.
import { getCurrentUser } from "@/lib/auth/session";
import { authorizeGroup } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { exportMemberData } from "@/lib/data/member-data";

type Context = { params: Promise<{ groupSlug: string; memberId: string }> };

const notFound = () => new Response("Not found", { status: 404 });

export async function GET(_request: Request, { params }: Context) {
  const { groupSlug, memberId } = await params;
  const user = await getCurrentUser();
  if (!user) return notFound();
  try {
    const data = await exportMemberData(await authorizeGroup(user, groupSlug, "member.exportData"), memberId);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="member-${memberId.replace(/[^A-Za-z0-9_-]/g, "")}.json"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return notFound();
    throw error;
  }
}
