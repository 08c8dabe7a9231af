// Markup written as text, for the few pages where React would draw thousands of elements: the
// progress matrix, the dashboard's group table, a member's timeline. React renders every
// element twice on the server (into the RSC payload, then into HTML) and hydrates it in the
// browser; a table of a few thousand cells cost about 100 ms of server CPU per request that way,
// and a string of the same markup costs a few milliseconds (docs/decisions/015-large-tables-as-markup.md).
//
// Safety rests on one rule: every value put into `html` is escaped unless it is itself `Html`
// made by `html`. There is no way to mark an arbitrary string as safe.
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const SPECIAL = /[&<>"']/g;

/** Text made safe for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(SPECIAL, (c) => ESCAPES[c]!);
}

/** Markup whose every interpolated value was escaped. */
export class Html {
  /** Only `html` makes these. */
  constructor(readonly markup: string, token: symbol) {
    if (token !== MADE_HERE) throw new Error("Html is made by the html`` tag only");
  }
  toString(): string {
    return this.markup;
  }
}
const MADE_HERE = Symbol("html");

/** A value that may stand in a template: text and numbers are escaped; false, null and undefined write nothing; arrays are joined. */
export type HtmlPart = string | number | Html | null | undefined | false | readonly HtmlPart[];

function write(part: HtmlPart): string {
  if (part === null || part === undefined || part === false) return "";
  if (part instanceof Html) return part.markup;
  if (typeof part === "number") return String(part);
  if (typeof part === "string") return escapeHtml(part);
  let out = "";
  for (const p of part) out += write(p);
  return out;
}

/** html`<td class="${cls}">${text}</td>`: the literal parts are kept, the values escaped. */
export function html(strings: TemplateStringsArray, ...parts: HtmlPart[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < parts.length; i++) out += write(parts[i]!) + strings[i + 1]!;
  return new Html(out, MADE_HERE);
}

/** Renders markup made by `html` inside one element (a `div` unless `as` says otherwise). */
export function HtmlBlock({ markup, as: Tag = "div", className, scrollLabel }: { markup: Html; as?: "div" | "ol"; className?: string; scrollLabel?: string }) {
  // A block that may scroll sideways gets a name and a place in the tab order, so a keyboard can
  // scroll it (axe: scrollable-region-focusable).
  const scroll = scrollLabel ? { tabIndex: 0, role: "group", "aria-label": scrollLabel } : {};
  return <Tag className={className} {...scroll} dangerouslySetInnerHTML={{ __html: markup.markup }} />;
}
