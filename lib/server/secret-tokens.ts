import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes: 256 bits, beyond guessing. */
const SECRET_TOKEN_BYTES = 32;

/** A secret for a link (an invitation, a calendar feed): 43 URL-safe characters. Keep only its hash. */
export function newSecretToken(): string {
  return randomBytes(SECRET_TOKEN_BYTES).toString("base64url");
}

/** What is stored instead of a link's secret: its SHA-256, in hex. */
export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
