"use client";
// An organizer makes a one-time link with which a member sets a new password, and copies it to
// give to them privately (docs/decisions/024-password-reset.md). Each new link replaces the last.
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { makePasswordResetLinkAction } from "@/app/(app)/groups/[groupSlug]/members/[memberId]/_password-reset/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionMessage } from "@/components/forms/use-action-message";
import { Button } from "@/components/ui/button";

export function PasswordResetLink({ groupSlug, memberId, penName }: { groupSlug: string; memberId: string; penName: string }) {
  const t = useTranslations("passwordReset.organizer");
  const format = useFormatter();
  const message = useActionMessage();
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, start] = useTransition();

  const make = () =>
    start(async () => {
      setError(null);
      setCopied(false);
      try {
        const result = await makePasswordResetLinkAction({ groupSlug, memberId });
        if (!result.ok) return setError(message(result.formError));
        setLink({ url: new URL(result.data.path, window.location.origin).toString(), expiresAt: result.data.expiresAt });
      } catch {
        setError(message("errors.offline"));
      }
    });

  return (
    <div className="mt-2 space-y-3">
      <p className="text-sm">{t("intro", { name: penName })}</p>
      <FormAlert message={error} />
      <Button variant="secondary" onClick={make} disabled={pending}>
        {pending ? t("making") : t("make")}
      </Button>
      {link && (
        <div>
          <p className="text-sm">{t("made", { expires: format.dateTime(new Date(link.expiresAt), { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" }) })}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <input readOnly aria-label={t("linkLabel")} value={link.url} className="min-w-0 flex-1 rounded-md border border-stone-400 bg-stone-50 px-3 py-2 text-sm" onFocus={(e) => e.currentTarget.select()} />
            <Button
              variant="secondary"
              onClick={async () => {
                try {
                  await navigator.clipboard.writeText(link.url);
                  setCopied(true);
                } catch {
                  setCopied(false);
                }
              }}
            >
              {copied ? t("copied") : t("copy")}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
