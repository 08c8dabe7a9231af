"use client";
// Ends every session of the account on the server, then clears this browser's cookie.
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { signOutEverywhereAction } from "@/app/(app)/account/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionMessage } from "@/components/forms/use-action-message";
import { Button } from "@/components/ui/button";

export function SignOutEverywhere() {
  const t = useTranslations("security.signOutEverywhere");
  const message = useActionMessage();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="mt-4 space-y-4">
      <FormAlert message={error} />
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await signOutEverywhereAction({}).catch(() => null);
            if (!result?.ok) return setError(message(result ? result.formError : "errors.offline"));
            await signOut({ callbackUrl: "/sign-in" });
          })
        }
      >
        {pending ? t("submitting") : t("submit")}
      </Button>
    </div>
  );
}
