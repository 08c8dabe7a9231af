// Filing an e-message reply (docs/decisions/046): the pasted text, the received date, and the
// assignment the facilitator saw in the preview (each answer's text and the code it goes under, or
// null for "a note, not an answer"). The server checks the assignment against the member's codes
// again (lib/data/emessage-replies.ts); it never re-parses the text into something not previewed.
import { z } from "zod";
import { responseBodySchema, transcriptionSubmitSchema } from "@/lib/validations/response";
import { stripNul } from "@/lib/validations/text";

/** A reply is a few messages of at most ~13,000 characters (CorrLinks), far below this. */
export const REPLY_MAX_CHARS = 100_000;

export const emessageReplyTextSchema = z
  .string()
  .transform(stripNul)
  .pipe(z.string().trim().min(1, "emessageReply.validation.empty").max(REPLY_MAX_CHARS, "emessageReply.validation.tooLong"));

/** The paste form, before the preview. */
export const emessageReplyPasteSchema = z.object({
  body: emessageReplyTextSchema,
  receivedOn: transcriptionSubmitSchema.shape.receivedOn,
});

export const emessageAnswerSchema = z.object({
  /** The code as it stood in the text, and its 8 characters as read. */
  codeText: z.string().max(100).transform(stripNul),
  codeRead: z.string().max(8),
  text: responseBodySchema,
  /** The member's code this answer is filed under; null: not an answer, kept in the note. */
  target: z.string().length(8).nullable(),
  /** The facilitator confirmed a target that is not the code as read (a misread, or chosen by hand). */
  confirmed: z.boolean(),
});

export const fileEmessageReplySchema = z.object({
  groupSlug: z.string().min(1).max(100),
  memberId: z.string().min(1).max(64),
  receivedOn: transcriptionSubmitSchema.shape.receivedOn,
  /** Made once per preview by the browser; it becomes the reply's id, so a retry files nothing more. */
  submitKey: z.uuid(),
  body: emessageReplyTextSchema,
  answers: z.array(emessageAnswerSchema).max(500),
});
export type FileEmessageReplyInput = z.infer<typeof fileEmessageReplySchema>;
