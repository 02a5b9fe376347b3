import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";

// The production server the benches run against (scripts/start.ts: builds first if the sources changed, no seeding),
// and next-auth's credentials sign-in: shared by `npm run bench:pages` and `npm run bench:load`.

export const BENCH_EMAIL = "admin@headroom.local";

export function startServer(databaseUrl: string, port: number): ChildProcess {
  return spawn("npx", ["tsx", "scripts/start.ts"], {
    detached: true,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HEADROOM_SEED: "none",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    },
  });
}

/** Stops the server's whole process group (start.ts and the production server, scripts/server.ts, it spawned). */
export function stopServer(child: ChildProcess) {
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

export async function waitUntilServing(base: string, child: ChildProcess | null): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (child && child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}.`);
    try {
      const res = await fetch(`${base}/signin`, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("The server did not answer within 10 minutes.");
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/** next-auth's credentials endpoint: CSRF token and cookie first, then the form post; returns the Cookie header of the session. */
export async function signIn(base: string, password: string, email = BENCH_EMAIL): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/`, json: "true" }),
  });
  const cookie = [...jar, ...cookiesOf(res)].join("; ");
  if (!/session-token=/.test(cookie)) throw new Error(`Sign-in as ${email} failed (HTTP ${res.status}).`);
  return cookie;
}

/** One signed-in GET of a page: its HTML, or an error naming the status (and where a redirect led). */
export async function fetchPage(base: string, path: string, cookie: string): Promise<string> {
  const res = await fetch(`${base}${path}`, { headers: { cookie }, redirect: "manual" });
  const body = await res.text();
  if (res.status !== 200)
    throw new Error(`GET ${path} answered HTTP ${res.status}${res.headers.get("location") ? ` → ${res.headers.get("location")}` : ""}.`);
  if (body.length < 1000) throw new Error(`GET ${path} answered a body of ${body.length} bytes.`);
  return body;
}
