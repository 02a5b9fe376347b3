import { defineConfig, devices } from "@playwright/test";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const password = process.env.HEADROOM_DEMO_PASSWORD ?? "e2e-demo-password";
const pgUrl = process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/headroom_e2e";

const server = (port: number, extra: Record<string, string>) => ({
  command: "npx tsx scripts/start.ts",
  url: `http://127.0.0.1:${port}/signin`,
  timeout: 240_000,
  reuseExistingServer: false,
  stdout: "pipe" as const,
  env: { PORT: String(port), HEADROOM_DEMO_PASSWORD: password, NODE_ENV: "production", AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e", ...extra },
});

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: ".test-reports/e2e.json" }]],
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--no-sandbox", "--disable-gpu"],
    },
  },
  projects: [
    { name: "embedded", use: { ...devices["Desktop Chrome"], baseURL: "http://127.0.0.1:3100", viewport: { width: 1280, height: 900 } } },
    { name: "postgres", use: { ...devices["Desktop Chrome"], baseURL: "http://127.0.0.1:3101", viewport: { width: 1280, height: 900 } } },
  ],
  webServer: [
    server(3100, { HEADROOM_DATA_DIR: ".data-e2e" }),
    server(3101, { DATABASE_URL: pgUrl, HEADROOM_DATA_DIR: ".data-e2e-pg" }),
  ],
});
