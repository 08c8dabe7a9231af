// A PDF reading's form: the same details as a text reading (title, author, source, pages,
// minutes), with the uploaded file in place of the Markdown body. The file itself is checked
// on the server from its content (lib/readings/inspect.ts), never from this form.
import { z } from "zod";
import { idSchema, lessonRefSchema, readingSchema } from "@/lib/validations/course";

export const readingDetailsSchema = readingSchema.omit({ bodyMarkdown: true });
export type ReadingDetailsInput = z.input<typeof readingDetailsSchema>;
export type ReadingDetails = z.output<typeof readingDetailsSchema>;

/** The multipart form the upload route reads: the details as fields, and `file`. */
export const pdfReadingFormSchema = readingDetailsSchema.extend({ file: z.unknown().optional() });

export const pdfReadingParamsSchema = lessonRefSchema;
export const pdfReadingEditParamsSchema = lessonRefSchema.extend({ readingId: idSchema });

/** The browser's form: the details, and the chosen file (checked on the server, not here). */
export const pdfReadingClientSchema = readingDetailsSchema.extend({ file: z.custom<FileList | undefined>(() => true).optional() });
export type PdfReadingClientInput = z.input<typeof pdfReadingClientSchema>;
export type PdfReadingClientValues = z.output<typeof pdfReadingClientSchema>;
