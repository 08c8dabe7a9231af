// Runs once when a Next.js server starts: validates the environment so a bad setting stops
// the server with a readable message, then records each request's socket address and starts
// this process's background job worker.
export async function register() {
  const { env } = await import("@/lib/env");
  env();
  // The Edge runtime has no database driver; workers run in the Node.js server only.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Each request's socket address, for sign-in throttling (lib/auth/client-address.ts).
    (await import("@/lib/auth/client-address")).recordPeerAddresses();
    const { startWorkers } = await import("@/lib/jobs/worker");
    startWorkers().catch((error: unknown) => console.error("could not start the job worker", error));
  }
}
