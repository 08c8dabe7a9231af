// The demo data's discussion, seeded into the test database the way the first start does it.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadPrintData } from "@/lib/packs/print-data";
import { DEMO_REPLY } from "@/prisma/demo-discussion";
import { DEMO_ACCOUNTS, seedDemo } from "@/prisma/seed";
import { loadGroupContext } from "@/lib/authz";
import { getLetter, moveAnswer } from "@/lib/data/transcriptions";

describe("demo discussion", () => {
  it("shares, features and replies to a mail member, whose next pack prints the reply", async () => {
    await seedDemo(db);
    const intro = await db.group.findUniqueOrThrow({ where: { slug: "intro" }, select: { id: true } });
    // The draft after the published packs (pack 2 is the progress demo's, published).
    const next = await db.pack.findFirstOrThrow({ where: { groupId: intro.id, status: "DRAFT" }, orderBy: { number: "desc" }, select: { id: true, number: true } });
    expect(next.number).toBe(3);
    const northwind = await db.member.findUniqueOrThrow({ where: { groupId_penName: { groupId: intro.id, penName: "Northwind" } }, select: { id: true } });
    const { pack, members } = await loadPrintData(next.id, [northwind.id]);
    expect(pack.featured?.map((f) => f.penName)).toEqual(["Maya M.", "Northwind"]);
    expect(members[0]!.replies?.[0]?.replies).toEqual([{ penName: "Maya M.", body: DEMO_REPLY }]);
    expect(await db.notification.count({ where: { user: { email: "member@example.org" }, readAt: null } })).toBe(1);
  });

  it("Northwind's answer to question 2, filed under question 1, moves there with its reply and featuring", async () => {
    // After the test above (same file, in order): the demo is seeded. Issue 16, decision 032.
    await seedDemo(db);
    const user = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.facilitator }, select: { id: true, email: true, name: true, locale: true } });
    const ctx = (await loadGroupContext(user, "intro"))!;
    const northwind = await db.member.findUniqueOrThrow({ where: { groupId_penName: { groupId: ctx.group.id, penName: "Northwind" } }, select: { id: true } });
    const before = await getLetter(ctx, 1, northwind.id);
    const [q1, q2] = before.questions;
    expect(q2!.text).toContain("eight hours for what we will");
    const answer = before.answers.get(q1!.promptId)!;
    expect(answer.answer.body).toContain("Eight hours for what we will");
    await moveAnswer(ctx, { packNumber: 1, memberId: northwind.id, fromPromptId: q1!.promptId, toPromptId: q2!.promptId });
    const after = await getLetter(ctx, 1, northwind.id);
    expect(after.answers.get(q2!.promptId)?.answer.id).toBe(answer.answer.id);
    expect(after.answers.get(q2!.promptId)?.moves).toMatchObject([{ from: 1, to: 2, by: user.name }]);
    // Its reply and its place in the next pack go with it: the same response.
    expect(await db.reply.count({ where: { responseId: answer.answer.id } })).toBeGreaterThan(0);
    expect(await db.featuredResponse.count({ where: { responseId: answer.answer.id } })).toBe(1);
  });
});
