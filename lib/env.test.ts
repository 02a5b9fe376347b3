import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiRateLimit, EnvError, parseEnv, parseFxRates, publicBaseUrl, smtpConfig } from "./env";

const dataDir = () => mkdtempSync(path.join(tmpdir(), "headroom-env-"));

describe("parseEnv", () => {
  it("defaults to the embedded database, port 3000 and the demo seed", () => {
    const dir = dataDir();
    const e = parseEnv({ HEADROOM_DATA_DIR: dir });
    expect(e.databaseUrl).toBeUndefined();
    expect(e.port).toBe(3000);
    expect(e.seed).toBe("demo");
    expect(e.dataDir).toBe(dir);
  });

  it("generates an auth secret once and keeps it in the data folder", () => {
    const dir = dataDir();
    const first = parseEnv({ HEADROOM_DATA_DIR: dir }).authSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dir, "auth-secret"), "utf8")).toBe(first);
    expect(parseEnv({ HEADROOM_DATA_DIR: dir }).authSecret).toBe(first);
  });

  it("requires AUTH_SECRET in production against a Postgres server", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/headroom", HEADROOM_DATA_DIR: dataDir() })).toThrow(
      /AUTH_SECRET is required/,
    );
  });

  it("limits uploads to 5 GB unless HEADROOM_MAX_UPLOAD_BYTES says otherwise", () => {
    expect(parseEnv({ HEADROOM_DATA_DIR: dataDir() }).maxUploadBytes).toBe(5 * 1024 ** 3);
    expect(parseEnv({ HEADROOM_DATA_DIR: dataDir(), HEADROOM_MAX_UPLOAD_BYTES: "1048576" }).maxUploadBytes).toBe(1048576);
    expect(() => parseEnv({ HEADROOM_DATA_DIR: dataDir(), HEADROOM_MAX_UPLOAD_BYTES: "-1" })).toThrow(
      /HEADROOM_MAX_UPLOAD_BYTES must be positive/,
    );
  });

  it("rejects a bad port with one sentence naming the variable", () => {
    expect(() => parseEnv({ PORT: "eighty", HEADROOM_DATA_DIR: dataDir() })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: "70000", HEADROOM_DATA_DIR: dataDir() })).toThrow(/PORT must be between 1 and 65535/);
  });

  it("rejects a DATABASE_URL that is not a postgres URL", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x", HEADROOM_DATA_DIR: dataDir() })).toThrow(/DATABASE_URL must be a postgres/);
  });

  it("treats blank values as unset", () => {
    const e = parseEnv({ DATABASE_URL: "", HEADROOM_DEMO_PASSWORD: " ", HEADROOM_DATA_DIR: dataDir() });
    expect(e.databaseUrl).toBeUndefined();
    expect(e.demoPassword).toBeUndefined();
  });

  it("refuses a partial OIDC configuration", () => {
    expect(() => parseEnv({ OIDC_ISSUER: "https://id.example.com", HEADROOM_DATA_DIR: dataDir() })).toThrow(/must be set together/);
  });
});

describe("HEADROOM_FX_RATES", () => {
  it("reads CODE=rate pairs, US dollars per unit, codes upper-cased", () => {
    expect(parseFxRates(" EUR=1.08, gbp = 1.27 ,JPY=0.0067")).toEqual({ EUR: "1.08", GBP: "1.27", JPY: "0.0067" });
    expect(parseFxRates(undefined)).toEqual({});
    expect(parseFxRates("  ")).toEqual({});
    expect(parseEnv({ HEADROOM_DATA_DIR: dataDir(), HEADROOM_FX_RATES: "EUR=1.08" }).fxRates).toEqual({ EUR: "1.08" });
  });

  it.each([
    ["EUR=1,08", /"08" is not CODE=rate/],
    ["EUR:1.08", /must look like EUR=1\.08,GBP=1\.27.*"EUR:1\.08" is not CODE=rate/],
    ["EURO=1.08", /"EURO=1\.08" is not CODE=rate/],
    ["EUR=-1", /is not CODE=rate/],
    ["EUR=1.08,", /"" is not CODE=rate/],
    ["EUR=0", /gives EUR a rate of 0; a rate must be above 0/],
    ["EUR=0.000", /a rate must be above 0/],
    ["EUR=1.08,eur=1.1", /gives EUR twice/],
    ["USD=1", /rate for USD, the reporting currency itself/],
  ])("refuses %s with a message that names the problem", (value, message) => {
    expect(() => parseFxRates(value)).toThrow(EnvError);
    expect(() => parseFxRates(value)).toThrow(message);
    expect(() => parseEnv({ HEADROOM_DATA_DIR: dataDir(), HEADROOM_FX_RATES: value })).toThrow(message);
  });
});

describe("apiRateLimit", () => {
  it("defaults to 120 requests a minute with bursts of 60, and reads both variables", () => {
    expect(apiRateLimit({})).toEqual({ perMinute: 120, burst: 60 });
    expect(apiRateLimit({ HEADROOM_API_RATE_PER_MINUTE: "600", HEADROOM_API_RATE_BURST: "5" })).toEqual({ perMinute: 600, burst: 5 });
    expect(parseEnv({ HEADROOM_DATA_DIR: dataDir(), HEADROOM_API_RATE_BURST: "7" }).apiRateLimit).toEqual({ perMinute: 120, burst: 7 });
  });

  it("refuses a limit that is not a positive whole number, naming the variable", () => {
    expect(() => apiRateLimit({ HEADROOM_API_RATE_PER_MINUTE: "0" })).toThrow(/HEADROOM_API_RATE_PER_MINUTE must be positive/);
    expect(() => apiRateLimit({ HEADROOM_API_RATE_BURST: "lots" })).toThrow(/HEADROOM_API_RATE_BURST must be a number of requests/);
    expect(() => parseEnv({ HEADROOM_DATA_DIR: dataDir(), HEADROOM_API_RATE_BURST: "1.5" })).toThrow(
      /HEADROOM_API_RATE_BURST must be a whole number/,
    );
  });
});

describe("mail settings", () => {
  it("reads SMTP_URL and SMTP_FROM, with a default sender, and none without SMTP_URL", () => {
    expect(smtpConfig({})).toBeUndefined();
    expect(smtpConfig({ SMTP_URL: "smtp://u:p@mail.example.com:587" })).toEqual({
      url: "smtp://u:p@mail.example.com:587",
      from: "Headroom <headroom@localhost>",
    });
    expect(smtpConfig({ SMTP_URL: "smtps://mail.example.com", SMTP_FROM: "Ops <ops@example.com>" })!.from).toBe("Ops <ops@example.com>");
    expect(parseEnv({ HEADROOM_DATA_DIR: dataDir(), SMTP_URL: "smtp://127.0.0.1:2525" }).smtp).toEqual({
      url: "smtp://127.0.0.1:2525",
      from: "Headroom <headroom@localhost>",
    });
  });

  it("stops on an SMTP_URL that is not smtp:// or smtps://", () => {
    expect(() => smtpConfig({ SMTP_URL: "mail.example.com:25" })).toThrow(/SMTP_URL must be smtp:\/\/user:password@host:587/);
    expect(() => parseEnv({ HEADROOM_DATA_DIR: dataDir(), SMTP_URL: "http://mail" })).toThrow(EnvError);
  });

  it("makes NEXTAUTH_URL a base for links, without its trailing slash", () => {
    expect(publicBaseUrl({ NEXTAUTH_URL: "https://headroom.example.com/" })).toBe("https://headroom.example.com");
    expect(publicBaseUrl({})).toBeUndefined();
  });
});
