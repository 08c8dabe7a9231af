import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PackForm } from "@/components/packs/pack-form";
import { DeletePackButton } from "@/components/packs/delete-pack-button";
import { groupPage } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { getPack, listCourseLessons } from "@/lib/data/packs";
import { getFeaturedEditor } from "@/lib/data/featured";
import { FeaturedEditor } from "@/components/packs/featured-editor";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ groupSlug: string; packNumber: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("packs.edit");
  return { title: t("title", { number: (await params).packNumber }) };
}

export default async function EditPackPage({ params }: Props) {
  const { groupSlug, packNumber } = await params;
  const ctx = await groupPage(groupSlug, "pack.edit");
  const number = Number(packNumber);
  if (!Number.isInteger(number) || number < 1) notFound();
  const [pack, lessons, featured, t] = await Promise.all([
    getPack(ctx, number).catch((error: unknown) => {
      if (error instanceof AppError) notFound();
      throw error;
    }),
    listCourseLessons(ctx),
    getFeaturedEditor(ctx, number).catch((error: unknown) => {
      if (error instanceof AppError) notFound();
      throw error;
    }),
    getTranslations("packs.edit"),
  ]);
  const base = `/groups/${groupSlug}/packs/${number}`;
  return (
    <ClientMessages namespaces={["confirmDialog", "discussion.errors.notFeaturable", "discussion.featured", "discussion.validation", "mail.validation.receivedInFuture", "packs.edit", "packs.errors", "packs.lifecycle", "packs.validation"]}>
      <p>
        <Link href={base} className="text-sm text-accent underline underline-offset-4">
          {t("preview")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{t("title", { number })}</h1>
      <PackForm
        groupSlug={groupSlug}
        packNumber={number}
        published={pack.status === "PUBLISHED"}
        lessons={lessons.map((l) => ({
          id: l.id,
          title: l.title,
          readings: l._count.readings,
          prompts: l._count.prompts,
          pdfs: l.readings.map((r) => ({ pages: r.pdfPageCount ?? 0, scanned: r.pdfHasText === false })),
        }))}
        initial={{
          title: pack.title,
          letterMarkdown: pack.letterMarkdown,
          dueDate: pack.dueDate ? pack.dueDate.toISOString().slice(0, 10) : "",
          lessonIds: pack.lessons.map((l) => l.lesson.id),
        }}
      />
      <FeaturedEditor groupSlug={groupSlug} packNumber={number} candidates={featured.candidates} chosen={featured.chosen} />
      {pack.status === "DRAFT" && (
        <div className="mt-10 border-t border-stone-200 pt-6">
          <DeletePackButton groupSlug={groupSlug} packNumber={number} />
        </div>
      )}
    </ClientMessages>
  );
}
