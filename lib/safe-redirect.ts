// Only same-site paths may be used as a place to return to after signing in; anything else
// (another host, "//evil.example", "javascript:") falls back to the home page.
export function safeReturnPath(value: string | null | undefined, fallback = "/"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
