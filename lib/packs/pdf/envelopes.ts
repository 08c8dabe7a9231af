// Splitting a pack into envelopes under a facility's page limit.
//
// The rules, and why:
// - Every envelope starts with a slip (the cover page, see cover.ts): the address for the
//   window, and what the envelope holds. The mailroom counts every sheet it finds in the
//   envelope, so the limit INCLUDES the slip: an envelope holds at most `limit - 1` pages of
//   the pack itself.
// - Sections are never split between envelopes: a reading is read as a whole, and a response
//   sheet must travel with its question (the question is printed on it). A section longer than
//   `limit - 1` pages cannot be mailed to that facility at all; planPack reports it, with the
//   numbers, before anything is printed.
// - Sections keep their order, and each envelope is filled as far as it goes before the next
//   one starts. For an ordered sequence that greedy filling gives the fewest envelopes.
// - Pages are numbered through the whole pack, slips included ("page 12 of 30"), and every
//   page says which envelope it is in: a member who has envelopes 1 and 3 can tell that pages
//   11–20 are missing, and which envelope to ask for.
export type SectionPages = { title: string; pages: number; question?: number };

export type PlacedSection = SectionPages & { index: number; firstPage: number; lastPage: number };

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
  /** Sections that do not fit in any envelope: each was given an envelope of its own anyway. */
  tooLong: PlacedSection[];
};

export const SLIP_PAGES = 1;

export function planEnvelopes(sections: SectionPages[], limit: number | null): EnvelopePlan {
  const capacity = limit === null ? Number.POSITIVE_INFINITY : limit - SLIP_PAGES;
  const groups: { sections: number[]; pages: number }[] = [];
  const tooLong: number[] = [];
  let current: { sections: number[]; pages: number } | null = null;
  sections.forEach((section, index) => {
    if (section.pages > capacity) {
      tooLong.push(index);
      groups.push({ sections: [index], pages: section.pages });
      current = null;
      return;
    }
    if (!current || current.pages + section.pages > capacity) {
      current = { sections: [], pages: 0 };
      groups.push(current);
    }
    current.sections.push(index);
    current.pages += section.pages;
  });
  if (groups.length === 0) groups.push({ sections: [], pages: 0 });

  let page = 1;
  const placed = new Map<number, PlacedSection>();
  const envelopes = groups.map((group, envelopeIndex): Envelope => {
    const firstPage = page;
    page += SLIP_PAGES;
    const inside = group.sections.map((index) => {
      const section = sections[index]!;
      const entry: PlacedSection = { ...section, index, firstPage: page, lastPage: page + section.pages - 1 };
      placed.set(index, entry);
      page += section.pages;
      return entry;
    });
    return { number: envelopeIndex + 1, firstPage, lastPage: page - 1, pages: page - firstPage, sections: inside };
  });
  return { pages: page - 1, envelopes, tooLong: tooLong.map((index) => placed.get(index)!) };
}
