import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import messages from "@/messages/en/roster.json";
import { MAX_ROSTER_BYTES, MAX_ROSTER_ROWS, parseRosterCsv, ROSTER_COLUMNS, rosterTemplate, type RosterColumn } from "@/lib/roster/csv";
import { checkRoster, type RosterCheck, type RosterSnapshot } from "@/lib/roster/validate";
import { naughtyStrings } from "@/tests/setup/naughty-strings";

const snapshot: RosterSnapshot = {
  groups: [
    { id: "g-intro", slug: "intro", name: "Introductory group" },
    { id: "g-adv", slug: "advanced", name: "Advanced group" },
  ],
  facilities: [{ id: "f-1", name: "County Jail" }],
  people: [
    { id: "p-ann", email: "ann@example.org", facilityId: null, idNumber: null, userId: "u-ann", memberships: [{ groupId: "g-intro", penName: "Wren" }] },
    { id: "p-bo", email: null, facilityId: "f-1", idNumber: "B-1", userId: null, memberships: [{ groupId: "g-intro", penName: "Heron" }] },
  ],
};

type Row = Partial<Record<RosterColumn, string>>;
const csvOf = (rows: Row[]) => stringify([[...ROSTER_COLUMNS], ...rows.map((r) => ROSTER_COLUMNS.map((c) => r[c] ?? ""))]);
const online = (over: Row = {}): Row => ({ group: "intro", legal_name: "Cleo Park", channel: "online", email: "cleo@example.org", ...over });
const mail = (over: Row = {}): Row => ({ group: "intro", legal_name: "Dan Ruiz", channel: "mail", facility: "County Jail", id_number: "D-7", housing_unit: "4B", ...over });

function check(rows: Row[], snap = snapshot): RosterCheck {
  const parsed = parseRosterCsv(csvOf(rows));
  if (!parsed.ok) throw new Error(`file error ${parsed.error.key}`);
  return checkRoster(parsed.rows, snap);
}
const reasonsOf = (c: RosterCheck, row: number) => {
  const r = c.rows.find((x) => x.row === row);
  return r?.outcome === "invalid" ? r.reasons.map((x) => x.key.replace("roster.reasons.", "")) : [];
};

/** Every key the module can produce exists in the catalog. */
function hasMessage(key: string): boolean {
  const path = key.split(".");
  let node: unknown = messages;
  for (const part of path) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "string";
}

describe("roster file", () => {
  it("refuses an empty, too large, too long, unreadable or wrongly headed file with a plain reason", () => {
    expect(parseRosterCsv("")).toMatchObject({ ok: false, error: { key: "roster.file.empty" } });
    expect(parseRosterCsv("x".repeat(MAX_ROSTER_BYTES + 1))).toMatchObject({ ok: false, error: { key: "roster.file.tooLarge" } });
    const many = csvOf(Array.from({ length: MAX_ROSTER_ROWS + 1 }, (_, i) => online({ email: `p${i}@example.org` })));
    expect(parseRosterCsv(many)).toMatchObject({ ok: false, error: { key: "roster.file.tooManyRows", values: { count: MAX_ROSTER_ROWS + 1 } } });
    expect(parseRosterCsv('group,legal_name,channel\nintro,"Ann,online\n')).toMatchObject({ ok: false, error: { key: "roster.file.unreadable" } });
    expect(parseRosterCsv("group,name,channel\nintro,Ann,online\n")).toMatchObject({ ok: false, error: { key: "roster.file.unknownColumns", values: { columns: "name" } } });
    expect(parseRosterCsv("group,channel\nintro,online\n")).toMatchObject({ ok: false, error: { key: "roster.file.missingColumns", values: { columns: "legal_name" } } });
    expect(parseRosterCsv("group,legal_name,channel\n\n,,\n")).toMatchObject({ ok: false, error: { key: "roster.file.noRows" } });
    for (const bad of ["", "x".repeat(MAX_ROSTER_BYTES + 1), "group,name\n", "group\n", "a,b\n1,\"2\n"]) {
      const parsed = parseRosterCsv(bad);
      if (!parsed.ok) expect(hasMessage(parsed.error.key), parsed.error.key).toBe(true);
    }
  });

  it("reads the template, a byte-order mark, friendly header names and spreadsheet row numbers", () => {
    const template = parseRosterCsv(rosterTemplate({ groupSlug: "intro", facilityName: "County Jail" }));
    expect(template.ok && checkRoster(template.rows, snapshot).counts).toEqual({ new: 1, enrol: 0, already: 0, invalid: 0 });
    const parsed = parseRosterCsv('\uFEFFGroup,Legal Name,Channel,Email\nintro,"Multi\nline",online,a@example.org\n\nintro,Bea,online,b@example.org\n');
    expect(parsed.ok && parsed.rows.map((r) => r.row)).toEqual([2, 4]);
  });
});

describe("roster rows", () => {
  it("gives every kind of bad row its row number and a plain reason", () => {
    const c = check([
      online({ group: "" }), // 2
      online({ group: "nowhere" }), // 3
      online({ legal_name: "  " }), // 4
      online({ email: "not-an-email" }), // 5
      online({ email: "" }), // 6
      online({ channel: "" }), // 7
      online({ channel: "carrier pigeon" }), // 8
      mail({ facility: "" }), // 9
      mail({ id_number: "" }), // 10
      mail({ facility: "Nowhere Prison" }), // 11
      online({ facility: "County Jail", email: "e@example.org" }), // 12
      online({ pen_name: "X", email: "f@example.org" }), // 13
      online({ pen_name: "<b>", email: "g@example.org" }), // 14
      online({ pen_name: "Wren", email: "h@example.org" }), // 15: taken in intro by Ann
      online({ legal_name: "x".repeat(121), email: "i@example.org" }), // 16
      mail({ id_number: "y".repeat(41) }), // 17
      online({ legal_name: "Tab\u0007Bell", email: "j@example.org" }), // 18
      online({ email: "ann@example.org", facility: "", group: "advanced" }), // 19: fine (Ann joins advanced)
      online({ email: "k@example.org", pen_name: "Kite" }), // 20: fine
      online({ email: "K@Example.org", pen_name: "Kestrel" }), // 21: same person, same group as 20
      online({ email: "m@example.org", pen_name: "kite" }), // 22: pen name of row 20 in the same group
      mail({ email: "ann@example.org", facility: "County Jail", id_number: "B-1" }), // 23: Ann and Bo are two people
    ]);
    expect(reasonsOf(c, 2)).toEqual(["groupMissing"]);
    expect(reasonsOf(c, 3)).toEqual(["groupUnknown"]);
    expect(reasonsOf(c, 4)).toEqual(["legalNameMissing"]);
    expect(reasonsOf(c, 5)).toEqual(["emailInvalid"]);
    expect(reasonsOf(c, 6)).toEqual(["onlineNeedsEmail"]);
    expect(reasonsOf(c, 7)).toEqual(["channelMissing"]);
    expect(reasonsOf(c, 8)).toEqual(["channelUnknown"]);
    expect(reasonsOf(c, 9)).toEqual(["mailNeedsFacility", "idNeedsFacility"]);
    expect(reasonsOf(c, 10)).toEqual(["mailNeedsIdNumber"]);
    expect(reasonsOf(c, 11)).toEqual(["facilityUnknown"]);
    expect(reasonsOf(c, 12)).toEqual(["onlineHasFacility"]);
    expect(reasonsOf(c, 13)).toEqual(["penNameTooShort"]);
    expect(reasonsOf(c, 14)).toEqual(["penNameInvalid"]);
    expect(reasonsOf(c, 15)).toEqual(["penNameTaken"]);
    expect(reasonsOf(c, 16)).toEqual(["tooLong"]);
    expect(reasonsOf(c, 17)).toEqual(["tooLong"]);
    expect(reasonsOf(c, 18)).toEqual(["controlCharacters"]);
    expect(c.rows.find((r) => r.row === 19)).toMatchObject({ outcome: "enrol", person: { existingId: "p-ann" }, hasLogin: true });
    expect(c.rows.find((r) => r.row === 20)).toMatchObject({ outcome: "new" });
    expect(c.rows.find((r) => r.row === 21)).toMatchObject({ outcome: "invalid", reasons: [{ key: "roster.reasons.duplicateRow", values: { row: 20 } }] });
    expect(c.rows.find((r) => r.row === 22)).toMatchObject({ outcome: "invalid", reasons: [{ key: "roster.reasons.penNameInFile", values: { row: 20 } }] });
    expect(reasonsOf(c, 23)).toEqual(["twoPeople"]);
    expect(c.counts).toEqual({ new: 1, enrol: 1, already: 0, invalid: 20 });
    for (const r of c.rows) if (r.outcome === "invalid") for (const reason of r.reasons) expect(hasMessage(reason.key), reason.key).toBe(true);
  });

  it("matches people by email or by facility + ID number: already on the roster changes nothing", () => {
    const c = check([
      online({ email: "ANN@example.org", legal_name: "Ann Other Spelling" }), // Ann, in intro already
      mail({ id_number: "b-1", legal_name: "Bo" }), // Bo by facility + ID (case-insensitive)
      mail({ id_number: "B-1", group: "advanced" }), // Bo joins advanced
    ]);
    expect(c.rows.map((r) => r.outcome)).toEqual(["already", "already", "enrol"]);
    expect(c.rows[2]).toMatchObject({ person: { existingId: "p-bo" } });
  });

  it("compares ID numbers as lib/people/identity.ts does: case, #, spaces, dashes and fullwidth forms do not make another person", () => {
    const c = check([
      mail({ id_number: " #b1 ", legal_name: "Bo" }), // Bo, in intro already
      mail({ id_number: "Ｂ–1", group: "advanced" }), // Bo joins advanced
      mail({ id_number: "#E-5 ", pen_name: "Egret" }), // new: stored tidy
      mail({ id_number: "e 5", group: "advanced", pen_name: "Egret" }), // the same new person
      mail({ id_number: "\u0410-9" }), // a Cyrillic А: refused, not guessed
      mail({ id_number: "#" }), // no number at all
    ]);
    expect(c.rows.map((r) => r.outcome)).toEqual(["already", "enrol", "new", "enrol", "invalid", "invalid"]);
    expect(c.rows[1]).toMatchObject({ person: { existingId: "p-bo" } });
    expect(c.rows[2]).toMatchObject({ entry: { idNumber: "E-5" } });
    const [, , third, fourth] = c.rows;
    expect(third && "person" in third && third.person).toEqual(fourth && "person" in fourth && fourth.person);
    expect(reasonsOf(c, 6)).toEqual(["idNumberInvalid"]);
    expect(reasonsOf(c, 7)).toEqual(["mailNeedsIdNumber"]);
  });

  it("one new person in two groups is one person; blank pen names become free Reader names", () => {
    const snap: RosterSnapshot = { ...snapshot, people: [...snapshot.people, { id: "p-r", email: null, facilityId: null, idNumber: null, userId: null, memberships: [{ groupId: "g-intro", penName: "Reader 1" }] }] };
    const c = check([online({ email: "n@example.org" }), online({ email: "n@example.org", group: "advanced" }), online({ email: "o@example.org", pen_name: "Reader 2" }), online({ email: "q@example.org" })], snap);
    expect(c.rows.map((r) => r.outcome)).toEqual(["new", "enrol", "new", "new"]);
    const [a, b, , d] = c.rows;
    expect(a && "person" in a && b && "person" in b && a.person).toEqual(b && "person" in b && b.person);
    expect(c.rows.map((r) => ("entry" in r ? r.entry.penName : null))).toEqual(["Reader 3", "Reader 1", "Reader 2", "Reader 4"]);
    expect(d).toMatchObject({ outcome: "new" });
  });

  it("each naughty string in each column gets a clear reason or is accepted, never a crash", () => {
    for (const column of ROSTER_COLUMNS) {
      const rows = naughtyStrings.map((s, i) => (column === "channel" || column === "group" ? online({ [column]: s, email: `n${i}@example.org` }) : column === "email" ? online({ email: s }) : mail({ [column]: s, id_number: column === "id_number" ? s : `N-${i}`, pen_name: column === "pen_name" ? s : "" })));
      const parsed = parseRosterCsv(csvOf(rows));
      expect(parsed.ok, column).toBe(true);
      if (!parsed.ok) continue;
      const c = checkRoster(parsed.rows, snapshot);
      expect(c.rows).toHaveLength(naughtyStrings.filter((_, i) => ROSTER_COLUMNS.some((col) => (rows[i]![col] ?? "").trim() !== "")).length);
      for (const r of c.rows) {
        if (r.outcome === "invalid") {
          expect(r.reasons.length, `${column} row ${r.row}`).toBeGreaterThan(0);
          for (const reason of r.reasons) expect(hasMessage(reason.key), reason.key).toBe(true);
        } else {
          expect(r.entry.legalName.length).toBeGreaterThan(0);
          expect(r.entry.legalName).not.toMatch(/\u0000/);
        }
      }
    }
  });
});

describe("e-message rows (decision 049)", () => {
  const em = (over: Row = {}): Row => mail({ channel: "e-message", legal_name: "Eve Stone", id_number: "12345-678", emessage_service: "CorrLinks", emessage_contact: "12345-678", ...over });
  const keysOf = (c: RosterCheck, row: number) => {
    const r = c.rows.find((x) => x.row === row);
    return r?.outcome === "invalid" ? r.reasons.map((x) => `${x.column}: ${x.key}`) : [];
  };

  it("a row with the service and the identifier is an e-message member, whether the channel says e-message or mail", () => {
    const c = check([
      em(), // 2
      em({ channel: "mail", id_number: "E-2", emessage_service: "jpay", emessage_contact: "  FL   123456 " }), // 3
      em({ channel: "E-Message", id_number: "E-3", emessage_service: "Getting Out", emessage_contact: "A1" }), // 4
      em({ channel: "emessage", id_number: "E-4", emessage_service: "other service", emessage_contact: "x@y" }), // 5
      mail({ id_number: "M-1" }), // 6: plain mail
    ]);
    expect(c.counts).toEqual({ new: 5, enrol: 0, already: 0, invalid: 0 });
    const entries = c.rows.map((r) => (r.outcome === "invalid" ? null : { channel: r.entry.channel, emessage: r.entry.emessage }));
    expect(entries).toEqual([
      { channel: "EMESSAGE", emessage: { service: "CORRLINKS", contact: "12345-678" } },
      { channel: "EMESSAGE", emessage: { service: "JPAY", contact: "FL 123456" } },
      { channel: "EMESSAGE", emessage: { service: "VIAPATH", contact: "A1" } },
      { channel: "EMESSAGE", emessage: { service: "OTHER", contact: "x@y" } },
      { channel: "MAIL", emessage: null },
    ]);
  });

  it("one without the other, an unknown service, a bad identifier or a missing facility is a row to fix, with the column named", () => {
    const c = check([
      em({ emessage_contact: "" }), // 2
      em({ emessage_service: "" }), // 3
      em({ emessage_service: "GTL Connect" }), // 4
      em({ emessage_contact: "<script>" }), // 5
      em({ emessage_contact: "9".repeat(65) }), // 6
      em({ emessage_service: "", emessage_contact: "" }), // 7: e-message without them
      mail({ emessage_contact: "12345-678" }), // 8: mail with only the identifier
      online({ emessage_service: "JPay", emessage_contact: "FL 1" }), // 9
      em({ facility: "", id_number: "" }), // 10
    ]);
    expect(keysOf(c, 2)).toEqual(["emessage_contact: roster.emessageReasons.contactMissing"]);
    expect(keysOf(c, 3)).toEqual(["emessage_service: roster.emessageReasons.serviceMissing"]);
    expect(keysOf(c, 4)).toEqual(["emessage_service: roster.emessageReasons.serviceUnknown"]);
    expect(keysOf(c, 5)).toEqual(["emessage_contact: roster.emessageReasons.contactInvalid"]);
    expect(keysOf(c, 6)).toEqual(["emessage_contact: roster.reasons.tooLong"]);
    expect(keysOf(c, 7)).toEqual(["emessage_service: roster.emessageReasons.needsBoth"]);
    expect(keysOf(c, 8)).toEqual(["emessage_service: roster.emessageReasons.serviceMissing"]);
    expect(keysOf(c, 9)).toEqual(["emessage_service: roster.emessageReasons.onlineHasService"]);
    expect(keysOf(c, 10)).toEqual(["facility: roster.reasons.mailNeedsFacility", "id_number: roster.reasons.mailNeedsIdNumber"]);
    expect(c.counts.invalid).toBe(9);
    for (const r of c.rows) if (r.outcome === "invalid") for (const reason of r.reasons) expect(hasMessage(reason.key), reason.key).toBe(true);
  });

  it("the template's header has the two columns and its example row still imports", () => {
    const template = parseRosterCsv(rosterTemplate({ groupSlug: "intro", facilityName: "County Jail" }));
    expect(template.ok && template.rows[0]?.cells).toMatchObject({ emessage_service: "", emessage_contact: "" });
    expect(template.ok && checkRoster(template.rows, snapshot).rows[0]).toMatchObject({ outcome: "new", entry: { channel: "MAIL", emessage: null } });
  });
});

