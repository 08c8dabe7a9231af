// "From the group" on a pack's page: featured responses and replies, by pen name only.
import { getTranslations } from "next-intl/server";
import type { FeaturedEntry } from "@/lib/data/featured";

export async function FeaturedList({ entries }: { entries: FeaturedEntry[] }) {
  if (entries.length === 0) return null;
  const t = await getTranslations("discussion.featured");
  return (
    <section aria-labelledby="from-the-group" className="mt-8 rounded-lg border border-stone-200 bg-white p-5">
      <h2 id="from-the-group" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-muted">{t("intro")}</p>
      <ol className="mt-4 space-y-6">
        {entries.map((entry) => (
          <li key={entry.id}>
            <p className="text-sm text-muted">{t("fromPack", { number: entry.packNumber, prompt: entry.promptText })}</p>
            <figure className="mt-1">
              <blockquote className="whitespace-pre-wrap break-words border-l-4 border-accent pl-3">{entry.text}</blockquote>
              <figcaption className="mt-1 font-medium">
                — {entry.penName}
                {entry.replyTo && <span className="font-normal text-muted"> · {t("replyTo", { penName: entry.replyTo })}</span>}
              </figcaption>
            </figure>
            {entry.note && (
              <p className="mt-2 rounded-md bg-stone-100 p-2 text-sm">
                <span className="font-medium">{t("note")}:</span> {entry.note}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
