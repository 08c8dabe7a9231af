// One way to make a URL handle from a name (a course, a group, an organization): accents dropped,
// anything not a–z or 0–9 becomes a single dash, at most `max` characters. May be empty (a name
// in another script): each caller says what then. Works in the browser too (the group form
// suggests a slug as the name is typed).
export function slugFrom(name: string, max = 60): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
}
