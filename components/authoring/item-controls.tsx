"use client";
// Move up / move down / delete for one item of an ordered list (a lesson, a reading, a prompt).
// The server actions come in as props with the ids that name the item; the page re-renders with
// the new order when the action returns (revalidatePath), and focus stays on the button that
// was pressed so a keyboard user can keep moving the same item.
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { useMessage } from "@/components/authoring/use-action-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/server/result";

type Action = (input: unknown) => Promise<ActionResult<unknown>>;

type Props = {
  /** What the item is called, for the buttons' accessible names. */
  name: string;
  /** The ids the actions need (courseId, lessonId, …). */
  refs: Record<string, string>;
  position: number;
  count: number;
  move: Action;
  remove: Action;
  /** Shown in the confirmation, e.g. what else goes with the item. */
  deleteNote?: string;
  /** When set, the item cannot be deleted and this says why. */
  cannotDelete?: string;
  /** The list's heading (focusable), where the cursor goes once the item is deleted. */
  listHeadingId: string;
};

export function ItemControls({ name, refs, position, count, move, remove, deleteNote, cannotDelete, listHeadingId }: Props) {
  const t = useTranslations("authoring.controls");
  const message = useMessage();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [confirming, setConfirming] = useState(false);
  const lastMove = useRef<"up" | "down" | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const isFirst = position === 1;
  const isLast = position === count;

  // After a move the list is re-rendered in its new order; keep focus on the same control
  // (or on the other arrow when the item reached an end).
  useEffect(() => {
    if (!lastMove.current || pending) return;
    const wanted = lastMove.current === "up" ? (isFirst ? "down" : "up") : isLast ? "up" : "down";
    box.current?.querySelector<HTMLButtonElement>(`[data-move="${wanted}"]`)?.focus();
    lastMove.current = null;
  }, [position, pending, isFirst, isLast]);

  const run = (call: () => Promise<ActionResult<unknown>>, after?: (data: unknown) => void) =>
    startTransition(async () => {
      setError(null);
      try {
        const result = await call();
        if (!result.ok) return setError(message(result.formError ?? "errors.generic") ?? null);
        after?.(result.data);
      } catch {
        setError(message("authoring.errors.saveFailed") ?? null);
      }
    });

  const onMove = (direction: "up" | "down") => {
    lastMove.current = direction;
    run(
      () => move({ ...refs, direction }),
      (data) => setAnnouncement(t("moved", { name, position: (data as { position: number }).position, count })),
    );
  };

  const arrow = "min-h-11 min-w-11 px-0 text-lg";
  return (
    <div ref={box} className="flex flex-col items-start gap-2 sm:shrink-0 sm:items-end">
      <div className="flex flex-wrap items-center gap-2">
        <Button data-move="up" variant="secondary" className={arrow} aria-label={t("moveUp", { name })} title={t("moveUpShort")} disabled={pending || isFirst} onClick={() => onMove("up")}>
          <span aria-hidden="true">↑</span>
        </Button>
        <Button data-move="down" variant="secondary" className={arrow} aria-label={t("moveDown", { name })} title={t("moveDownShort")} disabled={pending || isLast} onClick={() => onMove("down")}>
          <span aria-hidden="true">↓</span>
        </Button>
        {!cannotDelete && !confirming && (
          <Button variant="secondary" aria-label={t("deleteLabel", { name })} disabled={pending} onClick={() => setConfirming(true)}>
            {t("delete")}
          </Button>
        )}
      </div>
      {cannotDelete && <p className="text-sm text-muted">{cannotDelete}</p>}
      {confirming && (
        <div role="group" aria-label={t("confirmDelete", { name })} className="w-full rounded-md border border-red-300 bg-red-50 p-3 sm:max-w-sm">
          <p className="font-medium">{t("confirmDelete", { name })}</p>
          {deleteNote && <p className="mt-1 text-sm">{deleteNote}</p>}
          <div className="mt-3 flex flex-wrap gap-2">
            <button
              type="button"
              className="inline-flex min-h-11 items-center justify-center rounded-md bg-danger px-4 py-2 font-medium text-white hover:bg-red-900 disabled:cursor-not-allowed disabled:bg-stone-400"
              disabled={pending}
              onClick={() =>
                run(
                  () => remove(refs),
                  () => {
                    setConfirming(false);
                    document.getElementById(listHeadingId)?.focus();
                  },
                )
              }
            >
              {pending ? t("deleting") : t("confirm")}
            </button>
            <Button variant="secondary" disabled={pending} onClick={() => setConfirming(false)} autoFocus>
              {t("keep")}
            </Button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm font-medium text-danger">
          {error}
        </p>
      )}
      <span role="status" className="sr-only">
        {announcement}
      </span>
    </div>
  );
}
