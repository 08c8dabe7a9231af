// Every word the pack PDF prints around the facilitators' own text, in one place so a Spanish
// pack is one more object of this type (PRODUCT.md: the pack PDF is in English and Spanish).
export type Labels = {
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

export const en: Labels = {
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
