// Members' contact details through their actions as a browser calls them (session cookie, entry
// layer, data functions, real database): adding an online member who then accepts their
// invitation, and correcting personal details with history, audit and a new invitation.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { authorizeGroup } from "@/lib/authz";
import { eraseMember } from "@/lib/data/member-data";
import { makeFacilitator, makeGroup, makeMember, makeOrganizer } from "@/tests/factories";
import { makeFacility, makeMailMember } from "@/tests/factories/mail";
import { signInAs } from "@/tests/setup/request-cookie";
import { naughtyStrings } from "@/tests/setup/naughty-strings";
import { addOnlineMemberAction, correctMemberDetailsAction } from "@/app/(app)/groups/[groupSlug]/members/actions";
import { acceptAsNewUserAction } from "@/app/(auth)/invitations/[token]/actions";

vi.mock("next/headers", () => import("@/tests/setup/request-cookie"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const signIn = signInAs;

const PASSWORD = "a quiet river in autumn 1987";
const tokenOf = (path: string) => path.split("/").at(-1)!;

let group: { id: string; slug: string; organizationId: string; courseId: string };
let facilitator: Awaited<ReturnType<typeof makeFacilitator>>;
beforeEach(async () => {
  group = await makeGroup();
  facilitator = await makeFacilitator(group.id);
  await signIn(facilitator);
});

describe("adding an online member", () => {
  it("enrols them with an invitation link; they accept it, sign in and see the group", async () => {
    const result = await addOnlineMemberAction({ groupSlug: group.slug, values: { legalName: "Rosa Díaz", email: " Rosa@Example.test", penName: "" } });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.data).toMatchObject({ person: "new", canSignIn: false, penName: expect.stringMatching(/^Reader \d{4}$/) });
    expect(result.data.invitations).toHaveLength(1);
    const member = await db.member.findUniqueOrThrow({ where: { id: result.data.memberId }, select: { channel: true, status: true, person: { select: { legalName: true, email: true } } } });
    expect(member).toEqual({ channel: "ONLINE", status: "ACTIVE", person: { legalName: "Rosa Díaz", email: "rosa@example.test" } });
    expect(await db.personEvent.count({ where: { memberId: result.data.memberId, kind: "ENROLLED", actorId: facilitator.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "member.add", entityId: result.data.memberId } })).toBe(1);

    await signIn(null);
    expect(await acceptAsNewUserAction({ token: tokenOf(result.data.invitations[0]!.path), values: { name: "Rosa", password: PASSWORD, confirmPassword: PASSWORD } })).toMatchObject({ ok: true, data: { groupSlug: group.slug } });
    const user = await db.user.findUniqueOrThrow({ where: { email: "rosa@example.test" }, select: { id: true, email: true, name: true, locale: true } });
    await expect(authorizeGroup(user, group.slug, "response.writeOwn")).resolves.toMatchObject({ roles: ["MEMBER"] });
  });

  it("enrols someone of the organization who can already sign in without an invitation; someone already in the group is refused", async () => {
    const elsewhere = await makeMember(await makeGroup(group.organizationId));
    const result = await addOnlineMemberAction({ groupSlug: group.slug, values: { legalName: "Another name", email: elsewhere.user!.email, penName: "Heron" } });
    expect(result).toMatchObject({ ok: true, data: { person: "existing", canSignIn: true, penName: "Heron", invitations: [] } });
    // Their record is left as it was: the roster's name is not replaced by what was typed.
    expect((await db.person.findUniqueOrThrow({ where: { userId: elsewhere.user!.id } })).legalName).not.toBe("Another name");

    const before = await db.member.count({ where: { groupId: group.id } });
    expect(await addOnlineMemberAction({ groupSlug: group.slug, values: { legalName: "X", email: elsewhere.user!.email, penName: "" } })).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { "values.email": "members.errors.emailInGroup" } });
    expect(await addOnlineMemberAction({ groupSlug: group.slug, values: { legalName: "X", email: "new@example.test", penName: "Heron" } })).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { "values.penName": "members.errors.penNameInGroup" } });
    expect(await db.member.count({ where: { groupId: group.id } })).toBe(before);
    expect(await db.person.count({ where: { email: "new@example.test" } })).toBe(0);
  });

  it("takes every naughty string in the name, e-mail and pen name with a clear answer, never an error page", async () => {
    for (const [i, text] of naughtyStrings.entries()) {
      const result = await addOnlineMemberAction({ groupSlug: group.slug, values: { legalName: text, email: i % 2 ? text : `n${i}@example.test`, penName: i % 3 ? "" : text } });
      if (result.ok) {
        const person = await db.member.findUniqueOrThrow({ where: { id: result.data.memberId }, select: { person: { select: { legalName: true } } } });
        expect(person.person.legalName).toBe(text.replaceAll("\u0000", "").trim());
      } else {
        expect(["INVALID", "CONFLICT"]).toContain(result.code);
      }
    }
  });

  it("is refused in an archived group, for members of the group, and for another group's staff", async () => {
    const values = { legalName: "Kim", email: "kim@example.test", penName: "" };
    const member = await makeMember(group);
    const outsider = await makeFacilitator((await makeGroup()).id);
    for (const caller of [member.user!, outsider]) {
      await signIn(caller);
      expect(await addOnlineMemberAction({ groupSlug: group.slug, values })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    await signIn(facilitator);
    await db.group.update({ where: { id: group.id }, data: { archivedAt: new Date() } });
    expect(await addOnlineMemberAction({ groupSlug: group.slug, values })).toMatchObject({ ok: false, code: "CONFLICT", formError: "errors.groupArchived" });
    expect(await db.person.count({ where: { email: "kim@example.test" } })).toBe(0);
  });
});

describe("correcting personal details", () => {
  it("keeps the before and after in the history, names only the fields in the audit, and sends the open invitation to the new address", async () => {
    const added = await addOnlineMemberAction({ groupSlug: group.slug, values: { legalName: "Jon Smiht", email: "jon@exmaple.test", penName: "Jay" } });
    if (!added.ok) throw new Error(JSON.stringify(added));
    const oldToken = tokenOf(added.data.invitations[0]!.path);

    const result = await correctMemberDetailsAction({ groupSlug: group.slug, memberId: added.data.memberId, values: { legalName: "Jon Smith", email: "jon@example.test", idNumber: "", housingUnit: "", reason: "Typed wrong at intake" } });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.data.changed).toEqual(["legalName", "email"]);
    expect(result.data.invitations).toMatchObject([{ email: "jon@example.test" }]);

    const event = await db.personEvent.findFirstOrThrow({ where: { memberId: added.data.memberId, kind: "DETAILS_CORRECTED" } });
    expect(event).toMatchObject({ reason: "Typed wrong at intake", actorId: facilitator.id, details: { legalName: { from: "Jon Smiht", to: "Jon Smith" }, email: { from: "jon@exmaple.test", to: "jon@example.test" } } });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "member.correct", groupId: group.id } });
    expect(audit.details).toEqual({ fields: ["legalName", "email"] });

    await signIn(null);
    expect(await acceptAsNewUserAction({ token: oldToken, values: { name: "Jon", password: PASSWORD, confirmPassword: PASSWORD } })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await acceptAsNewUserAction({ token: tokenOf(result.data.invitations[0]!.path), values: { name: "Jon", password: PASSWORD, confirmPassword: PASSWORD } })).toMatchObject({ ok: true });

    // Saving the same values again changes nothing and records nothing.
    await signIn(facilitator);
    expect(await correctMemberDetailsAction({ groupSlug: group.slug, memberId: added.data.memberId, values: { legalName: "Jon Smith", email: "jon@example.test", idNumber: "", housingUnit: "", reason: "" } })).toEqual({ ok: true, data: { changed: [], invitations: [] } });
    expect(await db.personEvent.count({ where: { memberId: added.data.memberId, kind: "DETAILS_CORRECTED" } })).toBe(1);
  });

  it("never changes how a member with a login signs in", async () => {
    const member = await makeMember(group);
    const result = await correctMemberDetailsAction({ groupSlug: group.slug, memberId: member.member.id, values: { legalName: "Corrected", email: "contact@example.test", idNumber: "", housingUnit: "", reason: "" } });
    expect(result).toMatchObject({ ok: true, data: { changed: ["legalName", "email"], invitations: [] } });
    expect((await db.user.findUniqueOrThrow({ where: { id: member.user!.id } })).email).toBe(member.user!.email);
  });

  it("keeps ID numbers unique at a facility, and gives none to a member without one", async () => {
    const facility = await makeFacility(group.organizationId);
    const a = await makeMailMember(group, { facilityId: facility.id, idNumber: "A-100" });
    await makeMailMember(group, { facilityId: facility.id, idNumber: "A-200" });
    const person = await db.member.findUniqueOrThrow({ where: { id: a.memberId }, select: { person: { select: { legalName: true } } } });
    const values = { legalName: person.person.legalName, email: "", housingUnit: "Unit A", reason: "" };
    expect(await correctMemberDetailsAction({ groupSlug: group.slug, memberId: a.memberId, values: { ...values, idNumber: "a200" } })).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { "values.idNumber": "members.errors.idTaken" } });
    expect(await correctMemberDetailsAction({ groupSlug: group.slug, memberId: a.memberId, values: { ...values, idNumber: "" } })).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { "values.idNumber": "members.validation.idRequired" } });
    expect(await correctMemberDetailsAction({ groupSlug: group.slug, memberId: a.memberId, values: { ...values, idNumber: "a-101" } })).toMatchObject({ ok: true, data: { changed: ["idNumber"] } });
    expect((await db.person.findFirstOrThrow({ where: { memberships: { some: { id: a.memberId } } } })).idNumber).toBe("a-101"); // stored as written, matched by key

    const online = await makeMember(group);
    expect(await correctMemberDetailsAction({ groupSlug: group.slug, memberId: online.member.id, values: { legalName: "X", email: online.user!.email, idNumber: "B-1", housingUnit: "", reason: "" } })).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { "values.idNumber": "members.validation.noFacility" } });
  });

  it("an e-mail stays unique in the organization, and an online member without a login keeps one", async () => {
    const other = await makeMember(group);
    const added = await addOnlineMemberAction({ groupSlug: group.slug, values: { legalName: "Ana", email: "ana@example.test", penName: "" } });
    if (!added.ok) throw new Error("add failed");
    const values = { legalName: "Ana", idNumber: "", housingUnit: "", reason: "" };
    expect(await correctMemberDetailsAction({ groupSlug: group.slug, memberId: added.data.memberId, values: { ...values, email: other.user!.email.toUpperCase() } })).toMatchObject({ ok: false, fieldErrors: { "values.email": "members.errors.emailTaken" } });
    expect(await correctMemberDetailsAction({ groupSlug: group.slug, memberId: added.data.memberId, values: { ...values, email: "  " } })).toMatchObject({ ok: false, fieldErrors: { "values.email": "members.validation.emailRequired" } });
    expect(await correctMemberDetailsAction({ groupSlug: group.slug, memberId: added.data.memberId, values: { ...values, email: "not an address" } })).toMatchObject({ ok: false, code: "INVALID" });
    expect((await db.person.findFirstOrThrow({ where: { memberships: { some: { id: added.data.memberId } } } })).email).toBe("ana@example.test");
  });

  it("is not found for another group's member and for a member of the group; erasure clears what corrections kept", async () => {
    const elsewhere = await makeMember(await makeGroup(group.organizationId));
    const values = { legalName: "X", email: "", idNumber: "", housingUnit: "", reason: "" };
    expect(await correctMemberDetailsAction({ groupSlug: group.slug, memberId: elsewhere.member.id, values })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const member = await makeMember(group);
    const peer = await makeMember(group);
    await signIn(peer.user!);
    expect(await correctMemberDetailsAction({ groupSlug: group.slug, memberId: member.member.id, values })).toMatchObject({ ok: false, code: "NOT_FOUND" });

    await signIn(facilitator);
    expect(await correctMemberDetailsAction({ groupSlug: group.slug, memberId: member.member.id, values: { ...values, legalName: "Secret Name", email: member.user!.email } })).toMatchObject({ ok: true });
    const organizer = await makeOrganizer(group.organizationId);
    const ctx = await authorizeGroup(organizer, group.slug, "member.erase");
    const penName = (await db.member.findUniqueOrThrow({ where: { id: member.member.id } })).penName;
    await eraseMember(ctx, member.member.id, penName);
    const events = await db.personEvent.findMany({ where: { memberId: member.member.id, kind: "DETAILS_CORRECTED" } });
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain("Secret Name");
  });
});
