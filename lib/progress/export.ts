// The rows of the CSV exports, built from the same data the pages show, so a download matches
// the page. `t` is the "progress" translator.
import type { GroupProgress } from "@/lib/data/progress";
import type { Dashboard } from "@/lib/data/dashboard";
import { rate } from "@/lib/data/dashboard";
import type { CsvCell } from "@/lib/progress/csv";

type T = (key: string, values?: Record<string, string | number>) => string;

export function matrixCsv(data: GroupProgress, t: T): CsvCell[][] {
  const head = [t("csv.member"), ...(data.personal ? [t("csv.legalName"), t("csv.facility")] : []), t("csv.channel"), t("csv.memberStatus"), t("csv.quiet"), ...data.packs.map((p) => t("csv.pack", { number: p.number }))];
  return [
    head,
    ...data.rows.map((r) => [
      r.member.penName,
      ...(data.personal ? [r.member.legalName ?? "", r.member.facility ?? ""] : []),
      r.member.channel === "MAIL" ? t("matrix.filters.mail") : r.member.channel === "EMESSAGE" ? t("matrix.filters.emessage") : t("matrix.filters.online"),
      t(`timeline.memberStatus.${r.member.status}`),
      r.quiet ? t("csv.yes") : t("csv.no"),
      ...r.cells.map((c) => t(`states.${c.state}`) + (c.state === "returned" && c.reason ? `: ${c.reason}` : "")),
    ]),
  ];
}

export function dashboardGroupsCsv(d: Dashboard, t: T, levelName: (level: string) => string): CsvCell[][] {
  return [
    [t("csv.group"), t("csv.level"), t("dashboard.activeMembers"), t("csv.recipients"), t("csv.respondents"), t("csv.rate"), t("dashboard.medianOnline"), t("dashboard.medianMail"), t("dashboardEmessage.median"), t("dashboard.quiet"), t("dashboard.packsPublished"), t("dashboard.progress")],
    ...d.groups.map((g) => [
      g.name,
      levelName(g.level),
      g.activeMembers,
      g.recipients,
      g.respondents,
      rate(g.respondents, g.recipients) ?? "",
      g.medianOnlineDays ?? "",
      g.medianMailDays ?? "",
      g.medianEmessageDays ?? "",
      g.quiet,
      g.publishedPacks,
      t("dashboard.progressValue", { covered: g.lessonsCovered, lessons: g.lessons, packs: g.publishedPacks }),
    ]),
  ];
}

/** A group's rate per pack, which getDashboard reads only when asked (`perPack`). */
function packRatesOf(g: Dashboard["groups"][number]) {
  if (!g.packRates) throw new Error("the packs CSV needs getDashboard(user, org, { perPack: true })");
  return g.packRates;
}

export function dashboardPacksCsv(d: Dashboard, t: T, levelName: (level: string) => string): CsvCell[][] {
  return [
    [t("csv.group"), t("csv.level"), t("csv.packNumber"), t("csv.recipients"), t("csv.respondents"), t("csv.rate")],
    ...d.groups.flatMap((g) => packRatesOf(g).map((p) => [g.name, levelName(g.level), p.number, p.recipients, p.respondents, rate(p.respondents, p.recipients) ?? ""])),
  ];
}

export function dashboardFacilitiesCsv(d: Dashboard, t: T): CsvCell[][] {
  return [
    [t("dashboard.facility"), t("csv.memberStatus"), t("dashboard.reason"), t("dashboard.count")],
    ...d.facilityIssues.map((f) => [f.facility || t("dashboard.unknownFacility"), t(`dashboard.statuses.${f.status}`), f.reason || t("dashboard.noReason"), f.count]),
  ];
}
