"use client";
// "From the group" of a pack being built: shared responses and replies of earlier packs on one
// side, the chosen ones (in print order, each with an optional excerpt and note) on the other.
// The excerpt starts empty, meaning the whole text; the original is shown beside it, unchanged.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm } from "react-hook-form";
import { z } from "zod";
import { setFeaturedAction } from "@/app/(app)/groups/[groupSlug]/packs/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { SaveRow } from "@/components/forms/save-row";
import { TextAreaField } from "@/components/forms/text-area-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { featuredItemSchema } from "@/lib/validations/discussion";

type Candidate = { responseId: string; penName: string; body: string; promptText: string; packNumber: number; replies: { id: string; penName: string; body: string }[] };
type Chosen = { responseId: string; replyId: string | null; excerpt: string; note: string; original: string; penName: string; packNumber: number; promptText: string };

const formSchema = z.object({ items: z.array(featuredItemSchema.extend({ original: z.string(), penName: z.string(), packNumber: z.number(), promptText: z.string() })) });
type FormValues = z.input<typeof formSchema>;

export function FeaturedEditor({ groupSlug, packNumber, candidates, chosen }: { groupSlug: string; packNumber: number; candidates: Candidate[]; chosen: Chosen[] }) {
  const t = useTranslations("discussion.featured");
  const router = useRouter();
  const { control, register, handleSubmit, setError, formState } = useForm<FormValues>({ resolver: zodResolver(formSchema), defaultValues: { items: chosen } });
  const { fields, append, remove, move } = useFieldArray({ control, name: "items" });
  const { formError, saved, run, fieldError: err } = useActionForm(setError);
  const picked = new Set(fields.map((f) => `${f.responseId}:${f.replyId ?? ""}`));

  const onSubmit = handleSubmit(async ({ items }) => {
    const payload = items.map(({ responseId, replyId, excerpt, note }) => ({ responseId, replyId: replyId ?? null, excerpt: excerpt ?? "", note: note ?? "" }));
    if (await run(() => setFeaturedAction({ groupSlug, packNumber, items: payload }))) router.refresh();
  });

  const add = (c: Candidate, reply?: Candidate["replies"][number]) =>
    append({
      responseId: c.responseId,
      replyId: reply?.id ?? null,
      excerpt: "",
      note: "",
      original: reply ? reply.body : c.body,
      penName: reply ? reply.penName : c.penName,
      packNumber: c.packNumber,
      promptText: c.promptText,
    });

  return (
    <section aria-labelledby="featured" className="mt-10 border-t border-stone-200 pt-6">
      <h2 id="featured" className="text-xl font-semibold">
        {t("editHeading")}
      </h2>
      <p className="mt-1 text-sm text-muted">{t("editIntro")}</p>
      <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4" aria-label={t("editHeading")}>
        <FormAlert message={formError} />
        <h3 className="font-semibold">{t("chosen")}</h3>
        {fields.length === 0 && <p className="text-sm text-muted">{t("noneChosen")}</p>}
        <ol className="space-y-4">
          {fields.map((field, index) => (
            <li key={field.id} className="rounded-lg border border-accent bg-white p-4">
              <p className="text-sm text-muted">
                <span className="font-semibold text-ink">{field.penName}</span> · {t("fromPack", { number: field.packNumber, prompt: field.promptText })}
              </p>
              <details className="mt-2">
                <summary className="cursor-pointer text-sm font-medium text-accent">{t("original")}</summary>
                <blockquote className="mt-1 whitespace-pre-wrap break-words border-l-2 border-stone-300 pl-3 text-sm">{field.original}</blockquote>
              </details>
              <TextAreaField className="mt-3" label={t("excerpt")} rows={4} {...register(`items.${index}.excerpt`)} error={err(formState.errors.items?.[index]?.excerpt?.message)} />
              <TextAreaField className="mt-3" label={t("noteLabel")} rows={2} {...register(`items.${index}.note`)} error={err(formState.errors.items?.[index]?.note?.message)} />
              <div className="mt-2 flex flex-wrap gap-2">
                <Button variant="secondary" disabled={index === 0} onClick={() => move(index, index - 1)}>
                  {t("up")}
                </Button>
                <Button variant="secondary" disabled={index === fields.length - 1} onClick={() => move(index, index + 1)}>
                  {t("down")}
                </Button>
                <Button variant="secondary" onClick={() => remove(index)}>
                  {t("remove")}
                </Button>
              </div>
            </li>
          ))}
        </ol>
        <SaveRow submitting={formState.isSubmitting} saved={saved} labels={{ save: t("save"), saving: t("saving"), saved: t("saved") }} />
      </form>

      <h3 className="mt-8 font-semibold">{t("available")}</h3>
      {candidates.length === 0 && <p className="text-sm text-muted">{t("noneAvailable")}</p>}
      <ul className="mt-2 space-y-3">
        {candidates.map((c) => (
          <li key={c.responseId} className="rounded-lg border border-stone-200 bg-white p-4">
            <p className="text-sm text-muted">
              <span className="font-semibold text-ink">{c.penName}</span> · {t("fromPack", { number: c.packNumber, prompt: c.promptText })}
            </p>
            <p className="mt-1 line-clamp-4 whitespace-pre-wrap break-words">{c.body}</p>
            <Button variant="secondary" className="mt-2" disabled={picked.has(`${c.responseId}:`)} onClick={() => add(c)} aria-label={`${t("add")}: ${c.penName}`}>
              {t("add")}
            </Button>
            {c.replies.length > 0 && (
              <ul className="mt-3 space-y-2 border-l-2 border-stone-200 pl-3">
                {c.replies.map((reply) => (
                  <li key={reply.id}>
                    <p className="text-sm text-muted">{t("replyTo", { penName: c.penName })} · <span className="font-semibold text-ink">{reply.penName}</span></p>
                    <p className="line-clamp-3 whitespace-pre-wrap break-words">{reply.body}</p>
                    <Button variant="secondary" className="mt-1" disabled={picked.has(`${c.responseId}:${reply.id}`)} onClick={() => add(c, reply)} aria-label={`${t("add")}: ${reply.penName}`}>
                      {t("add")}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
