"use client";
// Shown for an unexpected error: never the stack trace, only a calm message and a retry.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <p role="alert" className="text-lg">{t("generic")}</p>
      <Button className="mt-6" onClick={() => reset()}>
        {t("tryAgain")}
      </Button>
    </main>
  );
}
