import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, base64url (43 characters): the secret part of a link; only its hash is stored. */
export function newSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

/** sha-256, hex: what the database keeps of a link's token (the link itself is the only copy). */
export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
