// Who reads which language, through the actions as a browser calls them: a person's own UI
// language, the language staff set for a member's packs, the roster file's column, and a new
// member's account starting in the language of their packs.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { makeFacilitator, makeGroup, makeMember, makeOrganizer } from "@/tests/factories";
import { makeMailMember } from "@/tests/factories/mail";
import { signInAs } from "@/tests/setup/request-cookie";
import { setLanguageAction, setTimeZoneAction } from "@/app/(app)/account/actions";
import { getCurrentUser } from "@/lib/auth/session";
import { startTestSmtpServer } from "@/tests/setup/smtp";
import { resetEmailQueue, workQueuedEmails } from "@/tests/setup/email-queue";
import { addOnlineMemberAction, setMemberLanguageAction } from "@/app/(app)/groups/[groupSlug]/members/actions";
import { acceptAsNewUserAction } from "@/app/(auth)/invitations/[token]/actions";
import { importRosterAction } from "@/app/(app)/roster/actions";
import { updateCourseAction } from "@/app/(app)/courses/[courseId]/actions";

vi.mock("next/headers", () => import("@/tests/setup/request-cookie"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let group: { id: string; slug: string; organizationId: string; courseId: string };
beforeEach(async () => {
  group = await makeGroup();
});

describe("a person's own language", () => {
  it("is saved, changed and cleared on the account page; bad input changes nothing", async () => {
    const { user } = await makeMember(group);
    await signInAs(user!);
    expect(await setLanguageAction({ language: "ES" })).toEqual({ ok: true, data: null });
    expect((await db.user.findUniqueOrThrow({ where: { id: user!.id } })).locale).toBe("ES");
    for (const bad of ["FR", "es", 1, null, "ES; DROP TABLE"]) expect(await setLanguageAction({ language: bad })).toMatchObject({ ok: false, code: "INVALID" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user!.id } })).locale).toBe("ES");
    expect(await setLanguageAction({ language: "" })).toEqual({ ok: true, data: null });
    expect((await db.user.findUniqueOrThrow({ where: { id: user!.id } })).locale).toBeNull();
  });
});

describe("the language of a member's packs", () => {
  it("staff of the group set it, audited; a member, another group's staff and nobody are refused", async () => {
    const facilitator = await makeFacilitator(group.id);
    const mail = await makeMailMember(group);
    await signInAs(facilitator);
    expect(await setMemberLanguageAction({ groupSlug: group.slug, memberId: mail.memberId, language: "ES" })).toEqual({ ok: true, data: null });
    expect((await db.person.findUniqueOrThrow({ where: { id: mail.personId } })).locale).toBe("ES");
    expect(await db.auditLog.count({ where: { action: "member.language", personId: mail.personId, actorId: facilitator.id } })).toBe(1);

    const peer = await makeMember(group);
    const outsider = await makeFacilitator((await makeGroup(group.organizationId)).id);
    for (const caller of [peer.user!, outsider, null]) {
      await signInAs(caller);
      expect(await setMemberLanguageAction({ groupSlug: group.slug, memberId: mail.memberId, language: "EN" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    // Another group's member named through this group: not found either.
    await signInAs(facilitator);
    const elsewhere = await makeMailMember(await makeGroup(group.organizationId));
    expect(await setMemberLanguageAction({ groupSlug: group.slug, memberId: elsewhere.memberId, language: "ES" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await db.person.findUniqueOrThrow({ where: { id: mail.personId } })).locale).toBe("ES");
    expect((await db.person.findUniqueOrThrow({ where: { id: elsewhere.personId } })).locale).toBeNull();
  });

  it("starts a new member's account in it when they accept their invitation", async () => {
    const facilitator = await makeFacilitator(group.id);
    await signInAs(facilitator);
    const added = await addOnlineMemberAction({ groupSlug: group.slug, values: { legalName: "Lucía Gómez", email: "lucia@example.test", penName: "" } });
    if (!added.ok) throw new Error(JSON.stringify(added));
    expect(await setMemberLanguageAction({ groupSlug: group.slug, memberId: added.data.memberId, language: "ES" })).toMatchObject({ ok: true });
    await signInAs(null);
    const password = "una lámpara nueva para las tardes";
    expect(await acceptAsNewUserAction({ token: added.data.invitations[0]!.path.split("/").at(-1)!, values: { name: "Lucía", password, confirmPassword: password } })).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { email: "lucia@example.test" } })).locale).toBe("ES");
  });
});

describe("the roster file's language column", () => {
  it("sets the language of new people, fills it for people without one, and refuses an unknown language", async () => {
    const organizer = await makeOrganizer(group.organizationId);
    await signInAs(organizer);
    const known = await makeMember(group, { user: null });
    await db.person.update({ where: { id: known.personId }, data: { email: "known@example.test" } });
    const other = await makeGroup(group.organizationId);
    const otherSlug = (await db.group.findUniqueOrThrow({ where: { id: other.id } })).slug;
    const csv = [
      "group,legal_name,pen_name,channel,email,language",
      `${group.slug},Ana Ruiz,,online,ana@example.test,Español`,
      `${group.slug},Bo Lee,,online,bo@example.test,en`,
      `${group.slug},Cy Doe,,online,cy@example.test,`,
      `${otherSlug},Known Person,,online,known@example.test,es`,
      `${group.slug},Di Fay,,online,di@example.test,fr`,
    ].join("\n");
    const result = await importRosterAction({ organizationId: group.organizationId, csv, mode: "validRows" });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const locale = async (email: string) => (await db.person.findFirst({ where: { organizationId: group.organizationId, email } }))?.locale;
    expect(await locale("ana@example.test")).toBe("ES");
    expect(await locale("bo@example.test")).toBe("EN");
    expect(await locale("cy@example.test")).toBeNull();
    expect(await locale("known@example.test")).toBe("ES");
    expect(await locale("di@example.test")).toBeUndefined(); // the row was refused
  });
});

describe("the language a course is written in", () => {
  it("is recorded by its editors, left alone when the form does not send it, and refused when unknown", async () => {
    const organizer = await makeOrganizer(group.organizationId);
    await signInAs(organizer);
    const values = { title: "Leer juntos", description: "" };
    expect(await updateCourseAction({ courseId: group.courseId, values: { ...values, language: "ES" } })).toMatchObject({ ok: true });
    expect((await db.course.findUniqueOrThrow({ where: { id: group.courseId } })).locale).toBe("ES");
    expect(await updateCourseAction({ courseId: group.courseId, values })).toMatchObject({ ok: true });
    expect((await db.course.findUniqueOrThrow({ where: { id: group.courseId } })).locale).toBe("ES");
    expect(await updateCourseAction({ courseId: group.courseId, values: { ...values, language: "FR" } })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await updateCourseAction({ courseId: group.courseId, values: { ...values, language: "" } })).toMatchObject({ ok: true });
    expect((await db.course.findUniqueOrThrow({ where: { id: group.courseId } })).locale).toBeNull();
  });
});

describe("a person's own time zone", () => {
  it("overrides their organization's for what they see, is cleared back to it, and refuses an unknown zone", async () => {
    await db.organization.update({ where: { id: group.organizationId }, data: { timeZone: "America/Chicago" } });
    const facilitator = await makeFacilitator(group.id);
    await signInAs(facilitator);
    expect((await getCurrentUser())?.timeZone).toBe("America/Chicago");
    expect(await setTimeZoneAction({ timeZone: "Europe/Madrid" })).toEqual({ ok: true, data: null });
    expect((await getCurrentUser())?.timeZone).toBe("Europe/Madrid");
    for (const bad of ["Mars/Base", "UTC; x", 5, "x".repeat(80)]) expect(await setTimeZoneAction({ timeZone: bad })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await setTimeZoneAction({ timeZone: "" })).toEqual({ ok: true, data: null });
    expect((await getCurrentUser())?.timeZone).toBe("America/Chicago");
  });
});

describe("e-mails in the recipient's language", () => {
  it("a member whose packs are in Spanish gets their invitation in Spanish; another member in English", async () => {
    const smtp = await startTestSmtpServer();
    try {
      const facilitator = await makeFacilitator(group.id);
      await signInAs(facilitator);
      const lucia = await addOnlineMemberAction({ groupSlug: group.slug, values: { legalName: "Lucía Gómez", email: "lucia.es@example.test", penName: "Lucía" } });
      const ben = await addOnlineMemberAction({ groupSlug: group.slug, values: { legalName: "Ben Example", email: "ben.en@example.test", penName: "Ben" } });
      if (!lucia.ok || !ben.ok) throw new Error("adding failed");
      // The words are chosen when the e-mail is sent: the language set meanwhile counts.
      expect(await setMemberLanguageAction({ groupSlug: group.slug, memberId: lucia.data.memberId, language: "ES" })).toMatchObject({ ok: true });
      await workQueuedEmails();
      const toLucia = smtp.messages.find((m) => m.to.includes("lucia.es@example.test"))!;
      const toBen = smtp.messages.find((m) => m.to.includes("ben.en@example.test"))!;
      expect(toLucia.subject).toMatch(/^Su invitación a /);
      expect(toLucia.text).toContain("le invita a unirse");
      expect(toBen.subject).toMatch(/^Your invitation to /);
    } finally {
      await smtp.close();
      await resetEmailQueue();
    }
  });
});
