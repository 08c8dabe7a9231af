import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";

type PackRow = { number: number; title: string; status: "DRAFT" | "PUBLISHED"; dueDate: Date | null; _count: { lessons: number } };

export async function PackList({ groupSlug, packs, staff }: { groupSlug: string; packs: PackRow[]; staff: boolean }) {
  const [t, format] = await Promise.all([getTranslations("packs"), getFormatter()]);
  if (packs.length === 0) return <p className="mt-3 text-muted">{staff ? t("none") : t("noneMember")}</p>;
  return (
    <ul className="mt-3 space-y-2" aria-label={t("title")}>
      {packs.map((pack) => (
        <li key={pack.number}>
          <Link href={`/groups/${groupSlug}/packs/${pack.number}`} className="flex flex-wrap items-baseline justify-between gap-2 rounded-lg border border-stone-200 bg-white p-4 hover:border-accent">
            <span className="font-semibold text-accent">{pack.title ? t("packNTitle", { number: pack.number, title: pack.title }) : t("packN", { number: pack.number })}</span>
            <span className="flex flex-wrap gap-2 text-sm text-muted">
              {staff && (
                <span className={`rounded-full px-2 ${pack.status === "DRAFT" ? "bg-amber-100 text-amber-900" : "bg-green-100 text-green-900"}`}>
                  {pack.status === "DRAFT" ? t("draft") : t("published")}
                </span>
              )}
              <span>{pack.dueDate ? t("due", { date: format.dateTime(pack.dueDate, { dateStyle: "medium", timeZone: "UTC" }) }) : t("noDueDate")}</span>
              {staff && <span>{t("lessonsCount", { count: pack._count.lessons })}</span>}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
