// Splitting a pack into envelopes under a facility's page limit.
//
// The rules, and why:
// - Every envelope starts with a slip (the cover page, see cover.ts): the address for the
//   window, and what the envelope holds. The mailroom counts every sheet it finds in the
//   envelope, so the limit INCLUDES the slip: an envelope holds at most `limit - 1` pages of
//   the pack itself.
// - A reading that does not fit in what is left of an envelope fills it and continues in the
//   next one (and the next: a 30-page reading for a 5-page facility takes 8 envelopes). Its
//   parts say so on their pages ("continued from envelope 1", "continues in envelope 3"), so
//   nobody is left out because a reading is long (decision 030).
// - Other sections (the letter, "From the group", replies, a response sheet) are kept whole
//   when they fit in an envelope of their own: a response sheet travels with its question. One
//   longer than a whole envelope is split like a reading rather than holding the member back.
// - So the only impossible limit is one with no room for a single page after the slip (a limit
//   of 1): `impossible` says so, and planPack reports it with the numbers.
// - Sections keep their order, and each envelope is filled as far as it goes before the next
//   one starts. For an ordered sequence that greedy filling gives the fewest envelopes.
// - Pages are numbered through the whole pack, slips included ("page 12 of 30"), and every
//   page says which envelope it is in: a member who has envelopes 1 and 3 can tell that pages
//   11–20 are missing, and which envelope to ask for.
export type SectionPages = {
  title: string;
  pages: number;
  question?: number;
  /** True for readings: split wherever an envelope is full, not only when longer than one. */
  splittable?: boolean;
};

/** One section, or the part of it that is in one envelope. */
export type PlacedSection = {
  title: string;
  question?: number;
  /** The section's place in the list given to planEnvelopes. */
  index: number;
  /** This part's first page within the section (0 unless the section began in an earlier envelope). */
  offset: number;
  /** Pages of this part. */
  pages: number;
  firstPage: number;
  lastPage: number;
  /** The envelope the section began in / goes on in; null when it does not. */
  continuedFrom: number | null;
  continuesIn: number | null;
};

export type Envelope = {
  /** 1-based. */
  number: number;
  /** The slip is `firstPage`; the envelope's pages, slip included, are firstPage…lastPage. */
  firstPage: number;
  lastPage: number;
  pages: number;
  sections: PlacedSection[];
};

export type EnvelopePlan = {
  pages: number;
  envelopes: Envelope[];
  /** The limit leaves no room for a page after the slip: planned with one page each anyway. */
  impossible: boolean;
};

export const SLIP_PAGES = 1;

type Part = { index: number; offset: number; pages: number };

export function planEnvelopes(sections: SectionPages[], limit: number | null): EnvelopePlan {
  const room = limit === null ? Number.POSITIVE_INFINITY : limit - SLIP_PAGES;
  const impossible = room < 1;
  const capacity = Math.max(1, room);
  const groups: { parts: Part[]; pages: number }[] = [];
  let current: { parts: Part[]; pages: number } | null = null;
  sections.forEach((section, index) => {
    // A section kept whole moves to a fresh envelope when the rest of this one is too small.
    if (!section.splittable && section.pages <= capacity && current && current.pages + section.pages > capacity) current = null;
    let offset = 0;
    let left = section.pages;
    do {
      if (!current || current.pages >= capacity) {
        current = { parts: [], pages: 0 };
        groups.push(current);
      }
      const take = Math.min(left, capacity - current.pages);
      current.parts.push({ index, offset, pages: take });
      current.pages += take;
      offset += take;
      left -= take;
    } while (left > 0);
  });
  if (groups.length === 0) groups.push({ parts: [], pages: 0 });

  let page = 1;
  // Each section's latest part and the envelope it is in, to link the parts both ways.
  const latest = new Map<number, { placed: PlacedSection; envelope: number }>();
  const envelopes = groups.map((group, envelopeIndex): Envelope => {
    const number = envelopeIndex + 1;
    const firstPage = page;
    page += SLIP_PAGES;
    const inside = group.parts.map((part) => {
      const section = sections[part.index]!;
      const placed: PlacedSection = {
        title: section.title,
        ...(section.question === undefined ? {} : { question: section.question }),
        index: part.index,
        offset: part.offset,
        pages: part.pages,
        firstPage: page,
        lastPage: page + part.pages - 1,
        continuedFrom: null,
        continuesIn: null,
      };
      const previous = latest.get(part.index);
      if (previous) {
        placed.continuedFrom = previous.envelope;
        previous.placed.continuesIn = number;
      }
      latest.set(part.index, { placed, envelope: number });
      page += part.pages;
      return placed;
    });
    return { number, firstPage, lastPage: page - 1, pages: page - firstPage, sections: inside };
  });
  return { pages: page - 1, envelopes, impossible };
}
