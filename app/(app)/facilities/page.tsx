import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { organizerOrganizationIds } from "@/lib/authz";
import { listFacilities } from "@/lib/data/facilities";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("facilities"))("title") };
}

export default async function FacilitiesPage() {
  const user = await requireUser("/facilities");
  if ((await organizerOrganizationIds(user)).length === 0) notFound();
  const [facilities, t] = await Promise.all([listFacilities(user), getTranslations("facilities")]);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <Link href="/facilities/new" className="inline-flex min-h-11 items-center rounded-md bg-accent px-4 font-medium text-white hover:bg-accent-strong">
          {t("add")}
        </Link>
      </div>
      <p className="mt-2 text-muted">{t("intro")}</p>
      {facilities.length === 0 && <p className="mt-6">{t("none")}</p>}
      <ul className="mt-6 space-y-3">
        {facilities.map((f) => (
          <li key={f.id}>
            <Link href={`/facilities/${f.id}`} className="block rounded-lg border border-stone-200 bg-white p-4 hover:border-accent">
              <span className="font-semibold text-accent">{f.name}</span>
              <span className="mt-1 block text-sm text-muted">
                {[f.maxPagesPerEnvelope ? t("pageLimit", { pages: f.maxPagesPerEnvelope }) : t("noPageLimit"), f.imagesAllowed ? t("imagesOk") : t("noImages"), t("people", { count: f._count.people })].join(" · ")}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
