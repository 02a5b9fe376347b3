import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { SIGNATURE_HEADER, verifySignature } from "@/lib/notify/signature";

// A real HTTP receiver for the webhook tests: records each request's raw body, whether its HMAC header verifies against
// `secret` (when given), and answers 500 to the first `failFirst` requests.

export type ReceivedRequest = {
  path: string;
  body: string;
  json: unknown;
  signature: string | null;
  signatureValid: boolean;
  answered: number;
};

export type WebhookReceiver = {
  url: string;
  requests: ReceivedRequest[];
  /** Answer 500 to the next n requests. */
  failNext(n: number): void;
  stop(): Promise<void>;
};

export async function startWebhookReceiver({
  secret,
  failFirst = 0,
}: { secret?: string; failFirst?: number } = {}): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  let failing = failFirst;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const signature = (req.headers[SIGNATURE_HEADER.toLowerCase()] as string | undefined) ?? null;
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        json = null;
      }
      const answered = failing > 0 ? 500 : 200;
      if (failing > 0) failing--;
      requests.push({
        path: req.url ?? "/",
        body,
        json,
        signature,
        signatureValid: secret ? verifySignature(secret, signature, body) : false,
        answered,
      });
      res.writeHead(answered, { "content-type": "text/plain" }).end(answered === 200 ? "ok" : "receiver is failing on purpose");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    failNext(n) {
      failing = n;
    },
    stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
