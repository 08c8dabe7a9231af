// Runs in the browser before the app becomes interactive (Next.js file convention).
//
// zod 4 compiles object parsers with `new Function` where it may, and finds out by trying once.
// Under the pages' Content-Security-Policy (no 'unsafe-eval', proxy.ts) the try fails, zod falls
// back, and the browser still reports a CSP violation for it, which fails the browser tests and
// would hide a real one. Parse without compiling in the browser; the server keeps the fast path.
//
// Set on the object zod keeps its settings in (`globalThis.__zod_globalConfig`, which its
// `config()` writes to and every copy of zod reads) rather than by importing zod: this file runs
// on every page, and importing zod here sent part of it to pages that never parse anything
// (docs/decisions/042-light-member-pages.md). instrumentation-client.test.ts checks that zod
// still reads it.
const zodSettings = globalThis as typeof globalThis & { __zod_globalConfig?: { jitless?: boolean } };
(zodSettings.__zod_globalConfig ??= {}).jitless = true;

export {};
