import { defineConfig, devices } from "@playwright/test";
import { smtpPortOf } from "./e2e/smtp-port";

// Debian's chromium-headless-shell: Chromium's headless build (what Playwright itself runs headless), about half the
// CPU of the full browser in headless mode on the same pages — the browser suites are CPU-bound on two cores.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell";
const password = process.env.HEADROOM_DEMO_PASSWORD ?? "e2e-demo-password";
const pgUrl = process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/headroom_e2e";
// Ports of the two servers under test (embedded on BASE, Postgres on BASE+1); change to run two checkouts side by side.
const base = Number(process.env.E2E_PORT_BASE ?? 3100);
// E2E_PROJECT=embedded|postgres starts only that project's server (npm test runs the two projects as two processes).
const only = process.env.E2E_PROJECT;

const server = (port: number, extra: Record<string, string>) => ({
  command: "npx tsx scripts/start.ts",
  url: `http://127.0.0.1:${port}/signin`,
  timeout: 240_000,
  reuseExistingServer: false,
  stdout: "pipe" as const,
  env: {
    PORT: String(port),
    HEADROOM_DEMO_PASSWORD: password,
    NODE_ENV: "production",
    AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e",
    // Encrypts the billing connectors' credentials (e2e/connectors.spec.ts); 32 bytes of test-only key.
    HEADROOM_SECRET_KEY: "ZTJlLWNvbm5lY3RvcnMta2V5LTMyLWJ5dGVzLWxvbmc=",
    // e2e/notify.spec.ts starts an SMTP server on this port (smtpPortOf) and reads the mails the app sends.
    SMTP_URL: `smtp://127.0.0.1:${smtpPortOf(port)}`,
    SMTP_FROM: "Headroom E2E <headroom@e2e.test>",
    ...extra,
  },
});

// Each spec runs on one of the two servers, so the two browser processes (npm test runs them side by side) share
// the work about evenly; the sign-in smoke test runs on both. The integration suite proves every query on both
// databases; here the split is by time: most of the page walk (e2e/page-walk.ts), reports, share links and the
// contract registers on the Postgres server, the rest on the embedded one (its default store). Unit economics reads the
// demo's billing as seeded, so it runs where no spec imports bills (focus-import and matching replace some on embedded).
const POSTGRES_ONLY = ["pages-postgres", "reports", "share-isolation", "share-headers", "contracts", "unit-economics"];
const BOTH = ["sign-in"];
const specs = (names: string[]) => names.map((n) => `**/${n}.spec.ts`);

export default defineConfig({
  testDir: "e2e",
  outputDir: `test-results${only ? `-${only}` : ""}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: `.test-reports/e2e${only ? `-${only}` : ""}.json` }]],
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-sandbox",
        "--disable-gpu",
      ],
    },
  },
  projects: [
    {
      name: "embedded",
      testIgnore: specs(POSTGRES_ONLY),
      use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${base}`, viewport: { width: 1280, height: 900 } },
    },
    {
      name: "postgres",
      testMatch: specs([...POSTGRES_ONLY, ...BOTH]),
      use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${base + 1}`, viewport: { width: 1280, height: 900 } },
    },
  ],
  webServer: [
    ...(only === "postgres" ? [] : [server(base, { HEADROOM_DATA_DIR: ".data-e2e" })]),
    ...(only === "embedded" ? [] : [server(base + 1, { DATABASE_URL: pgUrl, HEADROOM_DATA_DIR: ".data-e2e-pg" })]),
  ],
});
