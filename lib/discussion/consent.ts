// Who has agreed to what, for sharing a response with the group (PRODUCT.md: featured responses
// only "with the writer's consent, under a pen name"). Pure rules, no database: the data layer
// asks these functions before every write, and reads with `sharedResponseWhere`, which says the
// same thing as `isShared` in a query (lib/discussion/consent.test.ts checks they agree).
//
// - A member's sharing preference (GROUP / FACILITATORS) is the default for their responses.
// - An online member's own choice on a response wins over their preference: they made it.
// - A mail member cannot click anything: their preference is what they wrote in a letter, and it
//   counts only once a facilitator has recorded it with the date it was given. A transcribed
//   response is shared only while that recorded consent says GROUP; the facilitator may keep a
//   single response private, never share one the consent does not cover. Withdrawing consent
//   un-shares every transcribed response at once.
// - Only submitted responses are ever shared; a hidden one is out of the group's view and can be
//   neither replied to nor featured.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ResponseSource } from "@/lib/generated/prisma/enums";

export type SharingPreference = "GROUP" | "FACILITATORS";

export type ConsentMember = {
  sharingPreference: SharingPreference;
  sharingConsentAt: Date | null;
};

export type ConsentResponse = {
  status: "DRAFT" | "SUBMITTED";
  source: ResponseSource;
  /** The per-response choice; null = the member's preference. */
  shared: boolean | null;
  hiddenAt: Date | null;
};

/**
 * Typed in by a facilitator from a letter (TRANSCRIBED) or an e-message reply (EMESSAGE): the
 * writer never saw a share control, so only the consent a facilitator recorded counts.
 */
export function enteredByStaff(source: ResponseSource): boolean {
  return source !== "ONLINE";
}

/** A mail member's consent to share, as recorded by a facilitator. */
export function mailConsentGiven(member: ConsentMember): boolean {
  return member.sharingPreference === "GROUP" && member.sharingConsentAt !== null;
}

/** Whether the writer has agreed that the group may read this response (hidden or not). */
export function isShared(response: ConsentResponse, member: ConsentMember): boolean {
  if (response.status !== "SUBMITTED") return false;
  if (enteredByStaff(response.source)) return mailConsentGiven(member) && response.shared !== false;
  return response.shared ?? member.sharingPreference === "GROUP";
}

/** Shared and not hidden: what the group's members see and may reply to. */
export function isVisibleToGroup(response: ConsentResponse, member: ConsentMember): boolean {
  return isShared(response, member) && response.hiddenAt === null;
}

/** Featuring prints the text for the whole group (and on paper): the same rule as visibility. */
export const canBeFeatured = isVisibleToGroup;

/** Whether a facilitator may mark a transcribed response as shared. */
export function canTranscriberShare(member: ConsentMember): boolean {
  return mailConsentGiven(member);
}

/** The default of the share control beside a response, before the writer has chosen. */
export function defaultShared(member: ConsentMember, source: ConsentResponse["source"]): boolean {
  return enteredByStaff(source) ? mailConsentGiven(member) : member.sharingPreference === "GROUP";
}

/** The fields the rules read, for a response query's `select` (spread it in). */
export const consentSelect = {
  status: true,
  source: true,
  shared: true,
  hiddenAt: true,
  member: { select: { sharingPreference: true, sharingConsentAt: true } },
} as const satisfies Prisma.ResponseSelect;

/** `isShared` as a query: submitted responses the writer agreed to share. */
export function sharedResponseWhere(): Prisma.ResponseWhereInput {
  return {
    status: "SUBMITTED",
    OR: [
      { source: "ONLINE", shared: true },
      { source: "ONLINE", shared: null, member: { sharingPreference: "GROUP" } },
      { source: { in: ["TRANSCRIBED", "EMESSAGE"] }, OR: [{ shared: null }, { shared: true }], member: { sharingPreference: "GROUP", sharingConsentAt: { not: null } } },
    ],
  };
}

/** `isVisibleToGroup` as a query. */
export function visibleResponseWhere(): Prisma.ResponseWhereInput {
  return { AND: [sharedResponseWhere(), { hiddenAt: null }] };
}
