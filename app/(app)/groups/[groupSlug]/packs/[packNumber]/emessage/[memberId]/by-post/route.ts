// The readings of a pack that go by post to one e-message member (marked "by mail only", or
// uploaded PDFs), as a PDF to print and mail with their name and address. Staff of the group only;
// every download is written to the audit log (lib/data/emessage-deliveries.ts).
import { PassThrough, Readable } from "node:stream";
import { z } from "zod";
import { byPostPdfForDownload } from "@/lib/data/emessage-deliveries";
import { AppError } from "@/lib/errors";
import { renderMemberPack } from "@/lib/packs/pdf/render";
import { isBlocking, planPack } from "@/lib/packs/pdf/plan";
import { groupRoute } from "@/lib/server/routes";

export const dynamic = "force-dynamic";

const params = z.object({ packNumber: z.coerce.number().int().min(1).max(100_000), memberId: z.string().min(1).max(64) });

export const GET = groupRoute("delivery.manage", { params }, async (ctx, { params: { packNumber, memberId } }) => {
  const pdf = await byPostPdfForDownload(ctx, packNumber, memberId);
  if (planPack(pdf.pack, pdf.member).problems.some(isBlocking)) throw new AppError("CONFLICT", "mail.print.cannotPrint");
  const out = new PassThrough();
  renderMemberPack(pdf.pack, pdf.member, out).catch(() => out.destroy());
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${ctx.group.slug}-pack-${packNumber}-by-post-${memberId}.pdf"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
