// Featuring and the discussion on paper: consent checked on the server whatever the request
// says, the excerpt kept beside an unchanged original, and a mail member's pack PDF read back
// with poppler: excerpts under pen names, replies to their response, no one else's legal name.
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadGroupContext } from "@/lib/authz";
import { addReply, hideFromGroup, recordMemberConsent, updateMySharing } from "@/lib/data/discussion";
import { getFeaturedEditor, listFeatured, setFeatured } from "@/lib/data/featured";
import { publishPack } from "@/lib/data/packs";
import { submitResponse } from "@/lib/data/responses";
import { submitTranscription } from "@/lib/data/transcriptions";
import { loadPrintData } from "@/lib/packs/print-data";
import { renderMemberPack } from "@/lib/packs/pdf/render";
import { pdfPages, tempDir } from "@/tests/setup/pdf-tools";
import { makeMember } from "@/tests/factories";
import { makeFacility, makeMailMember } from "@/tests/factories/mail";
import { makePackScenario } from "@/tests/factories/pack";
import { naughtyStrings } from "@/tests/setup/naughty-strings";

const key = () => randomUUID();

/** Pack 1 published with answers; pack 2 a draft being built. */
async function scenario() {
  const s = await makePackScenario({ published: true });
  const member = async (penName: string, legalName: string, preference: "GROUP" | "FACILITATORS") => {
    const { user, member } = await makeMember(s.group);
    await db.user.update({ where: { id: user!.id }, data: { name: legalName } });
    await db.person.update({ where: { userId: user!.id }, data: { legalName } });
    const ctx = (await loadGroupContext(user!, s.group.slug))!;
    await updateMySharing(ctx, { penName, sharingPreference: preference });
    return { member, ctx };
  };
  const sharer = await member("Lantern", "Harriet Quimby-Legal", "GROUP");
  const privateOne = await member("Quiet Owl", "Bartholomew Private-Legal", "FACILITATORS");
  const replier = await member("Riverbank", "Cornelius Replier-Legal", "GROUP");
  await submitResponse(sharer.ctx, { packNumber: 1, promptId: s.prompts[0]!, body: "The working day is a struggle over time itself. Every hour counts.", submitKey: key() });
  await submitResponse(privateOne.ctx, { packNumber: 1, promptId: s.prompts[0]!, body: "Only for the facilitators.", submitKey: key() });
  const facility = await makeFacility(s.group.organizationId);
  const mail = await makeMailMember(s.group, { facilityId: facility.id, legalName: "Mail Member-Legal", idNumber: "998877" });
  await recordMemberConsent(s.facilitator, mail.memberId, { penName: "Cedar", sharingPreference: "GROUP", givenOn: "2026-01-03" });
  await submitTranscription(s.facilitator, { packNumber: 1, memberId: mail.memberId, promptId: s.prompts[0]!, body: "Inside, time is all we have.", receivedOn: "2026-01-10", submitKey: key(), shared: true });
  const id = async (memberId: string) => (await db.response.findFirstOrThrow({ where: { memberId, packId: s.pack.id } })).id;
  const responses = { sharer: await id(sharer.member.id), privateOne: await id(privateOne.member.id), mail: await id(mail.memberId) };
  const toMail = await addReply(replier.ctx, { responseId: responses.mail, body: "Cedar, your letter moved me. Keep writing.", clientKey: key() });
  const toSharer = await addReply(replier.ctx, { responseId: responses.sharer, body: "Lantern, I agree about the hours.", clientKey: key() });
  const pack2 = await db.pack.create({ data: { groupId: s.group.id, number: 2, lessons: { create: { lessonId: s.lesson.id, position: 1 } } }, select: { id: true } });
  return { s, sharer, privateOne, replier, mail, responses, replies: { toMail: toMail.id, toSharer: toSharer.id }, pack2 };
}

describe("featuring", () => {
  it("keeps the excerpt beside an unchanged original, in the chosen order", async () => {
    const { s, responses, replies, pack2 } = await scenario();
    const original = (await db.response.findUniqueOrThrow({ where: { id: responses.sharer } })).body;
    await setFeatured(s.facilitator, 2, [
      { responseId: responses.sharer, replyId: replies.toSharer, excerpt: "", note: "" },
      { responseId: responses.sharer, replyId: null, excerpt: "The working day is a struggle over time […]", note: "Read this with lesson 2." },
    ]);
    const rows = await db.featuredResponse.findMany({ where: { packId: pack2.id }, orderBy: { position: "asc" } });
    expect(rows.map((r) => [r.position, r.replyId, r.excerpt])).toEqual([
      [1, replies.toSharer, null],
      [2, null, "The working day is a struggle over time […]"],
    ]);
    expect((await db.response.findUniqueOrThrow({ where: { id: responses.sharer } })).body).toBe(original);
    const editor = await getFeaturedEditor(s.facilitator, 2);
    expect(editor.chosen[1]).toMatchObject({ original, excerpt: "The working day is a struggle over time […]", penName: "Lantern" });
    // Candidates: shared, earlier packs only; the private response is not offered.
    expect(editor.candidates.map((c) => c.responseId).sort()).toEqual([responses.sharer, responses.mail].sort());
  });

  it("refuses a response without sharing consent, even in a forged request, and changes nothing", async () => {
    const { s, responses, pack2, mail } = await scenario();
    await setFeatured(s.facilitator, 2, [{ responseId: responses.sharer, replyId: null, excerpt: "", note: "" }]);
    await expect(setFeatured(s.facilitator, 2, [{ responseId: responses.privateOne, replyId: null, excerpt: "", note: "" }])).rejects.toMatchObject({ message: "discussion.errors.notFeaturable" });
    // The mail member withdraws consent by letter: their response can no longer be featured.
    await recordMemberConsent(s.facilitator, mail.memberId, { penName: "Cedar", sharingPreference: "FACILITATORS", givenOn: "2026-02-01" });
    await expect(setFeatured(s.facilitator, 2, [{ responseId: responses.mail, replyId: null, excerpt: "", note: "" }])).rejects.toMatchObject({ message: "discussion.errors.notFeaturable" });
    expect((await db.featuredResponse.findMany({ where: { packId: pack2.id } })).map((r) => r.responseId)).toEqual([responses.sharer]);
    // Not the caller's group, not an earlier pack, not a facilitator: not found.
    const other = await makePackScenario({ published: true });
    await expect(setFeatured(other.facilitator, 1, [{ responseId: responses.sharer, replyId: null, excerpt: "", note: "" }])).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setFeatured(s.facilitator, 1, [{ responseId: responses.sharer, replyId: null, excerpt: "", note: "" }])).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setFeatured(s.memberCtx, 2, [])).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a response hidden or un-shared after featuring disappears from the pack", async () => {
    const { s, responses, sharer, pack2 } = await scenario();
    await setFeatured(s.facilitator, 2, [{ responseId: responses.sharer, replyId: null, excerpt: "", note: "" }]);
    await publishPack(s.facilitator, 2);
    expect((await listFeatured(sharer.ctx, pack2.id)).map((f) => f.penName)).toEqual(["Lantern"]);
    await hideFromGroup(s.facilitator, { kind: "response", id: responses.sharer, reason: "Asked to withdraw" });
    expect(await listFeatured(sharer.ctx, pack2.id)).toEqual([]);
    expect((await loadPrintData(pack2.id)).pack.featured).toEqual([]);
  });

  it("naughty excerpts and notes are kept exactly", async () => {
    const { s, responses, pack2 } = await scenario();
    const items = naughtyStrings.slice(0, 50).map((text) => ({ responseId: responses.sharer, replyId: null, excerpt: text.replace(/\u0000/g, ""), note: text.replace(/\u0000/g, "") }));
    await setFeatured(s.facilitator, 2, items);
    const rows = await db.featuredResponse.findMany({ where: { packId: pack2.id }, orderBy: { position: "asc" } });
    rows.forEach((row, i) => {
      expect(row.excerpt ?? "").toBe(items[i]!.excerpt.trim() ? items[i]!.excerpt : "");
      expect(row.note).toBe(items[i]!.note.trim());
    });
  });
});

describe("the discussion on paper", () => {
  it("a mail member's pack prints the featured excerpts under pen names and the replies to them, and no other member's legal name", async () => {
    const { s, responses, replies, pack2, mail } = await scenario();
    await setFeatured(s.facilitator, 2, [
      { responseId: responses.sharer, replyId: null, excerpt: "A struggle over time itself.", note: "Compare lesson 1." },
      { responseId: responses.sharer, replyId: replies.toSharer, excerpt: "", note: "" },
    ]);
    await publishPack(s.facilitator, 2);
    const { pack, members } = await loadPrintData(pack2.id, [mail.memberId]);
    const dir = await tempDir();
    const file = path.join(dir, "pack.pdf");
    await renderMemberPack(pack, members[0]!, createWriteStream(file));
    expect((await readFile(file)).subarray(0, 5).toString()).toBe("%PDF-");
    const text = (await pdfPages(file)).join("\n").replace(/\s+/g, " ");
    expect(text).toContain("From the group");
    expect(text).toContain("A struggle over time itself.");
    expect(text).toContain("— Lantern");
    expect(text).toContain("Compare lesson 1.");
    expect(text).toContain("— Riverbank, replying to Lantern");
    expect(text).toContain("Replies to your response");
    expect(text).toContain("Inside, time is all we have.");
    expect(text).toContain("Cedar, your letter moved me. Keep writing.");
    // The original, not the excerpt, stays out of the pack.
    expect(text).not.toContain("Every hour counts.");
    for (const legal of ["Harriet Quimby-Legal", "Bartholomew Private-Legal", "Cornelius Replier-Legal", "Only for the facilitators."]) expect(text).not.toContain(legal);
    // The member's own name is on the cover (it is their envelope).
    expect(text).toContain("Mail Member-Legal");
  });

  it("a reply is printed in the first pack published after it, once", async () => {
    const { s, mail, responses, replier, pack2 } = await scenario();
    await publishPack(s.facilitator, 2);
    const late = await addReply(replier.ctx, { responseId: responses.mail, body: "A late reply.", clientKey: key() });
    const inPack2 = (await loadPrintData(pack2.id, [mail.memberId])).members[0]!.replies!;
    expect(inPack2.flatMap((t) => t.replies.map((r) => r.body))).toEqual(["Cedar, your letter moved me. Keep writing."]);
    const pack3 = await db.pack.create({ data: { groupId: s.group.id, number: 3, lessons: { create: { lessonId: s.lesson.id, position: 1 } } }, select: { id: true } });
    await publishPack(s.facilitator, 3);
    const inPack3 = (await loadPrintData(pack3.id, [mail.memberId])).members[0]!.replies!;
    expect(inPack3.flatMap((t) => t.replies.map((r) => r.body))).toEqual(["A late reply."]);
    expect(late.repeated).toBe(false);
  });
});
