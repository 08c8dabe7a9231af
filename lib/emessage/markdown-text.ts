// Markdown as plain text for an e-message (docs/decisions/045): the same parse as the web and the
// pack PDF (lib/packs/pdf/markdown.ts's parseMarkdown), walked into text that reads well on a
// prison tablet, which shows no formatting. Every word of the source stays; only the marks go:
// - paragraphs, headings and blocks are parted by a blank line (the cutter's best boundary);
// - list items start with "- " or "1. ", quotes with "> ", table cells are parted by " | ";
// - a link is its text then the URL in parentheses, as on paper; an image is "[image: alt]";
// - footnotes are numbered "[1]" where referred to and listed under "Notes" at the end;
// - raw HTML left over is dropped, as the web and the PDF drop it.
import type { List, PhrasingContent, Root, RootContent, Table } from "mdast";
import { parseMarkdown, printedUrl } from "@/lib/packs/pdf/markdown";

export function markdownToText(source: string, notesHeading = "Notes"): string {
  const tree: Root = parseMarkdown(source);
  const definitions = new Map<string, string>();
  const footnotes = new Map<string, RootContent[]>();
  const order: string[] = [];
  const collect = (node: Root | RootContent) => {
    if (node.type === "definition") definitions.set(node.identifier, node.url);
    if (node.type === "footnoteDefinition") footnotes.set(node.identifier, node.children);
    if ("children" in node) for (const child of node.children as RootContent[]) collect(child);
  };
  collect(tree);

  const note = (identifier: string) => {
    if (!footnotes.has(identifier)) return "";
    if (!order.includes(identifier)) order.push(identifier);
    return `[${order.indexOf(identifier) + 1}]`;
  };

  const link = (children: PhrasingContent[], url: string) => {
    const text = inline(children);
    const shown = printedUrl(url);
    if (!shown) return text;
    const bare = (value: string) => value.replace(/^(https?:\/\/|mailto:)/i, "").replace(/\/$/, "").toLowerCase();
    return bare(text.trim()) === bare(shown) ? text : `${text} (${shown})`;
  };

  function inline(nodes: PhrasingContent[]): string {
    let out = "";
    for (const node of nodes) {
      switch (node.type) {
        case "text":
        case "inlineCode":
          out += node.value;
          break;
        case "break":
          out += "\n";
          break;
        case "link":
          out += link(node.children, node.url);
          break;
        case "linkReference": {
          const url = definitions.get(node.identifier);
          out += url === undefined ? inline(node.children) : link(node.children, url);
          break;
        }
        case "image":
        case "imageReference": {
          const alt = (node.alt ?? "").trim();
          if (alt) out += `[image: ${alt}]`;
          break;
        }
        case "footnoteReference":
          out += note(node.identifier);
          break;
        case "html":
          break;
        default: {
          const other = node as { children?: PhrasingContent[]; value?: unknown };
          if (other.children) out += inline(other.children);
          else if (typeof other.value === "string") out += other.value;
        }
      }
    }
    return out;
  }

  const prefixLines = (text: string, first: string, rest: string) =>
    text
      .split("\n")
      .map((line, i) => (i === 0 ? first : line === "" ? rest.trimEnd() : rest) + line)
      .join("\n");

  function list(node: List): string {
    const start = node.start ?? 1;
    return node.children
      .map((item, i) => {
        const marker = node.ordered ? `${start + i}. ` : "- ";
        const check = item.checked === true ? "[x] " : item.checked === false ? "[ ] " : "";
        return prefixLines(check + blocks(item.children, node.spread || item.spread ? "\n\n" : "\n"), marker, " ".repeat(marker.length));
      })
      .join(node.spread ? "\n\n" : "\n");
  }

  const table = (node: Table) => node.children.map((row) => row.children.map((cell) => inline(cell.children).replace(/\n/g, " ")).join(" | ")).join("\n");

  function block(node: RootContent): string | null {
    switch (node.type) {
      case "paragraph":
      case "heading":
        return inline(node.children);
      case "blockquote":
        return prefixLines(blocks(node.children), "> ", "> ");
      case "list":
        return list(node);
      case "code":
        return node.value;
      case "table":
        return table(node);
      case "thematicBreak":
        return "* * *";
      case "definition":
      case "footnoteDefinition":
      case "html":
      case "yaml":
        return null;
      default: {
        const other = node as { children?: RootContent[]; value?: unknown };
        if (other.children) return blocks(other.children);
        return typeof other.value === "string" ? other.value : null;
      }
    }
  }

  function blocks(nodes: RootContent[], gap = "\n\n"): string {
    return nodes
      .map(block)
      .filter((text): text is string => text !== null && text !== "")
      .join(gap);
  }

  let text = blocks(tree.children);
  // Notes may refer to further notes: number them as they come.
  const notes: string[] = [];
  for (let i = 0; i < order.length; i++) notes.push(prefixLines(blocks(footnotes.get(order[i]!)!), `[${i + 1}] `, "    "));
  if (notes.length) text += `\n\n${notesHeading}\n\n${notes.join("\n\n")}`;
  return text;
}
