import { createHash, randomBytes, randomInt } from "node:crypto";
import { CODE_ALPHABET, CODE_LENGTH } from "@/lib/coach/invitations";

const TOKEN_BYTES = 32;

/** The secret part of an invitation link; only its hash is stored. */
export function newInvitationToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newInvitationCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}
