// Who reads which language (issue 17): a person's own UI language, chosen on the account page,
// and the language of a member's packs and letters, set by staff (or the roster file). Both null
// until chosen: the browser decides the UI, and paper is in English.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { canInGroup } from "@/lib/permissions";
import type { GroupContext } from "@/lib/authz";
import { writeAudit } from "@/lib/data/audit";
import type { LanguageChoice } from "@/lib/validations/language";

export async function setOwnLanguage(user: CurrentUser, language: LanguageChoice): Promise<void> {
  await db.user.update({ where: { id: user.id }, data: { locale: language } });
}

/** The time zone they chose themselves, or null. */
export async function getOwnTimeZone(user: CurrentUser): Promise<string | null> {
  return (await db.user.findUnique({ where: { id: user.id }, select: { timeZone: true } }))?.timeZone ?? null;
}

/** Their own time zone (null: their organization's); times are shown in it from the next page. */
export async function setOwnTimeZone(user: CurrentUser, timeZone: string | null): Promise<void> {
  await db.user.update({ where: { id: user.id }, data: { timeZone } });
}

/** The language of this member's packs and letters (staff of the group; the person, across groups). */
export async function setMemberLanguage(ctx: GroupContext, memberId: string, language: LanguageChoice): Promise<void> {
  if (!canInGroup(ctx.roles, "member.viewPersonal")) throw new AppError("NOT_FOUND", "errors.notFound");
  await db.$transaction(async (tx) => {
    const member = await tx.member.findFirst({ where: { id: memberId, groupId: ctx.group.id, person: { erasedAt: null } }, select: { personId: true } });
    if (!member) throw new AppError("NOT_FOUND", "errors.notFound");
    await tx.person.update({ where: { id: member.personId }, data: { locale: language } });
    await writeAudit(tx, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "member.language", entityType: "Person", entityId: member.personId, groupId: ctx.group.id, personId: member.personId, details: { language } });
  });
}
