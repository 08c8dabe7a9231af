import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatGrams, formatPrice, type PostageSettings, type PostageSummary as Summary } from "@/lib/packs/postage";

/**
 * What the envelopes of a print run weigh and cost, grouped by their sheets: what stamps to buy.
 * The same arithmetic as the run's first sheet (lib/packs/postage.ts).
 */
export async function PostageSummary({ postage, settings }: { postage: Summary; settings: PostageSettings }) {
  const t = await getTranslations("mail.runs");
  if (postage.envelopes === 0) return null;
  const price = (cents: number | null) => (cents === null ? t("overTableShort") : formatPrice(cents, settings.currency));
  return (
    <div className="mt-4">
      <h3 className="font-semibold">{t("postageTitle")}</h3>
      {/* On a phone, sentences (as on the run sheet); from sm up, the table. */}
      <ul className="mt-2 space-y-1 text-sm sm:hidden">
        {postage.sizes.map((size) => (
          <li key={size.sheets}>
            {t("sizeLine", { envelopes: size.envelopes, sheets: size.sheets, grams: formatGrams(size.grams) })}
            {postage.hasRates && (size.cents === null ? <span className="font-medium text-danger">, {t("overTableLine")}</span> : `, ${t("priceLine", { each: price(size.cents), total: formatPrice(size.cents * size.envelopes, settings.currency) })}`)}
          </li>
        ))}
        <li className="font-semibold">
          {t("totalLine", { envelopes: postage.envelopes, sheets: postage.sheets, grams: formatGrams(postage.grams) })}
          {postage.hasRates && `, ${formatPrice(postage.cents, settings.currency)}`}
        </li>
      </ul>
      <div className="mt-2 hidden sm:block">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="py-1 pr-3 font-medium">{t("sheetsEach")}</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">{t("weightEach")}</th>
              {postage.hasRates && <th scope="col" className="py-1 pr-3 text-right font-medium">{t("postageEach")}</th>}
              <th scope="col" className="py-1 pr-3 text-right font-medium">{t("envelopes")}</th>
              {postage.hasRates && <th scope="col" className="py-1 text-right font-medium">{t("subtotal")}</th>}
            </tr>
          </thead>
          <tbody>
            {postage.sizes.map((size) => (
              <tr key={size.sheets} className="border-b border-stone-200">
                <td className="py-1 pr-3">{size.sheets}</td>
                <td className="py-1 pr-3 text-right">{formatGrams(size.grams)}</td>
                {postage.hasRates && <td className={`py-1 pr-3 text-right ${size.cents === null ? "font-medium text-danger" : ""}`}>{price(size.cents)}</td>}
                <td className="py-1 pr-3 text-right">{size.envelopes}</td>
                {postage.hasRates && <td className="py-1 text-right">{size.cents === null ? "—" : formatPrice(size.cents * size.envelopes, settings.currency)}</td>}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-semibold">
              <th scope="row" className="py-1 pr-3 text-left">{t("total", { sheets: postage.sheets })}</th>
              <td className="py-1 pr-3 text-right">{formatGrams(postage.grams)}</td>
              {postage.hasRates && <td />}
              <td className="py-1 pr-3 text-right">{postage.envelopes}</td>
              {postage.hasRates && <td className="py-1 text-right">{formatPrice(postage.cents, settings.currency)}</td>}
            </tr>
          </tfoot>
        </table>
      </div>
      {postage.hasRates && postage.unpriced > 0 && postage.heaviestRate !== null && (
        <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm">{t("overTable", { count: postage.unpriced, grams: formatGrams(postage.heaviestRate) })}</p>
      )}
      {!postage.hasRates && (
        <p className="mt-2 text-sm">
          {t("noRates")}{" "}
          <Link href="/settings" className="text-accent underline underline-offset-4">
            {t("settingsLink")}
          </Link>
        </p>
      )}
      <p className="mt-2 text-xs text-muted">{t("basis", { paper: formatGrams(settings.paperGramsPerSheet), envelope: formatGrams(settings.envelopeGrams) })}</p>
    </div>
  );
}
