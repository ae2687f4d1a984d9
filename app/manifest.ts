import type { MetadataRoute } from "next";
import { BACKGROUND_COLOR, THEME_COLOR } from "@/lib/brand";

/**
 * The web app manifest, /manifest.webmanifest: with it a phone puts Cadence on its home screen and
 * opens it on Today, without the browser's address bar. The icons are drawn in public/icons/ (the
 * maskable one keeps the "C" inside the central safe zone, for platforms that crop to a shape).
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/today",
    name: "Cadence",
    short_name: "Cadence",
    description: "Keep your job-search follow-ups on pace, and let your coach see how it goes.",
    start_url: "/today",
    scope: "/",
    display: "standalone",
    background_color: BACKGROUND_COLOR,
    theme_color: THEME_COLOR,
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
