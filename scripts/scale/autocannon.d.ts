// The part of autocannon 8 that scripts/scale/load.ts uses (the package ships no types).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  namespace autocannon {
    type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string; setupRequest?: (req: Record<string, unknown>) => Record<string, unknown> };
    type Options = { url: string; connections?: number; duration?: number; amount?: number; overallRate?: number; requests?: Request[] };
    type Result = { requests: { total: number; average: number }; duration: number; non2xx: number; errors: number };
  }

  function autocannon(options: autocannon.Options): EventEmitter;
  export default autocannon;
}
