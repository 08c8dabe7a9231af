// A certificate's PDF, printed again exactly as issued (same page, same code). Organizers only;
// every download is in the audit log (certificateToPrint). docs/decisions/047-certificates.md
import { z } from "zod";
import { renderCertificate } from "@/lib/certificates/pdf";
import { certificateToPrint } from "@/lib/data/certificates";
import { env } from "@/lib/env";
import { groupRoute } from "@/lib/server/routes";

export const dynamic = "force-dynamic";

export const GET = groupRoute("group.manage", { params: z.object({ certificateId: z.string().min(1).max(100) }) }, async (ctx, { params: { certificateId } }) => {
  const certificate = await certificateToPrint(ctx, certificateId);
  const pdf = await renderCertificate(certificate, env().NEXTAUTH_URL ?? "http://localhost:3000");
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="certificate-${certificate.code}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
});
