// One mail member's pack as a PDF, made on request (to reprint a returned or rejected pack).
// It carries the member's legal name, ID number and address: staff of the group only, and
// every download is written to the audit log (lib/data/print-runs.ts, memberPackPdfForDownload).
import { PassThrough, Readable } from "node:stream";
import { z } from "zod";
import { memberPackPdfForDownload } from "@/lib/data/print-runs";
import { AppError } from "@/lib/errors";
import { renderMemberPack } from "@/lib/packs/pdf/render";
import { groupRoute } from "@/lib/server/routes";

export const dynamic = "force-dynamic";

const params = z.object({ packNumber: z.coerce.number().int().min(1).max(100_000), memberId: z.string().min(1).max(64) });

export const GET = groupRoute("delivery.manage", { params }, async (ctx, { params: { packNumber, memberId } }) => {
  // Planned first: a pack that cannot fit is refused with a reason, never a broken download.
  const pdf = await memberPackPdfForDownload(ctx, packNumber, memberId);
  if (pdf.blocked) throw new AppError("CONFLICT", "mail.print.cannotPrint");
  const out = new PassThrough();
  renderMemberPack(pdf.pack, pdf.member, out).catch(() => out.destroy());
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${ctx.group.slug}-pack-${pdf.packNumber}-${pdf.memberId}.pdf"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
