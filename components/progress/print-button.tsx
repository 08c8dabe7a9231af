"use client";
// Opens the browser's print dialog; the page's print styles hide the filters and links.
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 font-medium hover:bg-stone-50 print:hidden">
      {label}
    </button>
  );
}
