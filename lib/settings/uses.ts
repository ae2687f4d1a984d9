/*
 * What brings someone to Cadence, asked at sign-up and changed in Settings. The forms' client
 * components import this module, so it loads no zod: usesSchema is in ./uses-schema.ts.
 */
export const USES = ["seeking", "coaching", "both"] as const;
export type Use = (typeof USES)[number];

export const USE_LABELS: Record<Use, { label: string; hint: string }> = {
  seeking: { label: "Finding a job", hint: "Plan first contacts and follow-ups with employers, and keep them on pace." },
  coaching: { label: "Coaching job seekers", hint: "Follow your clients' progress, with their consent, and leave them notes." },
  both: { label: "Both", hint: "Your own job search, and the clients you coach." },
};

/** What changes once a choice is saved, said where the eye is. */
export const USE_SAVED: Record<Use, string> = {
  seeking: "The menu shows Today, Leads and Materials.",
  coaching: "The menu shows Coach, where your clients are.",
  both: "The menu shows Today, Leads, Materials and Coach.",
};

/** The choice as stored: two flags, so a screen asks only "do they seek?" or "do they coach?". */
export function usesFlags(use: Use): { seeks: boolean; coaches: boolean } {
  return { seeks: use !== "coaching", coaches: use !== "seeking" };
}

/** The choice the flags stand for; an account with neither (never written by the app) counts as seeking. */
export function choiceOf({ seeks, coaches }: { seeks: boolean; coaches: boolean }): Use {
  if (seeks && coaches) return "both";
  return coaches ? "coaching" : "seeking";
}

/** Where each lands after signing in: a coach who does not seek lands on their clients. */
export function homePath(user: { seeks: boolean; coaches: boolean }): "/today" | "/coach" {
  return user.coaches && !user.seeks ? "/coach" : "/today";
}

/** The daily screens of the menu, in order, for what they use Cadence for. */
export function dailyScreens(user: { seeks: boolean; coaches: boolean }): { href: string; label: string }[] {
  const seeking = choiceOf(user) !== "coaching";
  return [
    ...(seeking
      ? [
          { href: "/today", label: "Today" },
          { href: "/leads", label: "Leads" },
          { href: "/materials", label: "Materials" },
        ]
      : []),
    ...(user.coaches ? [{ href: "/coach", label: "Coach" }] : []),
  ];
}
