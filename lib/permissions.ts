// The permission table: which group role may take which action. Pure data, no database, so
// it can be read at a glance and tested as a matrix (lib/permissions.test.ts). lib/authz.ts
// finds the caller's roles and asks this table.
import type { MemberStatus } from "@/lib/generated/prisma/enums";

export type GroupRole = "ORGANIZER" | "FACILITATOR" | "MEMBER";

const ALL: readonly GroupRole[] = ["ORGANIZER", "FACILITATOR", "MEMBER"];
const STAFF: readonly GroupRole[] = ["ORGANIZER", "FACILITATOR"];
const ORGANIZER: readonly GroupRole[] = ["ORGANIZER"];
const MEMBER: readonly GroupRole[] = ["MEMBER"];

export const GROUP_PERMISSIONS = {
  "group.view": ALL,
  "group.manage": ORGANIZER,
  "course.edit": STAFF,
  "pack.viewPublished": ALL,
  "pack.viewDraft": STAFF,
  "pack.edit": STAFF,
  "response.writeOwn": MEMBER,
  "response.viewAll": STAFF,
  "response.transcribe": STAFF,
  "feedback.write": STAFF,
  "reply.write": MEMBER,
  "delivery.manage": STAFF,
  "progress.view": STAFF,
  "member.viewPersonal": STAFF,
  "member.invite": STAFF,
  "facilitator.invite": ORGANIZER,
  "roster.manage": ORGANIZER,
  "sharing.editOwn": MEMBER,
  "consent.record": STAFF,
  "discussion.view": ALL,
  "discussion.moderate": STAFF,
  "member.exportData": ORGANIZER,
  "member.erase": ORGANIZER,
  /** A one-time link to set a new password, for a member with a login (docs/decisions/024). */
  "member.resetPassword": ORGANIZER,
} as const satisfies Record<string, readonly GroupRole[]>;

export type GroupAction = keyof typeof GROUP_PERMISSIONS;

export function canInGroup(roles: readonly GroupRole[], action: GroupAction): boolean {
  const allowed: readonly GroupRole[] = GROUP_PERMISSIONS[action];
  return roles.some((role) => allowed.includes(role));
}

/** Enrolments that still open the group: a withdrawn or moved member loses it at once. */
export const MEMBER_STATUSES_WITH_ACCESS = ["ACTIVE", "PAUSED", "COMPLETED"] as const satisfies readonly MemberStatus[];
