// The printed page and what is drawn on it.
//
// US Letter, portrait, printed on one side: the facilities we mail to are US prisons and jails,
// and their page limits count sheets, so one page = one sheet everywhere in this module.
// Layout is done once into `Page`s of plain drawing operations (text at a position, a straight
// rule); painting replays them into a PDF. That split is what lets the shared content of a pack
// be laid out once for a whole print run, and lets planPack() count pages without drawing.
//
// Coordinates are PDF points from the top-left corner; text `y` is the baseline.
import type { FontKey } from "@/lib/packs/pdf/fonts";

export const PAGE = { width: 612, height: 792 } as const;

/** Where flowing content goes. The bands above and below hold the page furniture. */
export const BODY = { left: 72, right: 612 - 72, top: 74, bottom: 792 - 70 } as const;
export const BODY_WIDTH = BODY.right - BODY.left;

export type TextOp = {
  t: "text";
  x: number;
  y: number;
  text: string;
  font: FontKey;
  size: number;
  /** Extra space between characters (the response code), in points. */
  spacing?: number;
  /** The member's own text (name, ID number, address): dropped from the caches afterwards. */
  own?: boolean;
};

export type RuleOp = { t: "rule"; x1: number; y1: number; x2: number; y2: number; width: number };

/**
 * The member's response code for a prompt, filled in when a member's copy is painted: the sheet
 * itself is laid out once for everyone. Centred in `width` from `x`.
 */
export type CodeOp = { t: "code"; promptId: string; x: number; y: number; width: number; font: FontKey; size: number; spacing: number };

export type Op = TextOp | RuleOp | CodeOp;

/**
 * `imported`: the page is page `index` (0-based) of an uploaded PDF reading, placed by
 * ImportedPages (imported-pages.ts) under the furniture; `ops` are then empty.
 */
export type Page = { ops: Op[]; imported?: { readingId: string; index: number } };
