import { getTranslations } from "next-intl/server";
import type { PackProblem } from "@/lib/packs/pdf/plan";

/** What would stop or spoil a print, said before printing, with the numbers. */
export async function PrintProblems({ items }: { items: { name: string; problems: PackProblem[] }[] }) {
  const t = await getTranslations("mail.problems");
  const rows = items.flatMap(({ name, problems }) =>
    problems.map((p) => {
      switch (p.kind) {
        case "limit-too-small":
          return { name, blocking: true, text: t("limitTooSmall", { facility: p.facility, limit: p.limit }) };
        case "missing-code":
          return { name, blocking: true, text: t("missingCode") };
        case "no-address":
          return { name, blocking: false, text: t("noAddress") };
        case "missing-characters":
          return { name, blocking: false, text: t("missingCharacters", { where: p.where, characters: p.characters.join(" ") }) };
        case "uploaded-reading":
          return { name, blocking: false, text: t("uploadedReading", { section: p.section }) };
        case "reading-left-out":
          // Said once per facility, with the choice, by ScannedReadingChoices: not once per member.
          return null;
      }
    }),
  ).filter((row) => row !== null);
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="print-problems" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id="print-problems" className="font-semibold">
        {t("title")}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {rows.map((row, i) => (
          <li key={i}>
            <span className="font-medium">{row.name}</span>: {row.text} {row.blocking && <span className="font-medium text-danger">{t("leftOut")}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
