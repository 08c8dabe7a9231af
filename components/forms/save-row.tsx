"use client";
// The end of a form: the save button (busy while saving) and a quiet "Saved." announced to
// screen readers.
import { Button } from "@/components/ui/button";

export function SaveRow({ submitting, saved, labels }: { submitting: boolean; saved: boolean; labels: { save: string; saving: string; saved: string } }) {
  return (
    <div className="flex items-center gap-4">
      <Button type="submit" disabled={submitting}>
        {submitting ? labels.saving : labels.save}
      </Button>
      <span role="status" className="text-green-800">
        {saved ? labels.saved : ""}
      </span>
    </div>
  );
}
