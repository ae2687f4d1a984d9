import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { arbitraryClock, arbitraryTouch } from "@/test/dated-touches";
import { channelMix, phoneShare, reachableChannels, suggestChannel, suggestChannelFor } from "./channel";
import { addDays } from "./dates";
import { CHANNELS, DIRECTIONS, type Channel, type Direction, type TouchFact } from "./pace";

/** Touches from oldest to newest, one day apart. */
function history(...entries: (Channel | [Channel, Direction])[]): TouchFact[] {
  return entries.map((entry, day) => {
    const [channel, direction] = typeof entry === "string" ? [entry, "outbound" as const] : entry;
    return { at: new Date(Date.UTC(2025, 2, 3 + day, 15)), channel, direction };
  });
}

describe("suggestChannel", () => {
  it("suggests the phone when nothing was sent yet", () => {
    expect(suggestChannel([])).toBe("phone");
    expect(suggestChannel(history(["email", "inbound"]))).toBe("phone");
  });

  it("suggests the phone after two outbound e-mails in a row", () => {
    expect(suggestChannel(history("email", "email"))).toBe("phone");
    // The least-used rule alone would say linkedin here; two e-mails in a row win.
    expect(suggestChannel(history("phone", "email", "email"))).toBe("phone");
  });

  it("looks only at outbound touches for the two e-mails in a row", () => {
    expect(suggestChannel(history("email", ["phone", "inbound"], "email"))).toBe("phone");
    expect(suggestChannel(history("email", "linkedin", "email"))).toBe("phone"); // phone unused: 0
    expect(suggestChannel(history("email", "phone", "email"))).toBe("linkedin"); // not in a row
  });

  it("otherwise suggests the least used of the last three, phone first on a tie", () => {
    expect(suggestChannel(history("phone"))).toBe("email");
    expect(suggestChannel(history("email"))).toBe("phone");
    expect(suggestChannel(history("phone", "email"))).toBe("linkedin");
    expect(suggestChannel(history("phone", "phone", "email"))).toBe("linkedin");
    expect(suggestChannel(history("email", "phone", "linkedin"))).toBe("in_person");
    expect(suggestChannel(history("linkedin", "in_person", "letter"))).toBe("phone");
  });

  it("forgets touches older than the last three outbound ones", () => {
    expect(suggestChannel(history("phone", "email", "linkedin", "linkedin"))).toBe("phone");
  });

  it("does not depend on the order the touches are given in", () => {
    const touches = history("email", "phone", "email", "email");
    expect(suggestChannel([...touches].reverse())).toBe("phone");
    expect(suggestChannel([touches[2]!, touches[0]!, touches[1]!])).toBe("linkedin");
  });

  it("never suggests a channel among the last three outbound, unless it is the phone after two e-mails", () => {
    const touches = fc.array(
      fc.record({
        at: fc.date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2026-12-31T00:00:00Z"), noInvalidDate: true }),
        channel: fc.constantFrom(...CHANNELS),
        direction: fc.constantFrom(...DIRECTIONS),
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(touches, (list) => {
        const recent = list
          .filter((t) => t.direction === "outbound")
          .sort((a, b) => b.at.getTime() - a.at.getTime())
          .slice(0, 3);
        const suggestion = suggestChannel(list);
        if (recent[0]?.channel === "email" && recent[1]?.channel === "email") {
          expect(suggestion).toBe("phone");
        } else {
          expect(recent.map((t) => t.channel)).not.toContain(suggestion);
          const unused = CHANNELS.filter((c) => !recent.some((t) => t.channel === c));
          expect(suggestion).toBe(unused[0]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("channelMix / phoneShare", () => {
  const touches = history("phone", "email", ["phone", "inbound"], "phone", "linkedin", ["email", "inbound"]);

  it("counts outbound touches per channel, every channel present", () => {
    expect(channelMix(touches)).toEqual({ phone: 2, email: 1, linkedin: 1, in_person: 0, letter: 0, other: 0 });
    expect(channelMix([])).toEqual({ phone: 0, email: 0, linkedin: 0, in_person: 0, letter: 0, other: 0 });
  });

  it("gives the phone's share of outbound touches, 0 when there are none", () => {
    expect(phoneShare(touches)).toBe(0.5);
    expect(phoneShare([])).toBe(0);
    expect(phoneShare(history(["phone", "inbound"]))).toBe(0);
    expect(phoneShare(history("phone"))).toBe(1);
  });
});

describe("rule 7, channel suggestion: only channels the lead has details for", () => {
  const all = { phone: "+1 212 555 0100", email: "a@example.com", linkedinUrl: "https://linkedin.com/in/a" };
  /** Outbound touches one day apart, oldest first, with local dates. */
  const dated = (...channels: Channel[]) =>
    channels.map((channel, day) => ({
      at: new Date(Date.UTC(2026, 2, 2 + day, 15)),
      localDate: addDays("2026-03-02", day),
      channel,
      direction: "outbound" as const,
    }));

  it("after two outbound e-mails in a row: the phone", () => {
    expect(suggestChannelFor(dated("phone", "email", "email"), all)).toBe("phone");
  });

  it("otherwise the channel least used in the last three outbound touches, phone first on a tie", () => {
    expect(suggestChannelFor([], all)).toBe("phone");
    expect(suggestChannelFor(dated("phone", "email", "phone"), all)).toBe("linkedin");
    expect(suggestChannelFor(dated("phone", "linkedin", "email"), all)).toBe("phone");
    expect(suggestChannelFor(dated("linkedin", "phone", "linkedin"), all)).toBe("email");
  });

  it("offers only channels with details: no number, no phone; none at all, null", () => {
    const noPhone = { ...all, phone: "" };
    expect(suggestChannelFor(dated("email", "email"), noPhone)).toBe("linkedin");
    expect(suggestChannelFor(dated("email", "email"), { email: "a@example.com" })).toBe("email");
    expect(suggestChannelFor(dated("email"), { phone: "  ", email: null })).toBeNull();
    expect(reachableChannels(all)).toEqual(["phone", "email", "linkedin"]);
  });

  it("never suggests in person, letter or other, and always a reachable channel (property)", () => {
    fc.assert(
      fc.property(
        arbitraryClock.chain(({ now, timeZone }) => fc.array(arbitraryTouch(now, timeZone), { maxLength: 10 })),
        fc.record({ phone: fc.constantFrom("", "0123 456 789"), email: fc.constantFrom("", "a@b.c"), linkedinUrl: fc.constantFrom("", "https://x") }),
        (touches, details) => {
          const channel = suggestChannelFor(touches, details);
          const reachable = reachableChannels(details);
          if (reachable.length === 0) expect(channel).toBeNull();
          else expect(reachable).toContain(channel);
        },
      ),
      { numRuns: 200 },
    );
  });
});
