import { SEND_TIMEOUT_MS } from "./backoff";
import { scrubUrl } from "./smtp";

export class HttpSendError extends Error {
  override name = "HttpSendError";
  constructor(
    message: string,
    readonly statusCode: number | null,
  ) {
    super(message);
  }
}

/** POSTs a JSON body; a non-2xx answer or a timeout throws an HttpSendError (status, the answer's first words), URL scrubbed. */
export async function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<{ statusCode: number }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Headroom-Notifier/1", ...headers },
      body,
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      redirect: "error",
    });
  } catch (error) {
    const e = error as Error & { cause?: { message?: string; code?: string } };
    const why =
      e.name === "TimeoutError"
        ? `no answer within ${SEND_TIMEOUT_MS / 1000} s`
        : [e.message, e.cause?.code ?? e.cause?.message].filter(Boolean).join(": ");
    throw new HttpSendError(scrubUrl(why, url), null);
  }
  if (response.ok) {
    await response.body?.cancel();
    return { statusCode: response.status };
  }
  const answer = (await response.text().catch(() => "")).trim().slice(0, 200);
  throw new HttpSendError(scrubUrl(`HTTP ${response.status}${answer ? `: ${answer}` : ""}`, url), response.status);
}
