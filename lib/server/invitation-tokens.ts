import "server-only";
import { randomInt } from "node:crypto";
import { CODE_ALPHABET, CODE_LENGTH } from "@/lib/coach/invitations";
import { hashSecretToken, newSecretToken } from "./secret-tokens";

/** The secret part of an invitation link; only its hash is stored. */
export const newInvitationToken = newSecretToken;
export const hashInvitationToken = hashSecretToken;

export function newInvitationCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}
