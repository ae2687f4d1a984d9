// Property-based tests of answering and withdrawing invitations (docs/reliability.md, "Bad input"): generated
// forms through the real actions on a real database. See test/fuzz/session.ts for what is
// mocked (Auth.js's cookies, Next's request headers and cache) and why.
import { and, eq, inArray, isNotNull, or } from "drizzle-orm";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { addUser, type TestUser } from "@/test/fuzz/database";
import { extraFields, MALFORMED_IDS, nastyText, type FormEntries } from "@/test/fuzz/inputs";
import { FUZZ_TIMEOUT_MS, fuzzAction, fuzzDatabase, submit } from "@/test/fuzz/run";
import { actAs, request } from "@/test/fuzz/session";
import { listCoachesOf } from "@/db/queries/coach-connections";
import { createCoachInvitation, inviteCoachByEmail } from "@/db/queries/coach-invitations";
import { coachInvitations, coachLinks, signInFailures } from "@/db/schema";
import { codeThrottleKeys, formatCode } from "@/lib/coach/invitations";
import { answerInvitationAction, withdrawInvitationAction } from "./actions";


const test = fuzzDatabase();
let sam: TestUser;
let cora: TestUser;
let sue: TestUser;

type Made = { id: string; token: string; code: string };
/** Invitations by what answering them should meet. */
let made: Record<"open" | "expired" | "used" | "declined" | "own", Made[]>;
/** Seekers' invitations by e-mail: one to Sam (he answers as a coach), one to Otto. */
let byEmail: { toSam: string; toOtto: string };

const DAY = 86_400_000;

async function coachInvitation(coachId: string, now = new Date()): Promise<Made> {
  return createCoachInvitation(test.db, { coachId, now });
}

async function seekerInvitation(seekerId: string, coachEmail: string): Promise<string> {
  await inviteCoachByEmail(test.db, { seekerId, coachEmail, now: new Date() });
  const [row] = await test.db.select({ id: coachInvitations.id }).from(coachInvitations).where(eq(coachInvitations.inviteeEmail, coachEmail));
  return row!.id;
}

beforeEach(async () => {
  const { db } = test;
  await test.fuzz.reset();
  sam = await addUser(db, "Sam");
  cora = await addUser(db, "Cora");
  sue = await addUser(db, "Sue");
  const olga = await addUser(db, "Olga");
  const otto = await addUser(db, "Otto");
  made = { open: [], expired: [], used: [], declined: [], own: [] };
  for (let i = 0; i < 3; i++) made.open.push(await coachInvitation(cora.id));
  made.expired.push(await coachInvitation(cora.id, new Date(Date.now() - 30 * DAY)));
  for (const state of ["used", "declined"] as const) {
    const invitation = await coachInvitation(cora.id);
    await db.update(coachInvitations).set(state === "used" ? { usedAt: new Date() } : { declinedAt: new Date() }).where(eq(coachInvitations.id, invitation.id));
    made[state].push(invitation);
  }
  made.own.push(await coachInvitation(sam.id));
  byEmail = { toSam: await seekerInvitation(sue.id, "sam@example.com"), toOtto: await seekerInvitation(sue.id, "otto@example.com") };
  // Olga and her coach Otto, with an invitation of Otto's open: nothing Sam sends may change them.
  await db.insert(coachLinks).values({ coachId: otto.id, seekerId: olga.id });
  await coachInvitation(otto.id);
  await test.fuzz.watch([olga.id, otto.id]);
  actAs(sam);
});

/** After an answer went through: a fresh invitation in place of the one answered, and no connection left. */
async function restore(way: "token" | "code" | "id"): Promise<void> {
  const { db } = test;
  await db.delete(coachLinks).where(or(eq(coachLinks.seekerId, sam.id), eq(coachLinks.coachId, sam.id)));
  if (way === "id") {
    await db.delete(coachInvitations).where(eq(coachInvitations.id, byEmail.toSam));
    byEmail.toSam = await seekerInvitation(sue.id, "sam@example.com");
  } else {
    const answered = await db
      .select({ id: coachInvitations.id })
      .from(coachInvitations)
      .where(and(inArray(coachInvitations.id, made.open.map((invitation) => invitation.id)), or(isNotNull(coachInvitations.usedAt), isNotNull(coachInvitations.declinedAt))));
    for (const { id } of answered) {
      await db.delete(coachInvitations).where(eq(coachInvitations.id, id));
      made.open[made.open.findIndex((invitation) => invitation.id === id)] = await coachInvitation(cora.id);
    }
  }
  test.fuzz.changed();
}

// ---------------------------------------------------------------------------------------------
// Answering

type Kind = keyof typeof made;
type TokenRef = { kind: Kind; index: number; style: "as is" | "padded" } | { kind: "random token" } | { kind: "text"; text: string };
type CodeRef = { kind: Kind; index: number; style: "as is" | "lower" | "dashed" | "spaced" } | { kind: "text"; text: string };
type IdRefText = { kind: "to Sam" | "to Otto" | "random" } | { kind: "text"; text: string };

const kinds = fc.constantFrom<Kind>("open", "open", "open", "expired", "used", "declined", "own");
const nastyRef = fc.oneof(fc.constantFrom("", " ", "x".repeat(201), "ABCD-EFGH", "ABCDEFGH", "abcd-efg", "00000000", "A".repeat(43), "-".repeat(43)), nastyText()).map((text) => ({ kind: "text" as const, text }));

const tokenRef: fc.Arbitrary<TokenRef> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: kinds, index: fc.nat(), style: fc.constantFrom("as is" as const, "as is" as const, "padded" as const) }) },
  { weight: 1, arbitrary: fc.constant({ kind: "random token" as const }) },
  { weight: 2, arbitrary: nastyRef },
);
const codeRef: fc.Arbitrary<CodeRef> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: kinds, index: fc.nat(), style: fc.constantFrom("as is" as const, "lower" as const, "dashed" as const, "spaced" as const) }) },
  { weight: 2, arbitrary: nastyRef },
);
const idRefText: fc.Arbitrary<IdRefText> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom({ kind: "to Sam" as const }, { kind: "to Otto" as const }, { kind: "random" as const }) },
  { weight: 2, arbitrary: fc.oneof(fc.constantFrom(...MALFORMED_IDS), nastyText()).map((text) => ({ kind: "text" as const, text })) },
);

type AnswerPlan = {
  answer: string | undefined;
  token?: TokenRef;
  code?: CodeRef;
  invitationId?: IdRefText;
  resetThrottle: boolean;
  extra: [string, string][];
};

const answerPlan: fc.Arbitrary<AnswerPlan> = fc
  .record({
    answer: fc.oneof({ weight: 8, arbitrary: fc.constantFrom("accept", "decline") }, { weight: 1, arbitrary: fc.constantFrom(undefined, "", "ACCEPT", "yes", "accept ") }, { weight: 1, arbitrary: nastyText() }),
    // Which of the three ways to name the invitation the form carries (the first given counts).
    shape: fc.constantFrom("token", "token", "code", "code", "id", "id", "token and code", "code and id", "none"),
    token: tokenRef,
    code: codeRef,
    invitationId: idRefText,
    resetThrottle: fc.boolean(),
    extra: extraFields,
  })
  .map(({ shape, token, code, invitationId, ...rest }) => ({
    ...rest,
    ...(shape.includes("token") ? { token } : {}),
    ...(shape.includes("code") ? { code } : {}),
    ...(shape.includes("id") ? { invitationId } : {}),
  }));

function pick(kind: Kind, index: number): Made {
  const list = made[kind];
  return list[index % list.length]!;
}

function resolveAnswer(plan: AnswerPlan): FormEntries {
  const entries: [string, string][] = [];
  if (plan.answer !== undefined) entries.push(["answer", plan.answer]);
  if (plan.token) {
    const ref = plan.token;
    const token =
      ref.kind === "text" ? ref.text : ref.kind === "random token" ? "A".repeat(21) + "b".repeat(22) : pick(ref.kind, ref.index).token;
    entries.push(["token", "style" in ref && ref.style === "padded" ? ` ${token} ` : token]);
  }
  if (plan.code) {
    const ref = plan.code;
    let code = ref.kind === "text" ? ref.text : pick(ref.kind, ref.index).code;
    if ("style" in ref && ref.style === "lower") code = code.toLowerCase();
    if ("style" in ref && ref.style === "dashed") code = formatCode(code);
    if ("style" in ref && ref.style === "spaced") code = ` ${code.slice(0, 4)} ${code.slice(4)} `;
    entries.push(["code", code]);
  }
  if (plan.invitationId) {
    const ref = plan.invitationId;
    const id = ref.kind === "text" ? ref.text : ref.kind === "to Sam" ? byEmail.toSam : ref.kind === "to Otto" ? byEmail.toOtto : crypto.randomUUID();
    entries.push(["invitationId", id]);
  }
  return [...entries, ...plan.extra];
}

/** How the action will read the form: the first of token, code and id that is given. */
function wayOf(entries: FormEntries): "token" | "code" | "id" {
  const text = (name: string) => {
    const value = entries.find(([field]) => field === name)?.[1];
    return typeof value === "string" ? value.replaceAll("\u0000", "") : "";
  };
  return text("token") ? "token" : text("code") ? "code" : "id";
}

describe("invitation actions fuzz", () => {
  it("answerInvitationAction connects or declines only on an open invitation named rightly, else refuses (or 404) without a write", async () => {
    await fuzzAction(
      answerPlan,
      async (plan, tally) => {
        if (plan.resetThrottle) {
          // Wrong codes count against Sam for an hour: start some runs afresh so codes can be answered.
          await test.db.delete(signInFailures);
          test.fuzz.changed();
        }
        const entries = resolveAnswer(plan);
        const way = wayOf(entries);
        const outcome = await test.fuzz.attempt(
          // A code that finds nothing counts as a guess: that record is the one write a refusal makes.
          { fields: ["answer", "token", "code", "invitationId"], tally, writesOnRefusal: way === "code" ? { sign_in_failures: Object.values(codeThrottleKeys(sam.id, request.headers["x-cadence-peer"]!)) } : {} },
          () => submit(answerInvitationAction, entries),
        );
        expect(["ok", "rejected", "notFound"]).toContain(outcome.kind);
        if (outcome.kind === "notFound") expect(way).toBe("id");
        if (outcome.kind !== "ok") return;
        const named = way === "token" ? plan.token : way === "code" ? plan.code : plan.invitationId;
        // Only an open invitation of someone else's, named by its link, its code or (to Sam) its id.
        expect(["open", "to Sam"]).toContain(named?.kind);
        const answer = entries.find(([field]) => field === "answer")?.[1];
        const coaches = await listCoachesOf(test.db, { seekerId: way === "id" ? sue.id : sam.id });
        expect(coaches.map((coach) => coach.coachId)).toEqual(answer === "accept" ? [way === "id" ? sam.id : cora.id] : []);
        await restore(way);
      },
      { accepted: ["ok"], refused: ["rejected", "notFound"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("withdrawInvitationAction withdraws only an open invitation of Sam's, else answers 404 or refuses", async () => {
    type Ref = { kind: "own open" | "own used" | "cora's" | "sue's" | "random"; index: number } | { kind: "text"; text: string };
    const ref: fc.Arbitrary<Ref> = fc.oneof(
      { weight: 6, arbitrary: fc.record({ kind: fc.constantFrom("own open" as const, "own open" as const, "own used" as const, "cora's" as const, "sue's" as const, "random" as const), index: fc.nat() }) },
      { weight: 2, arbitrary: fc.oneof(fc.constantFrom(...MALFORMED_IDS), nastyText()).map((text) => ({ kind: "text" as const, text })) },
    );
    let samsOpen: string[] = [];
    let samsUsed = "";
    async function topUp() {
      if (samsOpen.length >= 2 && samsUsed) return;
      const { db } = test;
      await db.delete(coachInvitations).where(eq(coachInvitations.createdBy, sam.id));
      samsOpen = [(await coachInvitation(sam.id)).id, await seekerInvitation(sam.id, "new.coach@example.com")];
      samsUsed = (await coachInvitation(sam.id)).id;
      await db.update(coachInvitations).set({ usedAt: new Date() }).where(eq(coachInvitations.id, samsUsed));
      test.fuzz.changed();
    }
    await fuzzAction(
      fc.record({ ref, repeat: fc.boolean(), extra: extraFields }),
      async (plan, tally) => {
        await topUp();
        const { ref } = plan;
        const id =
          ref.kind === "text"
            ? ref.text
            : ref.kind === "own open"
              ? samsOpen[ref.index % samsOpen.length]!
              : ref.kind === "own used"
                ? samsUsed
                : ref.kind === "cora's"
                  ? pick("open", ref.index).id
                  : ref.kind === "sue's"
                    ? byEmail.toSam
                    : crypto.randomUUID();
        const entries: FormEntries = [["invitationId", id], ...(plan.repeat ? [["invitationId", crypto.randomUUID()] as [string, string]] : []), ...plan.extra];
        const outcome = await test.fuzz.attempt({ fields: ["invitationId"], tally }, () => submit(withdrawInvitationAction, entries));
        expect(["ok", "rejected", "notFound"]).toContain(outcome.kind);
        expect(outcome.kind === "ok").toBe(samsOpen.includes(id));
        if (outcome.kind !== "ok") return;
        expect(await test.db.select().from(coachInvitations).where(inArray(coachInvitations.id, [id]))).toEqual([]);
        samsOpen = samsOpen.filter((open) => open !== id);
      },
      { accepted: ["ok"], refused: ["rejected", "notFound"] },
    );
  }, FUZZ_TIMEOUT_MS);
});
