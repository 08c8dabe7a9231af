// Every page, route and action that shows personal data, for each role: allowed AND audited, or
// not found AND not audited. Pages are thin; this drives what they call (lib/authz + lib/data):
// each surface is the page's own authorization and the one loader that loads and audits.
import { randomUUID } from "node:crypto";
import { stringify } from "csv-stringify/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authorizeGroup, loadGroupContext } from "@/lib/authz";
import type { CurrentUser } from "@/lib/auth/session";
import { listAuditEntries, recordAuditView } from "@/lib/data/audit-log";
import { viewMailLog } from "@/lib/data/deliveries";
import { acceptInvitationAsNewUser, createInvitation } from "@/lib/data/invitations";
import { exportMemberData, getMemberDetail } from "@/lib/data/member-data";
import { changeMemberStatus, moveMember, releaseMember, switchChannel, viewMembers } from "@/lib/data/members";
import { memberPackPdfForDownload, printRunPdfForDownload } from "@/lib/data/print-runs";
import { exportGroupProgress, viewGroupProgress } from "@/lib/data/progress";
import { previewRoster } from "@/lib/data/roster";
import { attachScan, openScanForDownload } from "@/lib/data/scans";
import { viewMemberTimeline } from "@/lib/data/timeline";
import { viewTranscription } from "@/lib/data/transcriptions";
import { ROSTER_COLUMNS } from "@/lib/roster/csv";
import { makeFacilitator, makeGroup, makeMember, makeOrganizer, makeUser } from "@/tests/factories";
import { makeScanScenario, tinyPng } from "@/tests/factories/scan";

type Role = "organizer" | "facilitator" | "otherFacilitator" | "member" | "otherMember" | "stranger";
const ROLES: Role[] = ["organizer", "facilitator", "otherFacilitator", "member", "otherMember", "stranger"];
const STAFF: Role[] = ["organizer", "facilitator"];
const ORGANIZER: Role[] = ["organizer"];

type World = Awaited<ReturnType<typeof makeWorld>>;

async function makeWorld() {
  const s = await makeScanScenario();
  const organizer = await makeOrganizer(s.group.organizationId);
  const other = await makeGroup(s.group.organizationId);
  const otherFacilitator = await makeFacilitator(other.id);
  const { user: otherMember } = await makeMember(other);
  const scan = await attachScan(s.facilitator, s.response.id, { name: "letter.png", bytes: tinyPng() });
  const users: Record<Role, CurrentUser> = {
    organizer,
    facilitator: s.facilitator.user,
    otherFacilitator,
    member: s.memberCtx.user,
    otherMember: otherMember!,
    stranger: await makeUser(),
  };
  // A finished print run of the pack (its merged PDF is any stored file here).
  const file = await db.storedFile.create({
    data: { organizationId: s.group.organizationId, storageKey: `print-runs/${randomUUID()}.pdf`, filename: "pack-1.pdf", contentType: "application/pdf", byteSize: 1, sha256: "0".repeat(64) },
    select: { id: true },
  });
  const run = await db.printRun.create({ data: { packId: s.pack.id, status: "DONE", done: 1, total: 1, fileId: file.id, finishedAt: new Date() }, select: { id: true } });
  const { personId } = await db.member.findUniqueOrThrow({ where: { id: s.mailMember.id }, select: { personId: true } });
  return { ...s, users, other, scanFileId: scan.id, printRunId: run.id, mailPersonId: personId };
}

const page = (user: CurrentUser, slug: string, action: Parameters<typeof authorizeGroup>[2]) => authorizeGroup(user, slug, action);

/** `person`: the view shows one member, so its entry names the person (the audit log's person filter finds it). */
const surfaces: { name: string; audit: string; allowed: Role[]; person?: true; open: (w: World, user: CurrentUser) => Promise<unknown> }[] = [
  { name: "members list", audit: "members.view", allowed: STAFF, open: async (w, u) => viewMembers(await page(u, w.group.slug, "member.viewPersonal")) },
  { name: "member page", audit: "member.view", allowed: STAFF, person: true, open: async (w, u) => getMemberDetail(await page(u, w.group.slug, "member.viewPersonal"), w.mailMember.id) },
  { name: "member data export", audit: "member.export", allowed: ORGANIZER, open: async (w, u) => exportMemberData(await page(u, w.group.slug, "member.exportData"), w.mailMember.id) },
  {
    name: "roster import preview",
    audit: "roster.preview",
    allowed: ORGANIZER,
    open: (w, u) => previewRoster(u, w.group.organizationId, stringify([[...ROSTER_COLUMNS], [w.group.slug, "Ada", "", "online", `ada-${randomUUID()}@example.test`, "", "", ""]])),
  },
  {
    name: "audit log",
    audit: "audit.view",
    allowed: ORGANIZER,
    open: async (w, u) => {
      const result = await listAuditEntries(u, { org: w.group.organizationId });
      await recordAuditView(u, result.organization.id, { org: w.group.organizationId });
    },
  },
  {
    name: "transcription form",
    audit: "transcription.view",
    allowed: STAFF,
    person: true,
    open: async (w, u) => viewTranscription(await page(u, w.group.slug, "response.transcribe"), w.pack.number, w.mailMember.id, w.prompts[0]!),
  },
  { name: "mail log", audit: "mailLog.view", allowed: STAFF, open: async (w, u) => viewMailLog(await page(u, w.group.slug, "delivery.manage"), w.pack.number) },
  {
    name: "one member's pack PDF",
    audit: "packPdf.download",
    allowed: STAFF,
    person: true,
    open: async (w, u) => expect(await memberPackPdfForDownload(await page(u, w.group.slug, "delivery.manage"), w.pack.number, w.mailMember.id)).toMatchObject({ blocked: false }),
  },
  { name: "print run PDF", audit: "printRun.download", allowed: STAFF, open: (w, u) => printRunPdfForDownload(u, w.printRunId) },
  { name: "progress page", audit: "progress.view", allowed: STAFF, open: async (w, u) => viewGroupProgress(await page(u, w.group.slug, "progress.view")) },
  { name: "progress CSV export", audit: "progress.export", allowed: STAFF, open: async (w, u) => exportGroupProgress(await page(u, w.group.slug, "progress.view"), { channel: "MAIL" }) },
  {
    name: "member timeline",
    audit: "timeline.view",
    allowed: STAFF,
    person: true,
    open: async (w, u) => viewMemberTimeline(await page(u, w.group.slug, "progress.view"), w.mailMember.id),
  },
  {
    name: "scan download",
    audit: "scan.download",
    allowed: STAFF,
    person: true,
    open: async (w, u) => {
      const file = await openScanForDownload(u, w.scanFileId);
      file.stream.destroy();
    },
  },
];

const audits = (actorId: string, action: string) => db.auditLog.count({ where: { actorId, action } });

describe("personal data: allowed and audited, or not found and not audited", () => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld();
  });

  for (const surface of surfaces) {
    for (const role of ROLES) {
      const allowed = surface.allowed.includes(role);
      it(`${surface.name} × ${role}: ${allowed ? "allowed, audited" : "not found, not audited"}`, async () => {
        const user = world.users[role];
        const before = await audits(user.id, surface.audit);
        if (allowed) {
          await surface.open(world, user);
          expect(await audits(user.id, surface.audit)).toBe(before + 1);
          if (surface.person) {
            const entry = await db.auditLog.findFirstOrThrow({ where: { actorId: user.id, action: surface.audit }, orderBy: { createdAt: "desc" } });
            expect(entry.personId).toBe(world.mailPersonId);
          }
        } else {
          await expect(surface.open(world, user)).rejects.toMatchObject({ code: "NOT_FOUND" });
          expect(await audits(user.id, surface.audit)).toBe(before);
        }
      });
    }
  }

  it("the audit log's person filter finds every look at one member's data", async () => {
    const { organizer, facilitator } = world.users;
    for (const surface of surfaces.filter((x) => x.person)) await surface.open(world, facilitator);
    const { entries } = await listAuditEntries(organizer, { org: world.group.organizationId, personId: world.mailPersonId, actorId: facilitator.id });
    expect(new Set(entries.map((e) => e.action))).toEqual(new Set(surfaces.filter((x) => x.person).map((x) => x.audit)));
  });

  it("a print run that has not finished has no PDF to download, and nothing is recorded", async () => {
    const { facilitator } = world.users;
    const running = await db.printRun.create({ data: { packId: world.pack.id, status: "RUNNING", total: 1 }, select: { id: true } });
    const before = await audits(facilitator.id, "printRun.download");
    await expect(printRunPdfForDownload(facilitator, running.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await audits(facilitator.id, "printRun.download")).toBe(before);
  });

  it("a facilitator of another group cannot reach this group's member through their own group's pages", async () => {
    const ctx = await page(world.users.otherFacilitator, world.other.slug, "member.viewPersonal");
    const before = await db.auditLog.count({ where: { actorId: world.users.otherFacilitator.id } });
    await expect(getMemberDetail(ctx, world.mailMember.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(releaseMember(ctx, world.mailMember.id, { email: "x@example.test", occurredOn: "2026-12-01", reason: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(changeMemberStatus(ctx, world.mailMember.id, { change: "pause", occurredOn: "2026-12-01", reason: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditLog.count({ where: { actorId: world.users.otherFacilitator.id } })).toBe(before);
  });
});

describe("changes of role or status are audited", () => {
  const password = { password: "correct horse battery", confirmPassword: "correct horse battery" };

  it("accepting a facilitator or an organizer invitation", async () => {
    const group = await makeGroup();
    const organizer = await makeOrganizer(group.organizationId);
    for (const input of [
      { role: "FACILITATOR" as const, email: `fac-${randomUUID()}@example.test`, groupSlug: group.slug },
      { role: "ORGANIZER" as const, email: `org-${randomUUID()}@example.test`, organizationId: group.organizationId },
    ]) {
      const { token, id } = await createInvitation(organizer, input);
      expect(await db.auditLog.count({ where: { entityId: id, action: "invitation.create", actorId: organizer.id } })).toBe(1);
      await acceptInvitationAsNewUser(token, { name: "New staff", ...password });
      const user = await db.user.findUniqueOrThrow({ where: { email: input.email } });
      expect(await db.auditLog.findFirst({ where: { entityId: id, action: "invitation.accept" } })).toMatchObject({ actorId: user.id, details: { role: input.role } });
    }
  });

  it("pause, resume, complete, withdraw, move, release and a channel switch each write an entry", async () => {
    const w = await makeScanScenario();
    const organizer = await loadGroupContext(await makeOrganizer(w.group.organizationId), w.group.slug);
    const target = await makeGroup(w.group.organizationId);
    const id = w.mailMember.id;
    const day = { occurredOn: "2026-12-01", reason: "" };
    await changeMemberStatus(w.facilitator, id, { change: "pause", ...day });
    await changeMemberStatus(w.facilitator, id, { change: "resume", ...day });
    await releaseMember(w.facilitator, id, { email: `rel-${randomUUID()}@example.test`, ...day });
    await switchChannel(w.facilitator, w.member.id, "MAIL");
    await moveMember(organizer!, id, { targetGroupId: target.id, penName: "Moved on", ...day });
    await changeMemberStatus(w.facilitator, w.member.id, { change: "complete", ...day });
    const online = await makeMember(w.group);
    await changeMemberStatus(w.facilitator, online.member.id, { change: "withdraw", ...day });
    const actions = (await db.auditLog.findMany({ where: { groupId: w.group.id, action: { startsWith: "member." } }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["member.pause", "member.resume", "member.release", "member.channel", "member.move", "member.complete", "member.withdraw"]);
  });
});
