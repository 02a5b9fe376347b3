// The part of autocannon's API (v8, no bundled types) that scripts/bench-load.ts uses.
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  export type Client = { setHeaders(headers: Record<string, string>): void };

  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    headers?: Record<string, string>;
    setupClient?: (client: Client) => void;
  };

  export type Result = {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
  };

  export type Instance = EventEmitter & {
    on(event: "response", listener: (client: Client, statusCode: number, resBytes: number, responseTime: number) => void): Instance;
    stop(): void;
  };

  function autocannon(options: Options, callback: (error: Error | null, result: Result) => void): Instance;
  export default autocannon;
}
