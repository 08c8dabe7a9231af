// The demo data's discussion, seeded into the test database the way the first start does it.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadPrintData } from "@/lib/packs/print-data";
import { DEMO_REPLY } from "@/prisma/demo-discussion";
import { seedDemo } from "@/prisma/seed";

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
});
