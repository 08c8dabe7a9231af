import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { headerFacts } from "@/lib/data/header";
import { makeFacilitator, makeGroup, makeOrganizer, makeUser } from "@/tests/factories";

describe("headerFacts", () => {
  it("shows staff links only to organizers and facilitators, and counts only the caller's unread notifications", async () => {
    const group = await makeGroup();
    const organizer = await makeOrganizer(group.organizationId);
    const facilitator = await makeFacilitator(group.id);
    const both = await makeFacilitator(group.id, await makeOrganizer(group.organizationId));
    const nobody = await makeUser();
    await db.notification.createMany({
      data: [
        { userId: nobody.id, kind: "feedback", data: {} },
        { userId: nobody.id, kind: "reply", data: {} },
        { userId: nobody.id, kind: "reply", data: {}, readAt: new Date() },
        { userId: organizer.id, kind: "reply", data: {} },
      ],
    });
    expect(await headerFacts(organizer)).toEqual({ organizer: true, facilitator: false, unread: 1 });
    expect(await headerFacts(facilitator)).toEqual({ organizer: false, facilitator: true, unread: 0 });
    expect(await headerFacts(both)).toEqual({ organizer: true, facilitator: true, unread: 0 });
    expect(await headerFacts(nobody)).toEqual({ organizer: false, facilitator: false, unread: 2 });
  });
});
