import { realpathSync } from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";

/** A git worktree whose node_modules links to another checkout's: Turbopack's root must hold both, or it cannot find next. */
function linkedWorkspaceRoot(): string | undefined {
  const here = process.cwd();
  let modules: string;
  try {
    modules = path.dirname(realpathSync(path.join(here, "node_modules")));
  } catch {
    return undefined;
  }
  if (modules === here) return undefined;
  const a = here.split(path.sep);
  const b = modules.split(path.sep);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return a.slice(0, i).join(path.sep) || path.sep;
}

const turbopackRoot = linkedWorkspaceRoot();

const nextConfig: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "highs"],
  poweredByHeader: false,
  ...(turbopackRoot ? { turbopack: { root: turbopackRoot } } : {}),
  typedRoutes: false,
  // The dev server is often opened as 127.0.0.1 (scripts, Playwright); let it load its dev assets.
  allowedDevOrigins: ["127.0.0.1"],
  // Shared report links carry their token in the URL: never leak it in a Referer, never index it. As HTTP
  // headers (the pages' meta tags alone do not cover the CSV downloads or crawlers that skip the HTML).
  headers: () =>
    Promise.resolve([
      {
        source: "/r/:path*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
        ],
      },
    ]),
};

export default nextConfig;
