import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { throttleKeys } from "@/lib/auth/throttle";
import { codeThrottleKeys } from "@/lib/coach/invitations";
import { mailRequestKey } from "@/lib/mail/throttle";
import { accountThrottleKeys } from "./deletion";

const matches = (keys: ReturnType<typeof accountThrottleKeys>, key: string) =>
  keys.exact.includes(key) || keys.prefixes.some((prefix) => key.startsWith(prefix));

describe("accountThrottleKeys", () => {
  it("covers every throttle key that names the account, from any client address", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.emailAddress(), fc.ipV4(), (userId, email, address) => {
        const keys = accountThrottleKeys({ userId, email });
        const signIn = throttleKeys(email, address);
        expect(matches(keys, signIn.pair)).toBe(true);
        expect(matches(keys, signIn.account)).toBe(true);
        expect(matches(keys, codeThrottleKeys(userId, address).pair)).toBe(true);
        expect(matches(keys, mailRequestKey("address", email))).toBe(true);
        expect(matches(keys, mailRequestKey("account", userId))).toBe(true);
      }),
    );
  });

  it("leaves the keys of other accounts and of client addresses alone", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.emailAddress(), fc.uuid(), fc.emailAddress(), fc.ipV4(), (userId, email, otherId, otherEmail, address) => {
        fc.pre(otherId !== userId && otherEmail !== email);
        const keys = accountThrottleKeys({ userId, email });
        const signIn = throttleKeys(otherEmail, address);
        // "a@b.c" must not match the pair of "a@b.co": the prefix ends with the separator.
        expect(matches(keys, signIn.pair)).toBe(false);
        expect(matches(keys, signIn.account)).toBe(false);
        expect(matches(keys, signIn.address)).toBe(false);
        expect(matches(keys, codeThrottleKeys(otherId, address).pair)).toBe(false);
        expect(matches(keys, codeThrottleKeys(userId, address).address)).toBe(false);
        expect(matches(keys, mailRequestKey("client", address))).toBe(false);
        expect(matches(keys, mailRequestKey("address", otherEmail))).toBe(false);
      }),
    );
  });
});
