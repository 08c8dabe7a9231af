"use client";
// A chart: markup drawn by chartMarkup from its figures, on the server and at hydration.
import { useMemo } from "react";
import { chartMarkup, type ChartModel } from "@/components/progress/chart-markup";

export function ChartBlock({ model }: { model: ChartModel }) {
  const markup = useMemo(() => chartMarkup(model).markup, [model]);
  return <div dangerouslySetInnerHTML={{ __html: markup }} />;
}
