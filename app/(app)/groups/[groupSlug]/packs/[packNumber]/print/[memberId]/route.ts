// One mail member's pack as a PDF, made on request (to reprint a returned or rejected pack).
// It carries the member's legal name, ID number and address: staff of the group only, and
// every download is written to the audit log (lib/data/print-runs.ts, memberPackPdfForDownload).
import { PassThrough, Readable } from "node:stream";
import { getCurrentUser } from "@/lib/auth/session";
import { authorizeGroup } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { memberPackPdfForDownload } from "@/lib/data/print-runs";
import { renderMemberPack } from "@/lib/packs/pdf/render";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ groupSlug: string; packNumber: string; memberId: string }> };

const notFound = () => new Response("Not found", { status: 404 });
const cannotPrint = () => new Response("This pack cannot be printed for this member: see the mail log.", { status: 409 });

export async function GET(_request: Request, { params }: Params) {
  const { groupSlug, packNumber, memberId } = await params;
  const user = await getCurrentUser();
  const number = Number(packNumber);
  if (!user || !Number.isInteger(number) || number < 1) return notFound();
  try {
    const ctx = await authorizeGroup(user, groupSlug, "delivery.manage");
    // Planned first: a pack that cannot fit is refused with a reason, never a broken download.
    const pdf = await memberPackPdfForDownload(ctx, number, memberId);
    if (pdf.blocked) return cannotPrint();
    const out = new PassThrough();
    renderMemberPack(pdf.pack, pdf.member, out).catch(() => out.destroy());
    return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="${groupSlug}-pack-${pdf.packNumber}-${pdf.memberId}.pdf"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return error.code === "CONFLICT" ? cannotPrint() : notFound();
    throw error;
  }
}
