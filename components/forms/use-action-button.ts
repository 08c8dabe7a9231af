"use client";
// A button that runs one server action: busy while it runs, the result's error (or "offline")
// shown, and the page refreshed after a success. For actions without a form around them.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useActionMessage } from "@/components/forms/use-action-message";
import type { ActionResult } from "@/lib/server/result";

export function useActionButton() {
  const message = useActionMessage();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  /** Runs `call`; `onFailure` undoes any optimistic change. Refreshes the page on success. */
  const run = <T>(call: () => Promise<ActionResult<T>>, onFailure?: () => void) =>
    start(async () => {
      setError(null);
      try {
        const result = await call();
        if (result.ok) return router.refresh();
        onFailure?.();
        setError(message(result.formError ?? Object.values(result.fieldErrors)[0]));
      } catch {
        onFailure?.();
        setError(message("errors.offline"));
      }
    });
  return { run, pending, error };
}
