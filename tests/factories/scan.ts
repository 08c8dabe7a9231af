// A transcribed response of a mail member to attach scans to; the scan files themselves are in
// tests/factories/files.ts (re-exported here).
import { db } from "@/lib/db";
import { makeMember } from "@/tests/factories";
import { makePackScenario } from "@/tests/factories/pack";

export { tinyJpeg, tinyPdf, tinyPng } from "@/tests/factories/files";

/** A pack scenario (published) plus a mail member's transcribed response to its first prompt. */
export async function makeScanScenario() {
  const scenario = await makePackScenario({ published: true });
  const { member: mailMember } = await makeMember(scenario.group, { channel: "MAIL" });
  const response = await db.response.create({
    data: {
      packId: scenario.pack.id,
      memberId: mailMember.id,
      promptId: scenario.prompts[0]!,
      body: "Transcribed from a letter.",
      status: "SUBMITTED",
      source: "TRANSCRIBED",
      version: 1,
      submittedAt: new Date(),
      receivedOn: new Date(new Date().toISOString().slice(0, 10)),
      transcribedById: scenario.facilitator.user.id,
    },
    select: { id: true },
  });
  return { ...scenario, mailMember, response };
}
