import { describe, expect, it } from "vitest";
import { abandonedDailyPartials, archiveName, backupFileName, backupsToDelete, chooseWalFiles, isStorageTempFile, parseManifest, pgEntryRule, safeRelative, walSegmentNumber } from "./layout";

const SEGMENT = 16 * 1024 * 1024;

describe("what of the data folder goes into a backup", () => {
  it("keeps the relations, the configuration and the transaction status", () => {
    for (const file of ["PG_VERSION", "base/5/1259", "global/1262", "pg_xact/0000", "pg_multixact/offsets/0000", "postgresql.conf", "pg_hba.conf", "postgresql.auto.conf", "pg_logical/replorigin_checkpoint"]) {
      expect(pgEntryRule(file, false), file).toBe("include");
    }
    expect(pgEntryRule("base", true)).toBe("include");
    expect(pgEntryRule("base/5", true)).toBe("include");
  });

  it("keeps as empty folders what the server rebuilds at start, and pg_wal (its WAL is added separately)", () => {
    for (const dir of ["pg_wal", "pg_stat_tmp", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans"]) {
      expect(pgEntryRule(dir, true), dir).toBe("empty-dir");
    }
    expect(pgEntryRule("pg_wal/000000010000000000000001", false)).toBe("skip");
    expect(pgEntryRule("pg_wal/archive_status", true)).toBe("skip");
    expect(pgEntryRule("pg_replslot/studypack_backup_1/state", false)).toBe("skip");
    expect(pgEntryRule("pg_subtrans/0000", false)).toBe("skip");
  });

  it("leaves out the running server's lock and options, temporary files, another backup's label, and pg_control (added last)", () => {
    for (const file of ["postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map", "backup_manifest", "postgresql.auto.conf.tmp", "current_logfiles.tmp", "global/pg_internal.init", "base/5/pg_internal.init.123", "global/pg_control"]) {
      expect(pgEntryRule(file, false), file).toBe("skip");
    }
    expect(pgEntryRule("base/pgsql_tmp", true)).toBe("skip");
    expect(pgEntryRule("base/pgsql_tmp/pgsql_tmp123.0", false)).toBe("skip");
    // A folder named like a skipped file is still a folder to walk.
    expect(pgEntryRule("base/5", true)).toBe("include");
  });

  it("leaves out the storage's half-written temporary files, never a key", () => {
    expect(isStorageTempFile(".scan.pdf.a1b2c3.tmp")).toBe(true);
    expect(isStorageTempFile("scan.pdf")).toBe(false);
    expect(isStorageTempFile("notes.tmp")).toBe(false);
  });
});

describe("the WAL a backup needs", () => {
  const names = [
    "000000010000000000000001",
    "000000010000000000000002",
    "000000010000000000000003",
    "000000010000000000000004",
    "000000010000000000000005",
    "00000001.history",
    "archive_status",
    "summaries",
  ];

  it("is every segment from the start's to the stop's, and the timeline histories", () => {
    expect(chooseWalFiles(names, "000000010000000000000002", "000000010000000000000004", SEGMENT)).toEqual({
      segments: ["000000010000000000000002", "000000010000000000000003", "000000010000000000000004"],
      history: ["00000001.history"],
    });
    expect(chooseWalFiles(names, "000000010000000000000003", "000000010000000000000003", SEGMENT).segments).toEqual(["000000010000000000000003"]);
  });

  it("refuses a backup whose WAL has a gap or lost its first segment", () => {
    const gap = names.filter((name) => name !== "000000010000000000000003");
    expect(() => chooseWalFiles(gap, "000000010000000000000002", "000000010000000000000004", SEGMENT)).toThrow(/segment 2 of 3/);
    expect(() => chooseWalFiles(names.slice(2), "000000010000000000000002", "000000010000000000000004", SEGMENT)).toThrow(/missing/);
  });

  it("counts segments across a log file boundary (256 segments of 16 MB to a log id)", () => {
    expect(walSegmentNumber("0000000100000001000000FF", SEGMENT) + 1n).toBe(walSegmentNumber("000000010000000200000000", SEGMENT));
    expect(chooseWalFiles(["0000000100000001000000FF", "000000010000000200000000"], "0000000100000001000000FF", "000000010000000200000000", SEGMENT).segments).toHaveLength(2);
  });
});

describe("backup file names and retention", () => {
  it("names a backup by its UTC time, so that sorting the names sorts by time", () => {
    expect(backupFileName(new Date("2026-12-06T10:15:30.123Z"), "manual")).toBe("studypack-20261206-101530Z.tar.gz");
    expect(backupFileName(new Date("2026-12-06T03:15:00Z"), "daily")).toBe("studypack-daily-20261206-031500Z.tar.gz");
  });

  it("deletes the daily backups beyond the newest N, and nothing else", () => {
    const daily = ["20261201", "20261202", "20261203", "20261204", "20261205"].map((day) => `studypack-daily-${day}-031500Z.tar.gz`);
    const others = ["studypack-20261130-120000Z.tar.gz", "notes.txt", "studypack-daily-20261206-031500Z.tar.gz.partial"];
    const shuffled = [daily[3]!, others[0]!, daily[0]!, daily[4]!, others[1]!, daily[2]!, others[2]!, daily[1]!];
    expect(backupsToDelete(shuffled, 3).sort()).toEqual([daily[0], daily[1]]);
    expect(backupsToDelete(shuffled, 5)).toEqual([]);
    expect(backupsToDelete(shuffled, 1).sort()).toEqual(daily.slice(0, 4));
  });

  it("clears only half-written daily backups before a round", () => {
    expect(abandonedDailyPartials(["studypack-daily-20261206-031500Z.tar.gz.partial", "studypack-20261206-101530Z.tar.gz.partial", "studypack-daily-20261205-031500Z.tar.gz", "x.partial"])).toEqual([
      "studypack-daily-20261206-031500Z.tar.gz.partial",
    ]);
  });
});

describe("archive names", () => {
  it("uses forward slashes under pg/ and files/", () => {
    expect(archiveName("pg/", "base/5/1259")).toBe("pg/base/5/1259");
    expect(archiveName("files/", "org\\scan.pdf")).toBe("files/org/scan.pdf");
  });

  it("never extracts outside the target folders", () => {
    expect(safeRelative("pg/base/5/1259")).toBe("pg/base/5/1259");
    expect(safeRelative("./files/a.pdf")).toBe("files/a.pdf");
    expect(safeRelative("files/../../etc/passwd")).toBeNull();
    expect(safeRelative("/etc/passwd")).toBeNull();
  });

  it("reads only its own manifest format", () => {
    expect(() => parseManifest(JSON.stringify({ format: "other" }))).toThrow(/not a Studypack backup/);
    expect(() => parseManifest(JSON.stringify({ format: "studypack-backup", version: 2 }))).toThrow(/version 2/);
    expect(parseManifest(JSON.stringify({ format: "studypack-backup", version: 1, database: "embedded" })).database).toBe("embedded");
  });
});
