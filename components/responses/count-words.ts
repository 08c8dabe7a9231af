// The answer editor's word count. Apart from lib/validations/response.ts on purpose: that module
// imports zod, and the editor importing it from there sent all of zod (27 kB gzip) to every
// member's pack page for a regular expression (docs/decisions/042-light-member-pages.md).

/** Words as a reader would count them. */
export function countWords(text: string): number {
  const words = text.trim().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return words ? words.length : 0;
}
