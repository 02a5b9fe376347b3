import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ROLES } from "@/lib/enums";
import { REPORTING_CURRENCY, type FxRates } from "@/lib/metrics/fx";

export class EnvError extends Error {
  override name = "EnvError";
}

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const positiveInt = (name: string, what: string, fallback: number) =>
  z.coerce
    .number({ message: `${name} must be a number of ${what}` })
    .int(`${name} must be a whole number of ${what}`)
    .positive(`${name} must be positive`)
    .default(fallback);

const RateLimitInput = z.object({
  HEADROOM_API_RATE_PER_MINUTE: positiveInt("HEADROOM_API_RATE_PER_MINUTE", "requests", 120),
  HEADROOM_API_RATE_BURST: positiveInt("HEADROOM_API_RATE_BURST", "requests", 60),
});

const SmtpInput = z.object({
  SMTP_URL: optional(
    z
      .string()
      .refine(
        (s) => /^smtps?:\/\/[^\s/]+/.test(s) && URL.canParse(s),
        "SMTP_URL must be smtp://user:password@host:587 or smtps://user:password@host:465",
      ),
  ),
  SMTP_FROM: optional(z.string().trim().min(3, "SMTP_FROM must be an address such as Headroom <headroom@example.com>")),
});

const EnvInput = RateLimitInput.extend({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\/.+/, "DATABASE_URL must be a postgres:// or postgresql:// URL")),
  HEADROOM_DATA_DIR: optional(z.string()),
  AUTH_SECRET: optional(z.string().min(32, "AUTH_SECRET must be at least 32 characters long")),
  NEXTAUTH_URL: optional(z.string().url("NEXTAUTH_URL must be the public URL of Headroom, e.g. https://headroom.example.com")),
  PORT: z.coerce
    .number({ message: "PORT must be a number" })
    .int("PORT must be a whole number")
    .min(1, "PORT must be between 1 and 65535")
    .max(65535, "PORT must be between 1 and 65535")
    .default(3000),
  HEADROOM_DEMO_PASSWORD: optional(z.string().min(8, "HEADROOM_DEMO_PASSWORD must be at least 8 characters long")),
  HEADROOM_SEED: z.enum(["demo", "none"], { message: "HEADROOM_SEED must be demo or none" }).default("demo"),
  HEADROOM_FX_RATES: optional(z.string()),
  HEADROOM_MAX_UPLOAD_BYTES: z.coerce
    .number({ message: "HEADROOM_MAX_UPLOAD_BYTES must be a number of bytes" })
    .int("HEADROOM_MAX_UPLOAD_BYTES must be a whole number of bytes")
    .positive("HEADROOM_MAX_UPLOAD_BYTES must be positive")
    .default(5 * 1024 ** 3),
  HEADROOM_SECRET_KEY: optional(z.string()),
  OIDC_ISSUER: optional(z.string().url("OIDC_ISSUER must be a URL")),
  OIDC_CLIENT_ID: optional(z.string()),
  OIDC_CLIENT_SECRET: optional(z.string()),
  OIDC_NAME: z.string().default("Single sign-on"),
  OIDC_DEFAULT_ROLE: optional(z.enum(ROLES, { message: "OIDC_DEFAULT_ROLE must be admin, finance, infra or viewer" })),
  ...SmtpInput.shape,
});

export type Env = {
  nodeEnv: "development" | "production" | "test";
  databaseUrl: string | undefined;
  dataDir: string;
  authSecret: string;
  port: number;
  authUrl: string | undefined;
  demoPassword: string | undefined;
  seed: "demo" | "none";
  /** USD per unit of another currency (HEADROOM_FX_RATES): FOCUS imports and every money KPI (lib/metrics/fx.ts). */
  fxRates: FxRates;
  maxUploadBytes: number;
  /** The read API's token bucket per API key (lib/api/rate-limit.ts): refill per minute and bucket size. */
  apiRateLimit: ApiRateLimit;
  /** HEADROOM_SECRET_KEY: 32 bytes that encrypt the billing connectors' credentials (lib/connectors/secrets.ts). */
  secretKey: Buffer | undefined;
  /** SMTP_URL and SMTP_FROM: where notification and scheduled-report mail goes out (lib/notify/smtp.ts). */
  smtp: SmtpConfig | undefined;
  oidc:
    | { issuer: string; clientId: string; clientSecret: string; name: string; defaultRole?: "admin" | "finance" | "infra" | "viewer" }
    | undefined;
};

function resolveAuthSecret(raw: z.infer<typeof EnvInput>, dataDir: string): string {
  if (raw.AUTH_SECRET) return raw.AUTH_SECRET;
  if (raw.DATABASE_URL && raw.NODE_ENV === "production") {
    throw new EnvError(
      "AUTH_SECRET is required when running in production against a Postgres server (generate one with: openssl rand -base64 32).",
    );
  }
  const file = path.join(/*turbopackIgnore: true*/ dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvInput.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EnvError(`Configuration error: ${issue.message} (${issue.path.join(".")}).`);
  }
  const raw = parsed.data;
  const dataDir = path.resolve(/*turbopackIgnore: true*/ raw.HEADROOM_DATA_DIR ?? ".data");
  const oidcParts = [raw.OIDC_ISSUER, raw.OIDC_CLIENT_ID, raw.OIDC_CLIENT_SECRET];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    throw new EnvError("Configuration error: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together.");
  }
  return {
    nodeEnv: raw.NODE_ENV,
    databaseUrl: raw.DATABASE_URL,
    dataDir,
    authSecret: resolveAuthSecret(raw, dataDir),
    port: raw.PORT,
    authUrl: raw.NEXTAUTH_URL,
    demoPassword: raw.HEADROOM_DEMO_PASSWORD,
    seed: raw.HEADROOM_SEED,
    fxRates: parseFxRates(raw.HEADROOM_FX_RATES),
    maxUploadBytes: raw.HEADROOM_MAX_UPLOAD_BYTES,
    apiRateLimit: { perMinute: raw.HEADROOM_API_RATE_PER_MINUTE, burst: raw.HEADROOM_API_RATE_BURST },
    secretKey: parseSecretKey(raw.HEADROOM_SECRET_KEY),
    smtp: raw.SMTP_URL ? { url: raw.SMTP_URL, from: raw.SMTP_FROM ?? "Headroom <headroom@localhost>" } : undefined,
    oidc: raw.OIDC_ISSUER
      ? {
          issuer: raw.OIDC_ISSUER,
          clientId: raw.OIDC_CLIENT_ID!,
          clientSecret: raw.OIDC_CLIENT_SECRET!,
          name: raw.OIDC_NAME,
          defaultRole: raw.OIDC_DEFAULT_ROLE,
        }
      : undefined,
  };
}

const FX_FORMAT = "HEADROOM_FX_RATES must look like EUR=1.08,GBP=1.27 (US dollars per one unit of each currency)";

/**
 * HEADROOM_FX_RATES: comma-separated CODE=rate pairs, rate = US dollars per one unit of the currency (EUR=1.08:
 * 1 EUR = 1.08 USD). Codes are three letters (upper-cased), rates positive decimals; a code given twice, USD itself,
 * or anything else is a configuration error naming the pair. Empty or unset: no rates.
 */
export function parseFxRates(text: string | undefined): FxRates {
  const rates: Record<string, string> = {};
  if (!text?.trim()) return rates;
  for (const pair of text.split(",")) {
    const m = /^\s*([A-Za-z]{3})\s*=\s*(\d+(?:\.\d+)?)\s*$/.exec(pair);
    if (!m) throw new EnvError(`Configuration error: ${FX_FORMAT}; "${pair.trim()}" is not CODE=rate.`);
    const code = m[1]!.toUpperCase();
    const rate = m[2]!;
    if (code === REPORTING_CURRENCY)
      throw new EnvError(`Configuration error: HEADROOM_FX_RATES gives a rate for USD, the reporting currency itself.`);
    if (code in rates) throw new EnvError(`Configuration error: HEADROOM_FX_RATES gives ${code} twice.`);
    if (!/[1-9]/.test(rate))
      throw new EnvError(`Configuration error: HEADROOM_FX_RATES gives ${code} a rate of ${rate}; a rate must be above 0.`);
    rates[code] = rate;
  }
  return rates;
}

const SECRET_KEY_FORMAT =
  "HEADROOM_SECRET_KEY must be 32 random bytes written as 64 hex digits or 44 base64 characters (generate one with: openssl rand -base64 32)";

/** HEADROOM_SECRET_KEY as 32 bytes: 64 hex digits or base64 (standard or URL-safe) of exactly 32 bytes. Unset: undefined. */
export function parseSecretKey(text: string | undefined): Buffer | undefined {
  const value = text?.trim();
  if (!value) return undefined;
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(value)) {
    const key = Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (key.length === 32) return key;
  }
  throw new EnvError(`Configuration error: ${SECRET_KEY_FORMAT}.`);
}

/** The connectors' key read now (tests and scripts may set it after start); a malformed value throws, as env() does. */
export function secretKey(): Buffer | undefined {
  return parseSecretKey(process.env.HEADROOM_SECRET_KEY);
}

export type SmtpConfig = { url: string; from: string };

/** The mail settings read now (tests and the e2e servers set them after start); unset SMTP_URL: undefined. */
export function smtpConfig(source: Record<string, string | undefined> = process.env): SmtpConfig | undefined {
  const parsed = SmtpInput.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EnvError(`Configuration error: ${issue.message} (${issue.path.join(".")}).`);
  }
  const { SMTP_URL, SMTP_FROM } = parsed.data;
  return SMTP_URL ? { url: SMTP_URL, from: SMTP_FROM ?? "Headroom <headroom@localhost>" } : undefined;
}

/** NEXTAUTH_URL read now, without a trailing slash: links in mail and webhooks are made absolute with it. */
export function publicBaseUrl(source: Record<string, string | undefined> = process.env): string | undefined {
  const raw = source.NEXTAUTH_URL?.trim();
  return raw && URL.canParse(raw) ? raw.replace(/\/+$/, "") : undefined;
}

let cachedRates: FxRates | undefined;

/** The configured rates alone (HEADROOM_FX_RATES), for the pages' money KPIs; a malformed value throws, as env() does. */
export function fxRates(): FxRates {
  cachedRates ??= parseFxRates(process.env.HEADROOM_FX_RATES);
  return cachedRates;
}

export type ApiRateLimit = { perMinute: number; burst: number };

/**
 * The read API's rate limit alone (HEADROOM_API_RATE_PER_MINUTE, HEADROOM_API_RATE_BURST), read on every call like
 * the rest of the request so a changed value applies at once; a malformed value throws, as env() does.
 */
export function apiRateLimit(source: Record<string, string | undefined> = process.env): ApiRateLimit {
  const parsed = RateLimitInput.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EnvError(`Configuration error: ${issue.message} (${issue.path.join(".")}).`);
  }
  return { perMinute: parsed.data.HEADROOM_API_RATE_PER_MINUTE, burst: parsed.data.HEADROOM_API_RATE_BURST };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
