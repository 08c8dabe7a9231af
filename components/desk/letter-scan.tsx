"use client";
// The scan of a letter, uploaded once: without a promptId the route attaches it to every answer of
// the letter (docs/decisions/032).
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionMessage } from "@/components/forms/use-action-message";
import type { ActionResult } from "@/lib/server/result";

export function LetterScan(props: { groupSlug: string; packNumber: number; memberId: string; maxMb: number }) {
  const t = useTranslations("mail.scans");
  const message = useActionMessage();
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, start] = useTransition();
  return (
    <form
      ref={form}
      className="mt-3 space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const file = data.get("file");
        // Said at once, before minutes of uploading on a slow line; the server refuses it too.
        if (file instanceof File && file.size > props.maxMb * 1024 * 1024) return setError(message("mail.scans.errors.tooLarge"));
        start(async () => {
          setError(null);
          setDone(false);
          try {
            const url = `/api/groups/${encodeURIComponent(props.groupSlug)}/packs/${props.packNumber}/scans`;
            const result = (await (await fetch(url, { method: "POST", body: data })).json()) as ActionResult<{ id: string }>;
            if (!result.ok) return setError(message(result.formError ?? Object.values(result.fieldErrors)[0]));
            form.current?.reset();
            setDone(true);
            router.refresh();
          } catch {
            setError(message("errors.offline"));
          }
        });
      }}
    >
      <FormAlert message={error} />
      <input type="hidden" name="memberId" value={props.memberId} />
      <div>
        <label htmlFor="scan-file" className="block font-medium">
          {t("file")}
        </label>
        <p id="scan-hint" className="text-sm text-muted">
          {t("hint", { mb: props.maxMb })}
        </p>
        <input id="scan-file" name="file" type="file" accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png" aria-describedby="scan-hint" className="mt-1 block w-full text-sm" />
      </div>
      <div className="flex items-center gap-4">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t("uploading") : t("upload")}
        </Button>
        <span role="status" className="text-green-800">
          {done ? t("attached") : ""}
        </span>
      </div>
    </form>
  );
}
