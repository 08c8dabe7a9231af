// What the desk page hands its client components: plain values, dates as ISO strings.
export type DeskQuestion = {
  promptId: string;
  number: number;
  heading: string;
  text: string;
  /** Formatted for reading ("7KQ4-M2XD"), or null before the pack was printed. */
  code: string | null;
  answer: {
    status: "DRAFT" | "SUBMITTED" | null;
    /** What the box starts with: a pending draft, else the filed text. */
    text: string;
    filedText: string | null;
    version: number;
    shared: boolean | null;
    draftSavedAt: string | null;
  };
  versions: { version: number; body: string; at: string; by: string | null }[];
  moves: { from: number; to: number; by: string | null; at: string }[];
};

export type DeskLetter = {
  groupSlug: string;
  packNumber: number;
  memberId: string;
  penName: string;
  receivedOn: string;
  /** Whether the member's recorded consent lets the group read their answers at all. */
  consentRecorded: boolean;
  consentHref: string;
  questions: DeskQuestion[];
};
