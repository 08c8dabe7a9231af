// Submitting an answer: the busiest write in the app (docs/decisions/016-submit-route.md). A route
// handler rather than a server action, because Next.js spends about as much CPU handling an
// action as the whole submit costs otherwise. The entry layer makes the same checks as for an
// action (same origin, session, lib/authz for the group, zod), and answers in the same shape.
import { z } from "zod";
import { submitResponse } from "@/lib/data/responses";
import { groupRoute } from "@/lib/server/routes";
import { submitResponseSchema } from "@/lib/validations/response";

export const dynamic = "force-dynamic";

/** A 100,000-character answer is at most 400 KB of UTF-8; anything far larger is not ours, and is not read past this. */
const MAX_BODY_BYTES = 1_000_000;

export const POST = groupRoute(
  "response.writeOwn",
  {
    params: z.object({ packNumber: submitResponseSchema.shape.packNumber }),
    body: submitResponseSchema.pick({ promptId: true, body: true, submitKey: true }),
    maxBodyBytes: MAX_BODY_BYTES,
    tooLargeMessage: "packs.validation.responseTooLong",
    answer: "json",
  },
  async (ctx, { params: { packNumber }, body: { promptId, body, submitKey } }) => {
    const result = await submitResponse(ctx, { packNumber, promptId, body, submitKey });
    return Response.json({ ok: true, data: { version: result.version, submittedAt: result.submittedAt.toISOString() } }, { headers: { "Cache-Control": "no-store" } });
  },
);
