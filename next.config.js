// The Content-Security-Policy is set per request, with a nonce, in proxy.ts.
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Lets two builds live side by side (parallel work trees, benchmarks); `.next` by default.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Loaded from node_modules at run time, not bundled. PGlite and argon2 must be (their files and
  // native parts). The server-only libraries run faster so: bundled, Drizzle's row mapping and its
  // `is()` class checks took a tenth of Today's server time (README, Benchmarks). next-auth itself
  // cannot be: it imports "next/server" in a way only the bundler resolves.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "drizzle-orm", "postgres", "@auth/core", "jose", "zod", "nodemailer"],
  // Server actions keep Next's 1 MB body limit: a body is read before the action can check the session.
  // The CSV import's megabytes go to route handlers (app/leads/import/upload, confirm) that check first.
  outputFileTracingIncludes: { "/**": ["./db/migrations/**/*"] },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
