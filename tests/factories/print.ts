// Print inputs for the PDF tests and the PDF benchmark (scripts/bench-pdf.ts), as plain objects
// with no database: the demo course of prisma/demo-content.ts as a pack, two facilities, and mail
// members with valid response codes.
import { DEMO_LESSONS, DEMO_LETTERS } from "@/prisma/demo-content";
import type { PrintFacility, PrintLesson, PrintMember, PrintPack } from "@/lib/packs/print-types";
import { generateResponseCode } from "@/lib/packs/response-code";

/** The demo course as a pack: `lessons` picks which of its three lessons (all by default). */
export function demoPack(lessons: number[] = [0, 1, 2], overrides: Partial<PrintPack["pack"]> = {}): PrintPack {
  const chosen: PrintLesson[] = lessons.map((index) => {
    const lesson = DEMO_LESSONS[index]!;
    const readings = lesson.readings.map((reading, r) => ({
      id: `reading-${index}-${r}`,
      title: reading.title,
      author: reading.author,
      source: reading.source,
      pageRange: reading.pageRange,
      bodyMarkdown: reading.bodyMarkdown,
      pdfPageCount: null,
    }));
    return {
      position: index + 1,
      title: lesson.title,
      summary: lesson.summary,
      readings,
      prompts: lesson.prompts.map((prompt, p) => ({
        id: `prompt-${index}-${p}`,
        text: prompt.text,
        readingId: prompt.readingIndex === null ? null : readings[prompt.readingIndex]!.id,
      })),
    };
  });
  return {
    organization: { name: "Riverside Study Network", returnAddressLines: ["PO Box 4471", "Riverside, CA 92514"] },
    group: { name: "Foundations, Tuesday correspondence group" },
    pack: { id: "pack-demo", number: 1, title: "Work and the working day", letterMarkdown: DEMO_LETTERS.intro, dueDate: new Date("2027-02-15T00:00:00Z"), ...overrides },
    lessons: chosen,
  };
}

export const CEDAR_CREEK: PrintFacility = {
  name: "Cedar Creek Correctional Center",
  addressLines: ["PO Box 37", "Littlerock, WA 98556"],
  maxPagesPerEnvelope: 10,
  nameAndIdOnEveryPage: true,
  imagesAllowed: false,
  notes: "Plain white paper only. No staples or paper clips. Mark the envelope “Educational material”.",
};

export const NO_LIMIT: PrintFacility = {
  name: "Mountain View Unit",
  addressLines: ["2305 Ransom Rd", "Gatesville, TX 76528"],
  maxPagesPerEnvelope: null,
  nameAndIdOnEveryPage: true,
  imagesAllowed: true,
  notes: "",
};

let serial = 0;

/** A mail member with a valid code for every prompt of `pack`. */
export function mailMember(pack: PrintPack, overrides: Partial<Omit<PrintMember, "codes">> = {}): PrintMember {
  serial++;
  const codes: Record<string, string> = {};
  for (const lesson of pack.lessons) for (const prompt of lesson.prompts) codes[prompt.id] = generateResponseCode();
  return {
    memberId: `member-${serial}`,
    legalName: `Darnell Washington-Reyes ${serial}`,
    idNumber: String(400000 + serial),
    housingUnit: "Unit C, Cell 14",
    facility: CEDAR_CREEK,
    codes,
    ...overrides,
  };
}
