// The rules of a roster import, as a pure function of the file's rows and a snapshot of the
// roster: the preview shows its answer, and the import runs it again inside its transaction, so
// what is written is exactly what was checked against the roster as it is then.
//
// A person is matched by email, or by facility + ID number (the two ways the roster knows
// someone), each compared as lib/people/identity.ts says (so "a-123" is the "A123" already on
// the roster). A row whose person is already in the group changes nothing ("already on the
// roster"), which is what makes importing the same file twice harmless. Adding a mail member by
// hand follows the same rule (lib/data/members.ts).
import { checkEmail, checkIdNumber, ID_NUMBER_MAX, normalizeEmail, placeKey } from "@/lib/people/identity";
import type { RawRosterRow, RosterColumn } from "@/lib/roster/csv";
import type { EmessageServiceName } from "@/lib/emessage/services";
import { emessageContactSchema } from "@/lib/validations/emessage";

export type RosterSnapshot = {
  groups: { id: string; slug: string; name: string }[];
  facilities: { id: string; name: string }[];
  people: { id: string; email: string | null; facilityId: string | null; idNumber: string | null; userId: string | null; memberships: { groupId: string; penName: string }[] }[];
};

export type RosterReason = { column: RosterColumn | null; key: string; values?: Record<string, string | number> };

export type RosterEntry = {
  groupId: string;
  groupName: string;
  legalName: string;
  penName: string;
  channel: "ONLINE" | "MAIL" | "EMESSAGE";
  email: string | null;
  facilityId: string | null;
  facilityName: string | null;
  idNumber: string | null;
  housingUnit: string | null;
  /** The language of their packs and letters; null when the column is empty or absent. */
  locale: "EN" | "ES" | null;
  /** An e-message member's service and identifier in it (decision 049); null for the others. */
  emessage: { service: EmessageServiceName; contact: string } | null;
};

/** Who the row is: a person already on the roster, or one the import creates (keyed by identity). */
export type PersonRef = { existingId: string } | { newKey: string };

export type RosterRowResult =
  | { row: number; outcome: "invalid"; reasons: RosterReason[]; legalName: string }
  | { row: number; outcome: "new" | "enrol" | "already"; reasons: []; entry: RosterEntry; person: PersonRef; hasLogin: boolean };

export type RosterCheck = { rows: RosterRowResult[]; counts: { new: number; enrol: number; already: number; invalid: number } };

const LIMITS = { legal_name: 120, housing_unit: 80 } as const;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;
const clean = (v: string) => v.replace(/\u0000/g, "").trim();
const fold = (v: string) => v.normalize("NFC").toLocaleLowerCase("en");

/**
 * What a roster file may write for an e-message service: its name as the member page shows it
 * (CorrLinks, JPay, Securus, ViaPath, Other), folded, or a name people use for it.
 */
const SERVICE_NAMES: Record<string, EmessageServiceName> = {
  corrlinks: "CORRLINKS",
  trulincs: "CORRLINKS",
  jpay: "JPAY",
  securus: "SECURUS",
  viapath: "VIAPATH",
  gettingout: "VIAPATH",
  other: "OTHER",
  "other service": "OTHER",
  otro: "OTHER",
  "otro servicio": "OTHER",
};
const CHANNELS: Record<string, "MAIL" | "ONLINE" | "EMESSAGE"> = { mail: "MAIL", online: "ONLINE", "e-message": "EMESSAGE", emessage: "EMESSAGE", "e message": "EMESSAGE" };

/** What a roster file may write for a language: a code or the language's name, in English or itself. */
const LANGUAGE_NAMES: Record<string, "EN" | "ES"> = { en: "EN", english: "EN", "inglés": "EN", ingles: "EN", es: "ES", spanish: "ES", "español": "ES", espanol: "ES" };

function text(column: "legal_name" | "housing_unit", raw: string, reasons: RosterReason[]): string {
  const value = clean(raw);
  if (value.length > LIMITS[column]) reasons.push({ column, key: "roster.reasons.tooLong", values: { max: LIMITS[column] } });
  else if (CONTROL.test(value) || /[\r\n]/.test(value)) reasons.push({ column, key: "roster.reasons.controlCharacters" });
  return value;
}

/**
 * The smallest "Reader N" nobody in the group uses, searching on from `from` (names only get
 * taken, so the search never goes back): stable, so a preview and its import agree.
 */
function freePenName(taken: Set<string>, from: number): { name: string; n: number } {
  for (let n = from; ; n++) {
    const name = `Reader ${n}`;
    if (!taken.has(fold(name))) return { name, n };
  }
}

/**
 * The e-message columns of a row: the service and identifier when both are given and good, else
 * null with the reasons added. One without the other, an unknown service or an identifier the
 * member page would refuse is a row to fix; so is an e-message row without them, or an online
 * row with them (an online member signs in; no service reaches them).
 */
function emessageCells(serviceRaw: string, contactRaw: string, channel: "MAIL" | "ONLINE" | "EMESSAGE" | null, reasons: RosterReason[]): { service: EmessageServiceName; contact: string } | null {
  const serviceText = fold(clean(serviceRaw)).replace(/\s+/g, " ");
  const contactText = clean(contactRaw);
  if (!serviceText && !contactText) {
    if (channel === "EMESSAGE") reasons.push({ column: "emessage_service", key: "roster.emessageReasons.needsBoth" });
    return null;
  }
  if (channel === "ONLINE") {
    reasons.push({ column: serviceText ? "emessage_service" : "emessage_contact", key: "roster.emessageReasons.onlineHasService" });
    return null;
  }
  const service = serviceText ? (SERVICE_NAMES[serviceText] ?? SERVICE_NAMES[serviceText.replace(/[\s-]+/g, "")] ?? null) : null;
  if (serviceText && !service) reasons.push({ column: "emessage_service", key: "roster.emessageReasons.serviceUnknown" });
  if (!serviceText) reasons.push({ column: "emessage_service", key: "roster.emessageReasons.serviceMissing" });
  const contact = emessageContactSchema.safeParse(contactRaw);
  if (!contactText) reasons.push({ column: "emessage_contact", key: "roster.emessageReasons.contactMissing" });
  else if (!contact.success) {
    const tooLong = contact.error.issues.some((i) => i.message === "emessage.validation.contactTooLong");
    reasons.push(tooLong ? { column: "emessage_contact", key: "roster.reasons.tooLong", values: { max: 64 } } : { column: "emessage_contact", key: "roster.emessageReasons.contactInvalid" });
  }
  return service && contact.success ? { service, contact: contact.data } : null;
}

export function checkRoster(rows: RawRosterRow[], snapshot: RosterSnapshot): RosterCheck {
  const groupsByKey = new Map<string, RosterSnapshot["groups"][number]>();
  for (const g of snapshot.groups) {
    groupsByKey.set(fold(g.name), g);
    groupsByKey.set(fold(g.slug), g);
  }
  const facilities = new Map(snapshot.facilities.map((f) => [fold(f.name), f]));
  const byEmail = new Map<string, RosterSnapshot["people"][number]>();
  const byPlace = new Map<string, RosterSnapshot["people"][number]>();
  const penNames = new Map<string, Map<string, string>>(); // group → folded pen name → person id
  for (const p of snapshot.people) {
    if (p.email) byEmail.set(normalizeEmail(p.email), p);
    if (p.facilityId && p.idNumber) byPlace.set(placeKey(p.facilityId, p.idNumber), p);
    for (const m of p.memberships) {
      const names = penNames.get(m.groupId) ?? new Map<string, string>();
      names.set(fold(m.penName), p.id);
      penNames.set(m.groupId, names);
    }
  }

  // People introduced by earlier rows of the file, by either key, and who is in which group.
  const fileEmail = new Map<string, string>();
  const filePlace = new Map<string, string>();
  const enrolledByRow = new Map<string, number>(); // `${groupId}|${personKey}` → row
  const penNameRow = new Map<string, { row: number; person: string }>(); // `${groupId}|${pen}` → row
  const blankPenNames: { result: { row: number; entry: RosterEntry }; groupId: string }[] = [];

  const results: RosterRowResult[] = rows.map(({ row, cells, extraCells }) => {
    const reasons: RosterReason[] = [];
    if (extraCells) reasons.push({ column: null, key: "roster.reasons.extraCells" });

    const groupText = clean(cells.group);
    const group = groupText ? groupsByKey.get(fold(groupText)) : undefined;
    if (!groupText) reasons.push({ column: "group", key: "roster.reasons.groupMissing" });
    else if (!group) reasons.push({ column: "group", key: "roster.reasons.groupUnknown" });

    const legalName = text("legal_name", cells.legal_name, reasons);
    if (!legalName) reasons.push({ column: "legal_name", key: "roster.reasons.legalNameMissing" });

    const penName = clean(cells.pen_name);
    if (penName && penName.length < 2) reasons.push({ column: "pen_name", key: "roster.reasons.penNameTooShort" });
    else if (penName.length > 40) reasons.push({ column: "pen_name", key: "roster.reasons.penNameTooLong" });
    else if (/[\u0000-\u001f\u007f<>]/.test(penName)) reasons.push({ column: "pen_name", key: "roster.reasons.penNameInvalid" });

    const channelText = fold(clean(cells.channel)).replace(/[\s_]+/g, " ");
    const channelNamed = channelText ? (CHANNELS[channelText] ?? null) : null;
    if (!channelText) reasons.push({ column: "channel", key: "roster.reasons.channelMissing" });
    else if (!channelNamed) reasons.push({ column: "channel", key: "roster.reasons.channelUnknown" });

    // E-message (decision 049): the service and the identifier, both or neither. A mail row with
    // both is an e-message member (an e-message member is a mail member the service reaches).
    const emessage = emessageCells(cells.emessage_service, cells.emessage_contact, channelNamed, reasons);
    const channel = channelNamed === "MAIL" && emessage ? "EMESSAGE" : channelNamed;

    const emailText = clean(cells.email);
    const emailChecked = emailText ? checkEmail(emailText) : null;
    const email = emailChecked?.ok ? emailChecked.value : null;
    if (emailChecked && !emailChecked.ok) reasons.push({ column: "email", key: "roster.reasons.emailInvalid" });

    const facilityText = clean(cells.facility);
    const facility = facilityText ? facilities.get(fold(facilityText)) : undefined;
    const idChecked = checkIdNumber(cells.id_number);
    if (!idChecked.ok) reasons.push(idChecked.problem === "tooLong" ? { column: "id_number", key: "roster.reasons.tooLong", values: { max: ID_NUMBER_MAX } } : { column: "id_number", key: "roster.reasons.idNumberInvalid" });
    const idNumber = idChecked.ok ? idChecked.value : "";
    const housingUnit = text("housing_unit", cells.housing_unit, reasons);
    const languageText = fold(clean(cells.language));
    const locale = languageText ? (LANGUAGE_NAMES[languageText] ?? null) : null;
    if (languageText && !locale) reasons.push({ column: "language", key: "roster.reasons.languageUnknown" });
    if (facilityText && !facility) reasons.push({ column: "facility", key: "roster.reasons.facilityUnknown" });
    if (channel === "MAIL" || channel === "EMESSAGE") {
      if (!facilityText) reasons.push({ column: "facility", key: "roster.reasons.mailNeedsFacility" });
      if (!idNumber && idChecked.ok) reasons.push({ column: "id_number", key: "roster.reasons.mailNeedsIdNumber" });
    }
    if (channel === "ONLINE") {
      if (!emailText) reasons.push({ column: "email", key: "roster.reasons.onlineNeedsEmail" });
      if (facilityText || idNumber || !idChecked.ok || housingUnit) reasons.push({ column: "facility", key: "roster.reasons.onlineHasFacility" });
    }
    if (idNumber && !facilityText && channel !== "ONLINE") reasons.push({ column: "facility", key: "roster.reasons.idNeedsFacility" });

    if (reasons.length > 0 || !group || !channel) return { row, outcome: "invalid", reasons, legalName: legalName.slice(0, LIMITS.legal_name) };

    // Who is this? An existing person (by email, or by facility + ID), or one made by an earlier row.
    const place = facility && idNumber ? placeKey(facility.id, idNumber) : null;
    const emailKey = email;
    const existingByEmail = emailKey ? byEmail.get(emailKey) : undefined;
    const existingByPlace = place ? byPlace.get(place) : undefined;
    if (existingByEmail && existingByPlace && existingByEmail.id !== existingByPlace.id) {
      return { row, outcome: "invalid", reasons: [{ column: "email", key: "roster.reasons.twoPeople" }], legalName };
    }
    const existing = existingByEmail ?? existingByPlace;
    let personKey: string;
    let person: PersonRef;
    if (existing) {
      personKey = `p:${existing.id}`;
      person = { existingId: existing.id };
    } else {
      const fromEmail = emailKey ? fileEmail.get(emailKey) : undefined;
      const fromPlace = place ? filePlace.get(place) : undefined;
      if (fromEmail && fromPlace && fromEmail !== fromPlace) return { row, outcome: "invalid", reasons: [{ column: "email", key: "roster.reasons.twoPeople" }], legalName };
      personKey = fromEmail ?? fromPlace ?? `n:${row}`;
      person = { newKey: personKey };
    }

    const enrolKey = `${group.id}|${personKey}`;
    const earlierRow = enrolledByRow.get(enrolKey);
    if (earlierRow !== undefined) return { row, outcome: "invalid", reasons: [{ column: null, key: "roster.reasons.duplicateRow", values: { row: earlierRow } }], legalName };

    const entry: RosterEntry = { groupId: group.id, groupName: group.name, legalName, penName, channel, email, facilityId: facility?.id ?? null, facilityName: facility?.name ?? null, idNumber: idNumber || null, housingUnit: housingUnit || null, locale, emessage: channel === "EMESSAGE" ? emessage : null };
    if (existing?.memberships.some((m) => m.groupId === group.id)) {
      enrolledByRow.set(enrolKey, row);
      return { row, outcome: "already", reasons: [], entry, person, hasLogin: Boolean(existing.userId) };
    }
    if (penName) {
      const taken = penNames.get(group.id)?.get(fold(penName));
      if (taken !== undefined && `p:${taken}` !== personKey) return { row, outcome: "invalid", reasons: [{ column: "pen_name", key: "roster.reasons.penNameTaken" }], legalName };
      const inFile = penNameRow.get(`${group.id}|${fold(penName)}`);
      if (inFile && inFile.person !== personKey) return { row, outcome: "invalid", reasons: [{ column: "pen_name", key: "roster.reasons.penNameInFile", values: { row: inFile.row } }], legalName };
      penNameRow.set(`${group.id}|${fold(penName)}`, { row, person: personKey });
    }

    // The row is good: remember the person and the enrolment for later rows.
    enrolledByRow.set(enrolKey, row);
    if (!existing) {
      if (emailKey) fileEmail.set(emailKey, personKey);
      if (place) filePlace.set(place, personKey);
    }
    if (!penName) blankPenNames.push({ result: { row, entry }, groupId: group.id });
    return { row, outcome: existing || personKey !== `n:${row}` ? "enrol" : "new", reasons: [], entry, person, hasLogin: Boolean(existing?.userId) };
  });

  // Pen names left blank get "Reader N", after every chosen name is known.
  const taken = new Map<string, Set<string>>();
  const takenIn = (groupId: string) => {
    let names = taken.get(groupId);
    if (!names) {
      names = new Set(penNames.get(groupId)?.keys() ?? []);
      for (const key of penNameRow.keys()) if (key.startsWith(`${groupId}|`)) names.add(key.slice(groupId.length + 1));
      taken.set(groupId, names);
    }
    return names;
  };
  const next = new Map<string, number>();
  for (const { result, groupId } of blankPenNames) {
    const names = takenIn(groupId);
    const { name, n } = freePenName(names, next.get(groupId) ?? 1);
    result.entry.penName = name;
    names.add(fold(name));
    next.set(groupId, n + 1);
  }

  const counts = { new: 0, enrol: 0, already: 0, invalid: 0 };
  for (const r of results) counts[r.outcome]++;
  return { rows: results, counts };
}
