"use client";
// The dashboard's groups: markup drawn by groupTableMarkup on the server and at hydration.
import { useMemo } from "react";
import { groupTableMarkup, type GroupTableModel } from "@/components/progress/group-table-markup";

export function GroupTable({ model }: { model: GroupTableModel }) {
  const markup = useMemo(() => groupTableMarkup(model).markup, [model]);
  return <div className="mt-3 max-h-[70vh] overflow-auto rounded-lg border border-stone-200 bg-white" dangerouslySetInnerHTML={{ __html: markup }} />;
}
