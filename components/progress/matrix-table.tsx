"use client";
// The progress matrix: its markup is drawn from compact data by matrixMarkup, on the server for
// the HTML and in the browser for hydration (see matrix-markup.ts for why).
import { useMemo } from "react";
import { matrixMarkup, type MatrixModel } from "@/components/progress/matrix-markup";

export function MatrixTable({ model }: { model: MatrixModel }) {
  const markup = useMemo(() => matrixMarkup(model).markup, [model]);
  return <div className="mt-4 max-h-[75vh] overflow-auto rounded-lg border border-stone-200 bg-white print:max-h-none print:overflow-visible" dangerouslySetInnerHTML={{ __html: markup }} />;
}
