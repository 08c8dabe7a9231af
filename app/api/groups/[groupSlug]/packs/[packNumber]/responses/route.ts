// Submitting an answer: the busiest write in the app (docs/decisions/016-submit-route.md). A route
// handler rather than a server action, because Next.js spends about as much CPU handling an
// action as the whole submit costs otherwise. Same checks, same result shape as the actions:
// same origin, the session, lib/authz for the group, zod for the input, then lib/data.
import { getRequestUser } from "@/lib/auth/session";
import { authorizeGroup } from "@/lib/authz";
import { runAction, type ActionResult } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { submitResponse } from "@/lib/data/responses";
import { BodyTooLarge, readBodyText } from "@/lib/http/read-body";
import { isSameOrigin } from "@/lib/http/same-origin";
import { submitResponseSchema } from "@/lib/validations/response";

export const dynamic = "force-dynamic";

/** A 100,000-character answer is at most 400 KB of UTF-8; anything far larger is not ours, and is not read past this. */
const MAX_BODY_BYTES = 1_000_000;

type Submitted = ActionResult<{ version: number; submittedAt: string }>;

function answer(result: Submitted): Response {
  const status = result.ok ? 200 : result.formError === "errors.notFound" ? 404 : result.formError === "errors.generic" ? 500 : 400;
  return Response.json(result, { status, headers: { "Cache-Control": "no-store" } });
}

const failed = (formError: string): Submitted => ({ ok: false, fieldErrors: {}, formError });

export async function POST(request: Request, context: { params: Promise<{ groupSlug: string; packNumber: string }> }) {
  if (!isSameOrigin(request)) return answer(failed("errors.notFound"));
  const { groupSlug, packNumber } = await context.params;
  let fields: unknown;
  try {
    fields = JSON.parse(await readBodyText(request, MAX_BODY_BYTES));
  } catch (error) {
    return answer(failed(error instanceof BodyTooLarge ? "packs.validation.responseTooLong" : "errors.badRequest"));
  }
  const input = { ...(typeof fields === "object" && fields !== null ? fields : {}), groupSlug, packNumber };
  return answer(
    await runAction(submitResponseSchema, input, async ({ groupSlug, packNumber, promptId, body, submitKey }) => {
      const user = await getRequestUser(request);
      if (!user) throw new AppError("NOT_FOUND", "errors.notFound");
      const ctx = await authorizeGroup(user, groupSlug, "response.writeOwn");
      const result = await submitResponse(ctx, { packNumber, promptId, body, submitKey });
      return { version: result.version, submittedAt: result.submittedAt.toISOString() };
    }),
  );
}
