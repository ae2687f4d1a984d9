/**
 * Setup file of the "fuzz" Vitest project (vitest.config.ts): every `*.fuzz.test.ts` runs its
 * server actions outside a Next.js request, so Auth.js's cookies, Next's request headers and
 * Next's cache are replaced by the stand-ins of test/fuzz/session.ts. Only the fuzz project loads
 * this file: the other tests keep the real modules.
 */
import { vi } from "vitest";

// lib/server/auth/index.ts resolves its secret on first use; never let it write one into .data/.
process.env.AUTH_SECRET ??= "fuzz-tests-secret-that-is-long-enough-0123456789";

vi.mock("next-auth", () => import("@/test/fuzz/session").then((m) => m.fakeNextAuthModule()));
vi.mock("next-auth/jwt", () => import("@/test/fuzz/session").then((m) => m.fakeJwtModule()));
vi.mock("next/headers", () => import("@/test/fuzz/session").then((m) => m.fakeHeadersModule()));
vi.mock("next/cache", () => import("@/test/fuzz/session").then((m) => m.fakeCacheModule()));
