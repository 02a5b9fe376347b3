import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "highs"],
  poweredByHeader: false,
  // Turbopack keeps a build cache on disk for the next start's rebuild; a CI checkout builds once and throws it away,
  // and writing it costs ~40 s of a core the integration suites share.
  experimental: { turbopackFileSystemCacheForBuild: process.env.CI !== "true" },
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
