"use client";
// The app's own confirmation, instead of the browser's window.confirm (which cannot be styled,
// read its text badly to screen readers, and some browsers let a page suppress). A native
// <dialog> opened with showModal: the rest of the page is inert, Escape cancels, focus starts on
// "Cancel" (a stray Enter does not confirm something that cannot be undone), Tab stays inside,
// and focus goes back to what opened it. Labelled by its title, described by its body.
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

export type ConfirmOptions = {
  /** The question; enough on its own when it says what happens. */
  title: string;
  body?: ReactNode;
  /** Says what confirming does ("Delete the draft"), not "OK". */
  confirmLabel: string;
  /** "Cancel" unless given. */
  cancelLabel?: string;
  /** A destructive action: the confirm button is drawn in the danger colour. */
  danger?: boolean;
};

export function ConfirmDialog({ open, onConfirm, onCancel, ...options }: ConfirmOptions & { open: boolean; onConfirm: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const id = useId();
  const t = useTranslations("confirmDialog");

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
      const target = returnTo.current;
      target?.focus();
      // A form's submit button is still disabled in this render while its handler awaits the
      // answer: try again once it is enabled.
      if (target && document.activeElement !== target) requestAnimationFrame(() => target.focus());
    }
  }, [open]);

  // showModal makes the page inert, but Tab from the last button would leave for the browser's
  // own controls: keep it going round the dialog.
  const keepFocusInside = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== "Tab") return;
    const focusable = Array.from(event.currentTarget.querySelectorAll<HTMLElement>("button:not([disabled]), [href], input, textarea, select"));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={options.body ? `${id}-body` : undefined}
      onKeyDown={keepFocusInside}
      // Escape: the browser would close the dialog behind React's back; let the state do it.
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-stone-300 bg-white p-0 text-ink shadow-xl backdrop:bg-stone-900/50"
    >
      <div className="p-5">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {options.title}
        </h2>
        {options.body && (
          <div id={`${id}-body`} className="mt-3 space-y-2">
            {options.body}
          </div>
        )}
        <div className="mt-6 flex flex-wrap justify-end gap-3">
          <Button variant="secondary" autoFocus onClick={onCancel}>
            {options.cancelLabel ?? t("cancel")}
          </Button>
          {options.danger ? (
            <button type="button" onClick={onConfirm} className="inline-flex min-h-11 items-center justify-center rounded-md bg-danger px-4 py-2 font-medium text-white hover:bg-red-900">
              {options.confirmLabel}
            </button>
          ) : (
            <Button onClick={onConfirm}>{options.confirmLabel}</Button>
          )}
        </div>
      </div>
    </dialog>
  );
}

/**
 * `const { confirm, dialog } = useConfirm()`; render `dialog`, then `if (!(await confirm({…})))
 * return;` where window.confirm was.
 */
export function useConfirm() {
  const [shown, setShown] = useState<ConfirmOptions | null>(null);
  const [open, setOpen] = useState(false);
  const resolver = useRef<((answer: boolean) => void) | null>(null);

  const confirm = useCallback((options: ConfirmOptions) => {
    resolver.current?.(false);
    setShown(options);
    setOpen(true);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  const answer = (value: boolean) => {
    setOpen(false);
    resolver.current?.(value);
    resolver.current = null;
  };

  const dialog = shown ? <ConfirmDialog {...shown} open={open} onConfirm={() => answer(true)} onCancel={() => answer(false)} /> : null;
  return { confirm, dialog };
}
