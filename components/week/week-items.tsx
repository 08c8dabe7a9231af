// The counts of a facilitator's week as a list of links, each to the page where the work is done.
// The number stands out on the left, so a glance down the list reads the week; the words follow
// it, and both make the link's name ("2 answers to pack 1 waiting for feedback").
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { WeekItem } from "@/lib/data/week";

export async function WeekItems({ items, label }: { items: WeekItem[]; label: string }) {
  const t = await getTranslations("week.kinds");
  return (
    <ul className="space-y-1" aria-label={label}>
      {items.map((item) => (
        <li key={`${item.kind}-${item.packNumber ?? ""}`}>
          <Link href={item.href} className="flex min-h-11 items-center gap-3 rounded-md px-2 py-1 hover:bg-stone-50 focus-visible:bg-stone-50">
            <span className="min-w-8 rounded-full bg-accent/10 px-2 py-0.5 text-center text-sm font-semibold tabular-nums text-accent">
              {item.count}
            </span>{" "}
            <span className="text-accent underline underline-offset-4">{t(item.kind, { count: item.count, pack: item.packNumber ?? 0 })}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
