// The submit route, called with the request a browser sends (session cookie, Origin, JSON), against
// the real database: who may submit where, what bad input gets back, and that a refused request
// writes nothing.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/groups/[groupSlug]/packs/[packNumber]/responses/route";
import { db } from "@/lib/db";
import { makePackScenario } from "@/tests/factories/pack";
import { sessionCookie } from "@/tests/factories/session";
import { naughtyStrings } from "@/tests/setup/naughty-strings";

const ORIGIN = "http://studypack.test";

async function cookieFor(userId: string, ended = false): Promise<string> {
  return `theme=dark; ${(await sessionCookie(userId, { ended })).cookie}`;
}

type Call = { slug: string; pack: string | number; cookie?: string; origin?: string | null; body?: string; fields?: Record<string, unknown> };

async function post({ slug, pack, cookie, origin = ORIGIN, body, fields }: Call) {
  const headers: Record<string, string> = { host: "studypack.test", "content-type": "application/json" };
  if (origin !== null) headers.origin = origin;
  if (cookie) headers.cookie = cookie;
  const request = new Request(`${ORIGIN}/api/groups/${encodeURIComponent(slug)}/packs/${pack}/responses`, {
    method: "POST",
    headers,
    body: body ?? JSON.stringify(fields ?? {}),
  });
  const response = await POST(request, { params: Promise.resolve({ groupSlug: slug, packNumber: String(pack) }) });
  return { status: response.status, result: await response.json() };
}

const count = (memberId: string) => db.response.count({ where: { memberId } });

describe("POST /api/groups/[groupSlug]/packs/[packNumber]/responses", () => {
  it("submits a member's answer once per key, and a new key after an edit makes a new version", async () => {
    const s = await makePackScenario({ published: true });
    const cookie = await cookieFor(s.memberCtx.user.id);
    const submitKey = randomUUID();
    const fields = { promptId: s.prompts[0], body: "What the reading says about time.", submitKey };
    const first = await post({ slug: s.group.slug, pack: 1, cookie, fields });
    expect(first.status).toBe(200);
    expect(first.result).toMatchObject({ ok: true, data: { version: 1 } });
    // A retry of the same submit (the answer was lost on the way back) changes nothing.
    const again = await post({ slug: s.group.slug, pack: 1, cookie, fields });
    expect(again.result).toEqual(first.result);
    const edited = await post({ slug: s.group.slug, pack: 1, cookie, fields: { ...fields, body: "Edited.", submitKey: randomUUID() } });
    expect(edited.result).toMatchObject({ ok: true, data: { version: 2 } });
    const row = await db.response.findFirstOrThrow({ where: { memberId: s.member.id }, include: { versions: { orderBy: { version: "asc" } } } });
    expect(row).toMatchObject({ status: "SUBMITTED", body: "Edited.", version: 2 });
    expect(row.versions.map((v) => v.body)).toEqual(["What the reading says about time.", "Edited."]);
  });

  it("refuses another site, no session, a stale session and other people's groups, writing nothing", async () => {
    const s = await makePackScenario({ published: true });
    const other = await makePackScenario({ published: true });
    const cookie = await cookieFor(s.memberCtx.user.id);
    const fields = { promptId: s.prompts[0], body: "An answer", submitKey: randomUUID() };
    const refused = [
      await post({ slug: s.group.slug, pack: 1, cookie, fields, origin: null }),
      await post({ slug: s.group.slug, pack: 1, cookie, fields, origin: "https://evil.example" }),
      await post({ slug: s.group.slug, pack: 1, cookie, fields, origin: "not a url" }),
      await post({ slug: s.group.slug, pack: 1, fields }),
      await post({ slug: s.group.slug, pack: 1, cookie: `next-auth.session-token=${"x".repeat(200)}`, fields }),
      await post({ slug: s.group.slug, pack: 1, cookie: await cookieFor(s.memberCtx.user.id, true), fields }),
      // A member of another group, with that group's own prompt, and with this group's prompt.
      await post({ slug: other.group.slug, pack: 1, cookie, fields: { ...fields, promptId: other.prompts[0] } }),
      await post({ slug: other.group.slug, pack: 1, cookie, fields }),
      // The facilitator of the group has no answers to give.
      await post({ slug: s.group.slug, pack: 1, cookie: await cookieFor(s.facilitator.user.id), fields }),
      // A pack or prompt that is not there.
      await post({ slug: s.group.slug, pack: 2, cookie, fields }),
      await post({ slug: s.group.slug, pack: 1, cookie, fields: { ...fields, promptId: other.prompts[0] } }),
    ];
    for (const r of refused) expect(r).toEqual({ status: 404, result: { ok: false, code: "NOT_FOUND", fieldErrors: {}, formError: "errors.notFound" } });
    expect(await count(s.member.id)).toBe(0);
    expect(await count(other.member.id)).toBe(0);
    expect(await db.response.count({ where: { packId: other.pack.id } })).toBe(0);
  });

  it("answers bad input with a message for the form and writes nothing", async () => {
    const s = await makePackScenario({ published: true });
    const cookie = await cookieFor(s.memberCtx.user.id);
    const base = { promptId: s.prompts[0], submitKey: randomUUID() };
    const empty = await post({ slug: s.group.slug, pack: 1, cookie, fields: { ...base, body: "   " } });
    expect(empty).toEqual({ status: 400, result: { ok: false, code: "INVALID", fieldErrors: { body: "packs.validation.responseEmpty" }, formError: null } });
    const long = await post({ slug: s.group.slug, pack: 1, cookie, fields: { ...base, body: "a".repeat(100_001) } });
    expect(long.result.fieldErrors).toEqual({ body: "packs.validation.responseTooLong" });
    const huge = await post({ slug: s.group.slug, pack: 1, cookie, body: JSON.stringify({ ...base, body: "a".repeat(1_000_001) }) });
    expect(huge).toEqual({ status: 413, result: { ok: false, code: "TOO_LARGE", fieldErrors: {}, formError: "packs.validation.responseTooLong" } });
    for (const body of ["not json", "", "[1,2", "null", "42"]) {
      const r = await post({ slug: s.group.slug, pack: 1, cookie, body });
      expect(r.status).toBe(400);
      expect(r.result.ok).toBe(false);
    }
    const noKey = await post({ slug: s.group.slug, pack: 1, cookie, fields: { promptId: s.prompts[0], body: "An answer" } });
    expect(noKey.result.fieldErrors).toHaveProperty("submitKey");
    // The group and pack come from the path, never from the body: a path that names no pack is not found.
    const elsewhere = await post({ slug: s.group.slug, pack: "x", cookie, fields: { ...base, body: "An answer", packNumber: 1 } });
    expect(elsewhere).toMatchObject({ status: 404, result: { code: "NOT_FOUND" } });
    expect(await count(s.member.id)).toBe(0);
  });

  it("keeps every naughty string as written, and refuses them as group or pack without writing", async () => {
    const s = await makePackScenario({ published: true });
    const cookie = await cookieFor(s.memberCtx.user.id);
    for (const [i, text] of naughtyStrings.entries()) {
      const stored = text.replaceAll("\u0000", "");
      const r = await post({ slug: s.group.slug, pack: 1, cookie, fields: { promptId: s.prompts[i % 2], body: text, submitKey: randomUUID() } });
      if (!stored.trim()) {
        expect(r.status).toBe(400);
        continue;
      }
      expect(r.result.ok, text).toBe(true);
      const row = await db.response.findFirstOrThrow({ where: { memberId: s.member.id, promptId: s.prompts[i % 2] }, select: { body: true } });
      expect(row.body).toBe(stored);
      const slug = await post({ slug: text || "x", pack: 1, cookie, fields: { promptId: s.prompts[0], body: "An answer", submitKey: randomUUID() } });
      expect([400, 404], text).toContain(slug.status);
      const pack = await post({ slug: s.group.slug, pack: encodeURIComponent(text || "x"), cookie, fields: { promptId: s.prompts[0], body: "An answer", submitKey: randomUUID() } });
      // A number written another way ("1.00", " 1") is still pack 1.
      expect(Number(text) === 1 ? [200] : [404], text).toContain(pack.status);
    }
    expect(await count(s.member.id)).toBe(2);
  });
});
