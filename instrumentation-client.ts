// Runs in the browser before the app becomes interactive (Next.js file convention).
//
// zod 4 compiles object parsers with `new Function` where it may, and finds out by trying once.
// Under the pages' Content-Security-Policy (no 'unsafe-eval', proxy.ts) the try fails, zod falls
// back, and the browser still reports a CSP violation for it, which fails the browser tests and
// would hide a real one. Parse without compiling in the browser; the server keeps the fast path.
import { config } from "zod";

config({ jitless: true });
