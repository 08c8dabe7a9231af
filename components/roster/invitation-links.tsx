"use client";
// Invitation links to copy and send by hand (and a note of which went out by e-mail).
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export type InvitationLink = { id: string; email: string; penName: string; path: string; expiresAt: string; emailed: boolean };

export function InvitationLinks({ title, invitations }: { title: string; invitations: InvitationLink[] }) {
  const t = useTranslations("invitations");
  const format = useFormatter();
  const [copied, setCopied] = useState<string | null>(null);
  if (invitations.length === 0) return null;
  const url = (path: string) => (typeof window === "undefined" ? path : new URL(path, window.location.origin).toString());
  return (
    <section aria-label={title} className="mt-4">
      <h3 className="font-semibold">{title}</h3>
      <ul className="mt-2 space-y-3">
        {invitations.map((i) => (
          <li key={i.id} className="rounded-md border border-stone-200 p-3">
            <p className="break-words">
              <span className="font-medium">{i.penName}</span> <span className="text-muted">· {i.email}</span>
            </p>
            <p className="text-sm text-muted">
              {t("expires", { date: format.dateTime(new Date(i.expiresAt), { dateStyle: "medium" }) })} · {i.emailed ? t("emailed") : t("notEmailed")}
            </p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <input readOnly aria-label={t("link", { name: i.penName })} value={url(i.path)} className="min-w-0 flex-1 rounded-md border border-stone-400 bg-stone-50 px-3 py-2 text-sm" onFocus={(e) => e.currentTarget.select()} />
              <Button
                variant="secondary"
                onClick={async () => {
                  try {
                    await navigator.clipboard.writeText(url(i.path));
                    setCopied(i.id);
                  } catch {
                    setCopied(null);
                  }
                }}
              >
                {copied === i.id ? t("copied") : t("copy")}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
