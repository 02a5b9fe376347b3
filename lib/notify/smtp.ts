import nodemailer from "nodemailer";
import { ValidationError } from "@/lib/errors";
import { smtpConfig } from "@/lib/env";
import { SEND_TIMEOUT_MS } from "./backoff";

export type MailAttachment = { filename: string; content: string | Buffer; contentType?: string };
export type Mail = { to: string[]; subject: string; text: string; html: string; attachments?: MailAttachment[] };

/** Sends one mail through SMTP_URL from SMTP_FROM; throws with the server's answer when it refuses. */
export async function sendMail(mail: Mail): Promise<{ messageId: string }> {
  const config = smtpConfig();
  if (!config) throw new ValidationError("SMTP_URL is not set: Headroom has no mail server to send through.");
  const transport = nodemailer.createTransport(config.url, {
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  });
  try {
    const info = await transport.sendMail({ from: config.from, ...mail });
    return { messageId: info.messageId };
  } catch (error) {
    throw new Error(scrubUrl(error instanceof Error ? error.message : String(error), config.url));
  } finally {
    transport.close();
  }
}

/** An error text without the URL (it may carry a password or, for incoming webhooks, the secret itself). */
export function scrubUrl(message: string, url: string): string {
  let out = message.split(url).join("[url]");
  if (URL.canParse(url)) {
    const u = new URL(url);
    if (u.password) out = out.split(decodeURIComponent(u.password)).join("[redacted]");
    if (u.pathname.length > 1) out = out.split(u.pathname).join("/[redacted]");
  }
  return out;
}
