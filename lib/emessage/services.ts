// Prison e-message services and how long one message may be (docs/decisions/045).
//
// CorrLinks (TRULINCS, federal prisons) takes 13,000 characters per message. The others publish
// no stable figure and change their rules by contract and by state, so their defaults are a
// conservative 2,000 characters: a pack then costs more messages but none is cut short by the
// service. Organizations set their own figure per service on the Settings page
// (EmessageServiceLimit); these defaults apply where they have not. Attachments are never sent,
// whatever a service allows: a pack goes as text only (mailrooms and tablets treat attachments
// differently, and the member may pay to open each).
//
// Plain data, no server imports: the settings form and the cutting tests use it too.

export const EMESSAGE_SERVICES = ["CORRLINKS", "JPAY", "SECURUS", "VIAPATH", "OTHER"] as const;
export type EmessageServiceName = (typeof EMESSAGE_SERVICES)[number];

export const DEFAULT_CHARS_PER_MESSAGE: Record<EmessageServiceName, number> = {
  CORRLINKS: 13_000,
  JPAY: 2_000,
  SECURUS: 2_000,
  VIAPATH: 2_000,
  OTHER: 2_000,
};

/** Bounds of an organization's own figure: below 500 a pack is dozens of messages, above 100,000 no service takes. */
export const MIN_CHARS_PER_MESSAGE = 500;
export const MAX_CHARS_PER_MESSAGE = 100_000;

/** The service's display name, the same in every language (they are brand names). */
export const SERVICE_NAMES: Record<EmessageServiceName, string> = {
  CORRLINKS: "CorrLinks",
  JPAY: "JPay",
  SECURUS: "Securus",
  VIAPATH: "ViaPath",
  OTHER: "Other",
};

/** An organization's limits: its own rows over the defaults. */
export function limitsWith(rows: { service: EmessageServiceName; charsPerMessage: number }[]): Record<EmessageServiceName, number> {
  const limits = { ...DEFAULT_CHARS_PER_MESSAGE };
  for (const row of rows) limits[row.service] = row.charsPerMessage;
  return limits;
}
