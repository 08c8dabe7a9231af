// Runs once when a Next.js server starts: validates the environment so a bad setting stops
// the server with a readable message instead of failing on the first request.
export async function register() {
  const { env } = await import("@/lib/env");
  env();
}
