"use client";
// In the header of every page, so next-auth's client (about 9 kB gzip) is loaded when the button
// is pressed rather than with each page (docs/decisions/042-light-member-pages.md).
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const t = useTranslations("nav");
  const signOut = async () => (await import("next-auth/react")).signOut({ callbackUrl: "/sign-in" });
  return (
    <Button variant="secondary" onClick={() => void signOut()}>
      {t("signOut")}
    </Button>
  );
}
