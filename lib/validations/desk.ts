// The transcription desk's input (docs/decisions/032): a whole letter in one save, and moving an
// answer to another question of the same pack.
import { z } from "zod";
import { responseBodySchema, transcriptionSubmitSchema, transcriptionTargetSchema } from "@/lib/validations/response";

const letterTarget = transcriptionTargetSchema.pick({ groupSlug: true, packNumber: true, memberId: true });
const promptId = transcriptionTargetSchema.shape.promptId;

export const fileLetterSchema = letterTarget.extend({
  receivedOn: transcriptionSubmitSchema.shape.receivedOn,
  submitKey: transcriptionSubmitSchema.shape.submitKey,
  /** One per question box; an empty box is not filed. `shared`: the sheet's tick, null = not ticked. */
  answers: z
    .array(z.object({ promptId, body: responseBodySchema, shared: z.boolean().nullable() }))
    .min(1)
    .max(100),
});

export const moveAnswerSchema = letterTarget.extend({ fromPromptId: promptId, toPromptId: promptId });
