"use client";
// A reply to a shared response. One key per reply: a double click or a retry after a network
// error sends the same key and the server finds the reply it already made.
//
// The check in the browser (zod and the shared schema) loads when the member first clicks into
// a reply box, or at the latest when they send one, not with the page: most visits to the
// discussion only read (lazy-resolver.ts).
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { addReplyAction } from "@/app/(app)/groups/[groupSlug]/discussion/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { TextAreaField } from "@/components/forms/text-area-field";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import type { replyFormSchema } from "./reply-resolver";

type FormValues = z.input<typeof replyFormSchema>;

const { resolver, preload } = lazyResolver<FormValues>(() => import("./reply-resolver").then((m) => m.replyResolver));

/** `to` is null on the member's own response: they answer the replies it got. */
export function ReplyForm({ groupSlug, responseId, to, myPenName }: { groupSlug: string; responseId: string; to: string | null; myPenName: string }) {
  const t = useTranslations("discussion");
  const router = useRouter();
  const [clientKey, setClientKey] = useState(() => crypto.randomUUID());
  const { register, handleSubmit, reset, setError, formState } = useForm<FormValues>({ resolver, defaultValues: { body: "" } });
  const { formError, saved, run, fieldError: err } = useActionForm(setError);

  const onSubmit = handleSubmit(async ({ body }) => {
    if (!(await run(() => addReplyAction({ groupSlug, responseId, body, clientKey })))) return;
    setClientKey(crypto.randomUUID());
    reset({ body: "" });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-3">
      <FormAlert message={formError} />
      <TextAreaField label={to === null ? t("replyOwnLabel") : t("replyLabel", { penName: to })} hint={t("replyHint", { penName: myPenName })} rows={3} onFocus={preload} {...register("body")} error={err(formState.errors.body?.message)} />
      <div className="flex items-center gap-4">
        <Button type="submit" variant="secondary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("sending") : t("sendReply")}
        </Button>
        <span role="status" className="text-green-800">
          {saved ? t("sent") : ""}
        </span>
      </div>
    </form>
  );
}
