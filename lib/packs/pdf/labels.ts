// Every word the pack PDF prints around the facilitators' own text, in one place so a Spanish
// pack is one more object of this type (PRODUCT.md: the pack PDF is in English and Spanish).
export type Labels = {
  /** A calendar date (stored as midnight UTC) in this language, e.g. "March 12, 2027". */
  date: (date: Date) => string;
  page: (n: number, total: number) => string;
  envelope: (k: number, total: number) => string;
  idNumber: (id: string) => string;
  packName: (number: number, title: string) => string;
  dueBy: (date: string) => string;
  letterHeading: string;
  lesson: (position: number, title: string) => string;
  readingBy: (author: string) => string;
  readingTitle: (title: string) => string;
  uploadedReading: (title: string, pages: number | null) => string;
  importedReading: (pages: number) => string;
  scannedLeftOut: (title: string, pages: number) => string;
  continuedFrom: (envelope: number) => string;
  continuesIn: (envelope: number) => string;
  continuedTitle: (title: string) => string;
  question: (n: number, total: number) => string;
  questionContinued: (n: number) => string;
  onReading: (title: string) => string;
  responseCode: string;
  responseSheet: string;
  /** The line under each question where the member ticks whether the group may read the answer. */
  consent: { question: string; yes: string; no: string };
  writeBelow: string;
  sheets: (first: number, last: number) => string;
  sheetRange: (first: number, last: number) => string;
  inThisEnvelope: (pages: number, first: number, last: number, total: number) => string;
  wholePackOneEnvelope: (pages: number) => string;
  wholePack: (envelopes: number, pages: number) => string;
  envelopeRange: (k: number, first: number, last: number) => string;
  moreSections: (n: number) => string;
  mailRules: (facility: string) => string;
  pageLimit: (limit: number) => string;
  missingEnvelope: string;
  runTitle: string;
  runSummary: (members: number, envelopes: number, pages: number) => string;
  runColumns: { number: string; member: string; facility: string; envelopes: string; pages: string; filePages: string };
  notPrinted: string;
  checkBeforeMailing: string;
  doNotMail: string;
  fromTheGroup: string;
  fromTheGroupIntro: string;
  fromPack: (pack: number, prompt: string) => string;
  replyTo: (penName: string) => string;
  facilitatorsNote: string;
  repliesHeading: string;
  repliesIntro: string;
  yourResponse: string;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

// Calendar dates are stored as midnight UTC: formatted in UTC so they never shift a day.
const calendarDate = (locale: string) => {
  const format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", year: "numeric", month: "long", day: "numeric" });
  return (date: Date) => format.format(date);
};

export const en: Labels = {
  date: calendarDate("en-US"),
  page: (n, total) => `Page ${n} of ${total}`,
  envelope: (k, total) => `Envelope ${k} of ${total}`,
  idNumber: (id) => `ID ${id}`,
  packName: (number, title) => (title ? `Pack ${number}: ${title}` : `Pack ${number}`),
  dueBy: (date) => `Please send your answers by ${date}.`,
  letterHeading: "A letter from your facilitators",
  lesson: (position, title) => `Lesson ${position}: ${title}`,
  readingBy: (author) => `by ${author}`,
  readingTitle: (title) => `Reading: ${title}`,
  uploadedReading: (title, pages) =>
    `The reading "${title}" is a separate document${pages ? ` of ${plural(pages, "page", "pages")}` : ""}. It is not printed here.`,
  importedReading: (pages) => `The reading follows on the next ${plural(pages, "page", "pages")}, as it was published.`,
  scannedLeftOut: (title, pages) =>
    `The reading "${title}" (${plural(pages, "page", "pages")}) is not in this pack. It is a scanned copy, so its pages are pictures, and the mail rules of your facility do not allow pictures. Your facilitators chose to leave it out rather than have the whole envelope refused.`,
  continuedFrom: (envelope) => `continued from envelope ${envelope}`,
  continuesIn: (envelope) => `continues in envelope ${envelope}`,
  continuedTitle: (title) => `${title} (continued)`,
  question: (n, total) => `Question ${n} of ${total}`,
  questionContinued: (n) => `Question ${n} (continued)`,
  onReading: (title) => `About the reading "${title}"`,
  responseCode: "Response code",
  responseSheet: "Response sheet",
  consent: { question: "You may share this answer with the group under my pen name:", yes: "yes", no: "no" },
  writeBelow: "Write your answer on the lines below. If you need more paper, copy the response code from the box at the top onto each extra sheet.",
  sheets: (first, last) => (first === last ? `Response sheet for question ${first}` : `Response sheets for questions ${first}–${last}`),
  sheetRange: (first, last) => (first === last ? `page ${first}` : `pages ${first}–${last}`),
  inThisEnvelope: (pages, first, last, total) => `This envelope holds ${plural(pages, "page", "pages")}: pages ${first} to ${last} of ${total}.`,
  wholePackOneEnvelope: (pages) => `This envelope holds the whole pack: ${plural(pages, "page", "pages")}.`,
  wholePack: (envelopes, pages) => `The whole pack is ${plural(pages, "page", "pages")} in ${envelopes} envelopes:`,
  envelopeRange: (k, first, last) => `envelope ${k}: pages ${first}–${last}`,
  moreSections: (n) => `… and ${plural(n, "more section", "more sections")}`,
  mailRules: (facility) => `Mail rules at ${facility}`,
  pageLimit: (limit) => `At most ${plural(limit, "page", "pages")} per envelope, this sheet included.`,
  missingEnvelope: "If an envelope is missing, write to us and we will send it again.",
  runTitle: "Print run",
  runSummary: (members, envelopes, pages) =>
    `${plural(members, "member", "members")}, ${plural(envelopes, "envelope", "envelopes")}, ${plural(pages, "page", "pages")} to print (these sheets not included).`,
  runColumns: { number: "#", member: "Member", facility: "Facility", envelopes: "Envelopes", pages: "Pages", filePages: "In this file" },
  notPrinted: "Not printed (fix first, then print again)",
  checkBeforeMailing: "Check before mailing",
  doNotMail: "Print-run sheet: keep it, do not mail it",
  fromTheGroup: "From the group",
  fromTheGroupIntro: "Chosen by your facilitators from what members wrote for earlier packs, printed under the pen names they chose.",
  fromPack: (pack, prompt) => `Pack ${pack} · ${prompt}`,
  replyTo: (penName) => `replying to ${penName}`,
  facilitatorsNote: "Facilitators' note",
  repliesHeading: "Replies to your response",
  repliesIntro: "Members of the group read what you shared and wrote back. They are named by their pen names.",
  yourResponse: "You wrote:",
};

/**
 * The same words in Spanish (issue 17), in the register and vocabulary of
 * docs/decisions/033-spanish-catalogs.md: usted, paquete, lectura, pregunta, hoja de respuestas,
 * código de respuesta, centro, sobre, tanda de impresión.
 */
export const es: Labels = {
  date: calendarDate("es"),
  page: (n, total) => `Página ${n} de ${total}`,
  envelope: (k, total) => `Sobre ${k} de ${total}`,
  idNumber: (id) => `N.º ${id}`,
  packName: (number, title) => (title ? `Paquete ${number}: ${title}` : `Paquete ${number}`),
  dueBy: (date) => `Por favor, envíe sus respuestas a más tardar el ${date}.`,
  letterHeading: "Una carta de quienes facilitan el grupo",
  lesson: (position, title) => `Lección ${position}: ${title}`,
  readingBy: (author) => `de ${author}`,
  readingTitle: (title) => `Lectura: ${title}`,
  uploadedReading: (title, pages) =>
    `La lectura “${title}” es un documento aparte${pages ? ` de ${plural(pages, "página", "páginas")}` : ""}. No se imprime aquí.`,
  importedReading: (pages) => `La lectura sigue en ${pages === 1 ? "la página siguiente" : `las ${pages} páginas siguientes`}, tal como se publicó.`,
  scannedLeftOut: (title, pages) =>
    `La lectura “${title}” (${plural(pages, "página", "páginas")}) no está en este paquete. Es una copia escaneada, así que sus páginas son imágenes, y las reglas de correo de su centro no permiten imágenes. Quienes facilitan el grupo decidieron dejarla fuera para que no rechacen el sobre completo.`,
  continuedFrom: (envelope) => `viene del sobre ${envelope}`,
  continuesIn: (envelope) => `sigue en el sobre ${envelope}`,
  continuedTitle: (title) => `${title} (continuación)`,
  question: (n, total) => `Pregunta ${n} de ${total}`,
  questionContinued: (n) => `Pregunta ${n} (continuación)`,
  onReading: (title) => `Sobre la lectura “${title}”`,
  responseCode: "Código de respuesta",
  responseSheet: "Hoja de respuestas",
  consent: { question: "Pueden compartir esta respuesta con el grupo bajo mi seudónimo:", yes: "sí", no: "no" },
  writeBelow: "Escriba su respuesta en las líneas de abajo. Si necesita más papel, copie el código de respuesta del recuadro de arriba en cada hoja que agregue.",
  sheets: (first, last) => (first === last ? `Hoja de respuestas de la pregunta ${first}` : `Hojas de respuestas de las preguntas ${first}–${last}`),
  sheetRange: (first, last) => (first === last ? `página ${first}` : `páginas ${first}–${last}`),
  inThisEnvelope: (pages, first, last, total) => `Este sobre tiene ${plural(pages, "página", "páginas")}: de la ${first} a la ${last} de ${total}.`,
  wholePackOneEnvelope: (pages) => `Este sobre tiene el paquete completo: ${plural(pages, "página", "páginas")}.`,
  wholePack: (envelopes, pages) => `El paquete completo tiene ${plural(pages, "página", "páginas")} en ${envelopes} sobres:`,
  envelopeRange: (k, first, last) => `sobre ${k}: páginas ${first}–${last}`,
  moreSections: (n) => `… y ${n === 1 ? "una parte más" : `${n} partes más`}`,
  mailRules: (facility) => `Reglas de correo en ${facility}`,
  pageLimit: (limit) => `Como máximo ${plural(limit, "página", "páginas")} por sobre, contando esta hoja.`,
  missingEnvelope: "Si le falta un sobre, escríbanos y se lo enviaremos de nuevo.",
  runTitle: "Tanda de impresión",
  runSummary: (members, envelopes, pages) =>
    `${plural(members, "participante", "participantes")}, ${plural(envelopes, "sobre", "sobres")}, ${plural(pages, "página", "páginas")} para imprimir (sin contar estas hojas).`,
  runColumns: { number: "#", member: "Participante", facility: "Centro", envelopes: "Sobres", pages: "Páginas", filePages: "En este archivo" },
  notPrinted: "No impreso (corríjalo primero y vuelva a imprimir)",
  checkBeforeMailing: "Revisar antes de enviar",
  doNotMail: "Hoja de la tanda de impresión: guárdela, no la envíe",
  fromTheGroup: "Desde el grupo",
  fromTheGroupIntro: "Quienes facilitan el grupo eligieron estos textos entre lo que otras personas escribieron para paquetes anteriores. Van firmados con el seudónimo que cada una eligió.",
  fromPack: (pack, prompt) => `Paquete ${pack} · ${prompt}`,
  replyTo: (penName) => `contestando a ${penName}`,
  facilitatorsNote: "Nota de quienes facilitan el grupo",
  repliesHeading: "Contestaciones a su respuesta",
  repliesIntro: "Otras personas del grupo leyeron lo que usted compartió y le contestaron. Aparecen con su seudónimo.",
  yourResponse: "Usted escribió:",
};

/** The words of a member's pack: their language (Person.locale), English when it is not set. */
export function labelsFor(locale: "EN" | "ES" | null | undefined): Labels {
  return locale === "ES" ? es : en;
}
