import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { canBeFeatured, isShared, sharedResponseWhere, visibleResponseWhere, type ConsentMember, type ConsentResponse } from "@/lib/discussion/consent";
import { makeMember } from "@/tests/factories";
import { makePackScenario } from "@/tests/factories/pack";

const given = new Date("2026-01-05T00:00:00Z");
const members: Record<string, ConsentMember> = {
  group: { sharingPreference: "GROUP", sharingConsentAt: given },
  groupUnrecorded: { sharingPreference: "GROUP", sharingConsentAt: null },
  facilitators: { sharingPreference: "FACILITATORS", sharingConsentAt: given },
};
const response = (over: Partial<ConsentResponse> = {}): ConsentResponse => ({ status: "SUBMITTED", source: "ONLINE", shared: null, hiddenAt: null, ...over });

describe("consent rules", () => {
  it("an online response follows the writer's preference unless they chose for it", () => {
    expect(isShared(response(), members.group!)).toBe(true);
    expect(isShared(response(), members.facilitators!)).toBe(false);
    expect(isShared(response({ shared: true }), members.facilitators!)).toBe(true);
    expect(isShared(response({ shared: false }), members.group!)).toBe(false);
  });

  it("a transcribed response is shared only under recorded consent, and can be kept private", () => {
    const t = (shared: boolean | null) => response({ source: "TRANSCRIBED", shared });
    expect(isShared(t(null), members.group!)).toBe(true);
    expect(isShared(t(false), members.group!)).toBe(false);
    // No consent recorded, or consent for facilitators only: a "shared" flag does not count.
    expect(isShared(t(true), members.groupUnrecorded!)).toBe(false);
    expect(isShared(t(true), members.facilitators!)).toBe(false);
  });

  it("drafts and hidden responses cannot be featured", () => {
    expect(canBeFeatured(response({ status: "DRAFT", shared: true }), members.group!)).toBe(false);
    expect(canBeFeatured(response({ hiddenAt: new Date() }), members.group!)).toBe(false);
    expect(canBeFeatured(response(), members.group!)).toBe(true);
    expect(canBeFeatured(response(), members.facilitators!)).toBe(false);
  });

  it("the query form selects exactly the responses the rule allows", async () => {
    const s = await makePackScenario({ published: true });
    const cases: { member: ConsentMember; channel: "ONLINE" | "MAIL"; r: ConsentResponse }[] = [];
    for (const member of Object.values(members)) {
      for (const source of ["ONLINE", "TRANSCRIBED"] as const) {
        for (const shared of [null, true, false]) {
          for (const status of ["DRAFT", "SUBMITTED"] as const) {
            for (const hiddenAt of [null, new Date()]) cases.push({ member, channel: source === "ONLINE" ? "ONLINE" : "MAIL", r: { status, source, shared, hiddenAt } });
          }
        }
      }
    }
    const ids: { id: string; shared: boolean; visible: boolean }[] = [];
    for (const c of cases) {
      const { member } = await makeMember(s.group, { channel: c.channel });
      await db.member.update({ where: { id: member.id }, data: { sharingPreference: c.member.sharingPreference, sharingConsentAt: c.member.sharingConsentAt } });
      const row = await db.response.create({
        data: { id: randomUUID(), packId: s.pack.id, memberId: member.id, promptId: s.prompts[0]!, source: c.r.source, status: c.r.status, shared: c.r.shared, hiddenAt: c.r.hiddenAt, body: "x" },
        select: { id: true },
      });
      ids.push({ id: row.id, shared: isShared(c.r, c.member), visible: canBeFeatured(c.r, c.member) });
    }
    const all = ids.map((i) => i.id);
    const shared = await db.response.findMany({ where: { AND: [{ id: { in: all } }, sharedResponseWhere()] }, select: { id: true } });
    const visible = await db.response.findMany({ where: { AND: [{ id: { in: all } }, visibleResponseWhere()] }, select: { id: true } });
    expect(new Set(shared.map((r) => r.id))).toEqual(new Set(ids.filter((i) => i.shared).map((i) => i.id)));
    expect(new Set(visible.map((r) => r.id))).toEqual(new Set(ids.filter((i) => i.visible).map((i) => i.id)));
  });
});
