// The home page's "this week": for each group the person facilitates, what is waiting there
// (lib/data/week.ts, two statements for all the groups). Nothing is shown to someone who
// facilitates no group.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/session";
import { getWeekSummary } from "@/lib/data/week";
import { WeekItems } from "@/components/week/week-items";

export async function WeekSummary({ user }: { user: CurrentUser }) {
  const [groups, t] = await Promise.all([getWeekSummary(user), getTranslations("week")]);
  if (groups.length === 0) return null;
  const busy = groups.filter((g) => g.items.length > 0);
  return (
    <section aria-labelledby="week-summary" className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="week-summary" className="text-lg font-semibold">
        {t("summaryTitle")}
      </h2>
      {busy.length === 0 ? (
        <p className="mt-1 text-muted">{t("summaryNothing")}</p>
      ) : (
        <div className="mt-2 space-y-4">
          {groups.map((group) => (
            <div key={group.slug}>
              <h3 className="font-medium">
                <Link href={`/groups/${group.slug}`} className="text-accent underline underline-offset-4">
                  {group.name}
                </Link>
              </h3>
              {group.items.length === 0 ? (
                <p className="text-sm text-muted">{t("summaryGroupNothing")}</p>
              ) : (
                <div className="mt-1 -mx-2">
                  <WeekItems items={group.items} label={group.name} />
                </div>
              )}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
