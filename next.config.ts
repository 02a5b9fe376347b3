import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres"],
  poweredByHeader: false,
  typedRoutes: false,
  // The dev server is often opened as 127.0.0.1 (scripts, Playwright); let it load its dev assets.
  allowedDevOrigins: ["127.0.0.1"],
};

export default nextConfig;
