// The words an e-message pack says around the facilitators' own text, in the member's language,
// like the pack PDF's lib/packs/pdf/labels.ts (whose words it reuses for what both say: the
// letter heading, "Lesson 1: …", "Question 2 of 5", "From the group"). Spanish in the register
// of docs/decisions/033: usted, paquete, lectura, pregunta, código de respuesta.
import { labelsFor as pdfLabelsFor, type Labels as PdfLabels } from "@/lib/packs/pdf/labels";

export type EmessageLabels = {
  pdf: PdfLabels;
  header: (pack: number, n: number, total: number) => string;
  howToAnswer: string;
  startWith: (code: string) => string;
  byPost: (title: string) => string;
  notes: string;
  source: string;
  pages: string;
};

const en: Omit<EmessageLabels, "pdf"> = {
  header: (pack, n, total) => `Pack ${pack} — message ${n} of ${total}`,
  howToAnswer:
    "How to answer: each question below has a response code. Start each answer with its code, for example \"ABCD-EFGH: your answer\". You may answer several questions in one message.",
  startWith: (code) => `Start your answer with ${code}`,
  byPost: (title) => `The reading "${title}" comes to you by post, not in these messages.`,
  notes: "Notes",
  source: "Source",
  pages: "Pages",
};

const es: Omit<EmessageLabels, "pdf"> = {
  header: (pack, n, total) => `Paquete ${pack} — mensaje ${n} de ${total}`,
  howToAnswer:
    "Cómo responder: cada pregunta tiene un código de respuesta. Empiece cada respuesta con su código, por ejemplo «ABCD-EFGH: su respuesta». Puede responder varias preguntas en un mismo mensaje.",
  startWith: (code) => `Empiece su respuesta con ${code}`,
  byPost: (title) => `La lectura “${title}” le llega por correo postal, no en estos mensajes.`,
  notes: "Notas",
  source: "Fuente",
  pages: "Páginas",
};

/** The member's language (Person.locale); English when not set. */
export function emessageLabelsFor(locale: "EN" | "ES" | null | undefined): EmessageLabels {
  return { ...(locale === "ES" ? es : en), pdf: pdfLabelsFor(locale) };
}
