import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RoleBadges } from "@/components/groups/role-badges";
import { requireUser } from "@/lib/auth/session";
import { listMyGroups } from "@/lib/data/groups";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("home"))("title") };
}

export default async function HomePage() {
  const user = await requireUser("/");
  const [groups, t, tLevels] = await Promise.all([listMyGroups(user), getTranslations("home"), getTranslations("levels")]);
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-muted">{t("greeting", { name: user.name })}</p>
      {groups.length === 0 ? (
        <p className="mt-8 rounded-md border border-stone-200 bg-white p-4">{t("empty")}</p>
      ) : (
        <ul className="mt-6 space-y-3" aria-label={t("title")}>
          {groups.map((group) => (
            <li key={group.slug}>
              <Link
                href={`/groups/${group.slug}`}
                className="block rounded-lg border border-stone-200 bg-white p-4 shadow-sm hover:border-accent"
              >
                <span className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className="text-lg font-semibold text-accent">{group.name}</span>
                  <span className="text-sm text-muted">{tLevels(group.level)}</span>
                </span>
                <span className="mt-1 block text-muted">{t("course", { title: group.courseTitle })}</span>
                <span className="mt-2 flex items-center gap-2 text-sm">
                  <span className="sr-only">{t("yourRole")}:</span>
                  <RoleBadges roles={group.roles} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
