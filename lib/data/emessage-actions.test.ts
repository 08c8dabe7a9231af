// The e-message actions as a browser calls them (session cookie, entry layer, zod, work): a bad
// identifier comes back on its field and changes nothing; every naughty string as an identifier
// is either stored as typed (tidied) or refused with our message, never a 500; the messages
// page's actions work for the group's facilitator and are NOT_FOUND for another group's.
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { makeFacilitator, makeMember } from "@/tests/factories";
import { makePackScenario } from "@/tests/factories/pack";
import { signInAs } from "@/tests/setup/request-cookie";
import { naughtyStrings } from "@/tests/setup/naughty-strings";
import { switchChannelAction, switchToEmessageAction } from "@/app/(app)/groups/[groupSlug]/members/actions";
import { markEmessagesSentAction, prepareEmessagesAction, recordEmessageEventAction } from "@/app/(app)/groups/[groupSlug]/packs/emessage-actions";
import { publishPack } from "@/lib/data/packs";

vi.mock("next/headers", () => import("@/tests/setup/request-cookie"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

describe("e-message actions", () => {
  it("switch a member to e-message and back; a bad identifier comes back on its field", async () => {
    const s = await makePackScenario();
    const facilitator = await makeFacilitator(s.group.id);
    const { member } = await makeMember(s.group, { channel: "MAIL", user: null });
    await signInAs(facilitator);
    const call = (contact: unknown) => switchToEmessageAction({ groupSlug: s.group.slug, memberId: member.id, values: { service: "CORRLINKS", contact } });
    expect(await call("")).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { "values.contact": "emessage.validation.contactRequired" } });
    for (const naughty of naughtyStrings) {
      const result = await call(naughty);
      if (!result.ok) expect(result.code).toBe("INVALID");
    }
    expect(await call("12345-678")).toEqual({ ok: true, data: null });
    expect(await db.member.findUniqueOrThrow({ where: { id: member.id }, select: { channel: true, person: { select: { emessageContact: true } } } })).toEqual({ channel: "EMESSAGE", person: { emessageContact: "12345-678" } });
    expect(await switchChannelAction({ groupSlug: s.group.slug, memberId: member.id, channel: "MAIL" })).toEqual({ ok: true, data: null });
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).channel).toBe("MAIL");
  });

  it("prepare, mark sent and record through the door; another group's facilitator gets NOT_FOUND", async () => {
    const s = await makePackScenario();
    const { member } = await makeMember(s.group, { channel: "EMESSAGE", user: null });
    await db.person.update({ where: { id: (await db.member.findUniqueOrThrow({ where: { id: member.id } })).personId }, data: { emessageService: "CORRLINKS", emessageContact: "12345-678" } });
    await publishPack(s.facilitator, 1);
    const delivery = await db.delivery.findFirstOrThrow({ where: { memberId: member.id } });
    const ref = { groupSlug: s.group.slug, packNumber: 1, deliveryId: delivery.id };
    const stranger = await makeFacilitator((await makePackScenario()).group.id);
    await signInAs(stranger);
    expect(await prepareEmessagesAction(ref)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    await signInAs(s.facilitator.user);
    expect(await prepareEmessagesAction(ref)).toEqual({ ok: true, data: { messages: 1 } });
    expect(await recordEmessageEventAction({ ...ref, values: { status: "RETURNED", occurredOn: "2026-12-01", reason: "" } })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await markEmessagesSentAction(ref)).toEqual({ ok: true, data: { status: "MAILED", unsent: 0 } });
    expect(await recordEmessageEventAction({ ...ref, values: { status: "RETURNED", occurredOn: "2026-12-01", reason: "" } })).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { "values.reason": "emessage.validation.reasonRequired" } });
    expect(await recordEmessageEventAction({ ...ref, values: { status: "RETURNED", occurredOn: "not a date", reason: "x" } })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await recordEmessageEventAction({ ...ref, values: { status: "RETURNED", occurredOn: "2026-12-01", reason: "Not approved" } })).toEqual({ ok: true, data: { status: "RETURNED" } });
    await signInAs(stranger);
    expect(await markEmessagesSentAction(ref)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await db.delivery.findUniqueOrThrow({ where: { id: delivery.id } })).status).toBe("RETURNED");
  });
});
