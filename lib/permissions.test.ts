// The permission table as a matrix: role × action. A change to who may do what must change
// this table on purpose.
import { describe, expect, it } from "vitest";
import { GROUP_PERMISSIONS, canInGroup, type GroupAction, type GroupRole } from "@/lib/permissions";

const O = "ORGANIZER", F = "FACILITATOR", M = "MEMBER";
const expected: Record<GroupAction, GroupRole[]> = {
  "group.view": [O, F, M],
  "group.manage": [O],
  "course.edit": [O, F],
  "pack.viewPublished": [O, F, M],
  "pack.viewDraft": [O, F],
  "pack.edit": [O, F],
  "response.writeOwn": [M],
  "response.viewAll": [O, F],
  "response.transcribe": [O, F],
  "feedback.write": [O, F],
  "reply.write": [M],
  "delivery.manage": [O, F],
  "progress.view": [O, F],
  "member.viewPersonal": [O, F],
  "member.invite": [O, F],
  "facilitator.invite": [O],
  "roster.manage": [O],
  "sharing.editOwn": [M],
  "consent.record": [O, F],
  "discussion.view": [O, F, M],
  "discussion.moderate": [O, F],
  "member.exportData": [O],
  "member.erase": [O],
  "member.resetPassword": [O],
};

describe("group permissions", () => {
  it("the table covers exactly the actions we expect", () => {
    expect(Object.keys(GROUP_PERMISSIONS).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [action, allowed] of Object.entries(expected) as [GroupAction, GroupRole[]][]) {
    for (const role of [O, F, M] as GroupRole[]) {
      const may = allowed.includes(role);
      it(`${role} ${may ? "may" : "may not"} ${action}`, () => {
        expect(canInGroup([role], action)).toBe(may);
      });
    }
  }

  it("nobody without a role may do anything", () => {
    for (const action of Object.keys(expected) as GroupAction[]) expect(canInGroup([], action)).toBe(false);
  });

  it("roles add up: a facilitator who is also a member may write their own response", () => {
    expect(canInGroup([F, M], "response.writeOwn")).toBe(true);
    expect(canInGroup([F, M], "roster.manage")).toBe(false);
  });
});
