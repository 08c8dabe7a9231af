// The dashboard's e-message turnaround (decision 049), from the real rollups: an organization
// whose answers all came online or by mail has no e-message series and no e-message median; once
// a reply filed from e-message comes back six days after its messages were sent, the level's
// median, the group's median and the histogram say six days, and the chart gains its third series.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getDashboard } from "@/lib/data/dashboard";
import { fileEmessageReply, getEmessageReplyDesk } from "@/lib/data/emessage-replies";
import { ensureResponseCodes } from "@/lib/data/response-codes";
import { publishPack } from "@/lib/data/packs";
import { matchedCode, parseReply } from "@/lib/emessage/parse-reply";
import { formatResponseCode } from "@/lib/packs/response-code";
import { turnaroundChannels } from "@/lib/progress/turnaround";
import { makeMember, makeOrganizer } from "@/tests/factories";
import { makePackScenario } from "@/tests/factories/pack";

const TODAY = new Date().toISOString().slice(0, 10);

describe("the dashboard's e-message turnaround", () => {
  it("appears only once an answer came back by e-message, with its median in days", async () => {
    const s = await makePackScenario();
    const organizer = await makeOrganizer(s.group.organizationId);
    const em = await makeMember(s.group, { channel: "EMESSAGE", user: null });
    await publishPack(s.facilitator, 1);

    const before = await getDashboard(organizer, s.group.organizationId);
    expect(before.turnaround.EMESSAGE).toEqual([]);
    expect(before.levels.map((l) => l.medianEmessageDays)).toEqual([null, null, null]);
    expect(turnaroundChannels(before.turnaround)).toEqual(["ONLINE", "MAIL"]);
    expect(before.groups.find((g) => g.id === s.group.id)).toMatchObject({ medianEmessageDays: null });

    // The messages were sent six days ago; the reply is filed today.
    const delivery = await db.delivery.findFirstOrThrow({ where: { memberId: em.member.id, packId: s.pack.id }, select: { id: true } });
    await db.deliveryEvent.create({ data: { deliveryId: delivery.id, status: "MAILED", occurredOn: new Date(Date.parse(`${TODAY}T00:00:00Z`) - 6 * 86_400_000) } });
    const codes = await ensureResponseCodes(db, s.pack.id, [{ memberId: em.member.id, promptId: s.prompts[0]! }]);
    const body = `${formatResponseCode(codes.get(`${em.member.id}:${s.prompts[0]}`)!)} My answer.`;
    const desk = await getEmessageReplyDesk(s.facilitator, em.member.id);
    const answers = parseReply(body, desk.questions).answers.map((a) => ({ codeText: a.codeText, codeRead: a.codeRead, text: a.text, target: matchedCode(a), confirmed: false }));
    await fileEmessageReply(s.facilitator, { memberId: em.member.id, receivedOn: TODAY, submitKey: randomUUID(), body, answers });

    const after = await getDashboard(organizer, s.group.organizationId);
    expect(after.turnaround.EMESSAGE).toEqual([{ days: 6, cells: 1 }]);
    expect(after.turnaround.MAIL).toEqual([]);
    expect(after.levels.find((l) => l.level === "INTRODUCTORY")).toMatchObject({ medianEmessageDays: 6, medianMailDays: null });
    expect(turnaroundChannels(after.turnaround)).toEqual(["ONLINE", "MAIL", "EMESSAGE"]);
    // The group's own row in the groups table (ProgressGroup, kept by the same triggers).
    expect(after.groups.find((g) => g.id === s.group.id)).toMatchObject({ medianEmessageDays: 6, medianMailDays: null });
    // And the rebuild computes the same.
    await db.$executeRaw`SELECT progress_rebuild()`;
    expect((await getDashboard(organizer, s.group.organizationId)).groups.find((g) => g.id === s.group.id)).toMatchObject({ medianEmessageDays: 6 });
  });
});
