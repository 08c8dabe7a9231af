"use client";
// A link shown once for someone to pass on by hand (an invitation when e-mail is not set up):
// read-only, selected on focus, and a button that copies it.
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function CopyLink({ url, label, copy, copied }: { url: string; label: string; copy: string; copied: string }) {
  const [done, setDone] = useState(false);
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      <input readOnly aria-label={label} value={url} className="min-w-0 flex-1 rounded-md border border-stone-400 bg-stone-50 px-3 py-2 text-sm" onFocus={(e) => e.currentTarget.select()} />
      <Button
        variant="secondary"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(url);
            setDone(true);
          } catch {
            // No clipboard (an insecure origin, a refusal): the field is there to select by hand.
            setDone(false);
          }
        }}
      >
        {done ? copied : copy}
      </Button>
    </div>
  );
}
