// One mail member's pack as a PDF, made on request (to reprint a returned or rejected pack).
// It carries the member's legal name, ID number and address: staff of the group only, and
// every download is written to the audit log.
import { PassThrough, Readable } from "node:stream";
import { getCurrentUser } from "@/lib/auth/session";
import { authorizeGroup } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/data/audit";
import { isBlocking, planPack } from "@/lib/packs/pdf/plan";
import { renderMemberPack } from "@/lib/packs/pdf/render";
import { loadPrintData } from "@/lib/packs/print-data";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ groupSlug: string; packNumber: string; memberId: string }> };

const notFound = () => new Response("Not found", { status: 404 });

export async function GET(_request: Request, { params }: Params) {
  const { groupSlug, packNumber, memberId } = await params;
  const user = await getCurrentUser();
  if (!user) return notFound();
  try {
    const ctx = await authorizeGroup(user, groupSlug, "delivery.manage");
    const pack = await db.pack.findFirst({ where: { groupId: ctx.group.id, number: Number(packNumber) || 0, status: "PUBLISHED" }, select: { id: true, number: true } });
    const member = await db.member.findFirst({ where: { id: memberId, groupId: ctx.group.id, channel: "MAIL" }, select: { id: true } });
    if (!pack || !member) return notFound();
    const data = await loadPrintData(pack.id, [member.id]);
    const printMember = data.members[0];
    if (!printMember) return notFound();
    // Plan first: a pack that cannot fit is refused with a reason, never a broken download.
    if (planPack(data.pack, printMember).problems.some(isBlocking)) {
      return new Response("This pack cannot be printed for this member: see the mail log.", { status: 409 });
    }
    const out = new PassThrough();
    renderMemberPack(data.pack, printMember, out).catch(() => out.destroy());
    await writeAudit(db, { organizationId: ctx.group.organizationId, actorId: user.id, action: "packPdf.download", entityType: "Member", entityId: member.id, groupId: ctx.group.id });
    return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="${groupSlug}-pack-${pack.number}-${member.id}.pdf"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return error.code === "CONFLICT" ? new Response("This pack cannot be printed for this member: see the mail log.", { status: 409 }) : notFound();
    throw error;
  }
}
