"use client";
import { markReadAction } from "@/app/(app)/notifications/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionButton } from "@/components/forms/use-action-button";

export function MarkReadButton({ ids, label, variant = "secondary" }: { ids: string[] | "all"; label: string; variant?: "secondary" | "quiet" }) {
  const { run, pending, error } = useActionButton();
  return (
    <span>
      <Button variant={variant} disabled={pending} onClick={() => run(() => markReadAction({ ids }))}>
        {label}
      </Button>
      <FormAlert message={error} />
    </span>
  );
}
