// "This week" on a group page, for its staff: what is waiting, or a calm line when nothing is.
import { getTranslations } from "next-intl/server";
import type { WeekItem } from "@/lib/data/week";
import { WeekItems } from "@/components/week/week-items";

export async function WeekPanel({ items }: { items: WeekItem[] }) {
  const t = await getTranslations("week");
  return (
    <section aria-labelledby="week" className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="week" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {items.length === 0 ? (
        <p className="mt-1 text-muted">{t("nothing")}</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-muted">{t("intro")}</p>
          <div className="mt-2 -mx-2">
            <WeekItems items={items} label={t("title")} />
          </div>
        </>
      )}
    </section>
  );
}
