import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cronSecretFor, PASSWORD, uniqueEmail } from "./helpers";
import { linkIn, waitForMail } from "./mail";
import { actionHeaders, encodeActionCall, formDataOf, serverActionIds, serverActionPages } from "./server-actions";

/*
 * The authorization matrix: every page, route handler (and method) and server action of the app,
 * over HTTP against the built app, for every actor: anonymous (no cookie), a revoked session (a real
 * session token after "sign out everywhere": it passes proxy.ts's cookie shortcut, so the page or
 * action itself must refuse it), the owner, another seeker, the owner's coach, a coach of someone
 * else, and a coach whose connection with the owner ended.
 *
 * Each cell either works, answers 404, or sends to sign-in; no answer carries another person's data
 * (every field of the owner's records holds "Orchid", of the other seeker's "Otter"; their names and
 * e-mails hold "Osprey" and "Oriole"; matched in any case, with their phone numbers, their user id
 * and their records' ids); and after every call
 * but the owner's own (and the connected coach's on its own records), the owner's side is the same:
 * both CSV exports byte for byte, and the text of the owner's pages and of their coach's client page.
 *
 * In order: phase 1, every page and route, and every call but those allowed to change the owner's
 * side, then the intruders' own sessions (change password, sign out, sign out everywhere); the
 * owner's side is compared; phase 2, the allowed calls, the destructive ones last on records of
 * their own (a lead and a material to delete, a connection ended from each side); phase 3, the
 * owner's own sessions.
 *
 * The rows are data, keyed like the code: pages by route pattern, route handlers by file and
 * method, actions by "file#exportedName". The first test builds the same list from the code (and
 * the build's server-reference manifest) and fails on a route without a row, or a row without one.
 */

const ACTORS = ["anonymous", "revoked", "owner", "otherSeeker", "connectedCoach", "unconnectedCoach", "endedCoach"] as const;
type Actor = (typeof ACTORS)[number];
type Person = Exclude<Actor, "anonymous">;
const SIGNED_IN = ["owner", "otherSeeker", "connectedCoach", "unconnectedCoach", "endedCoach"] as const satisfies readonly Actor[];
/** Everyone signed in but the owner: the people whose calls must leave the owner's side as it was. */
const INTRUDERS = SIGNED_IN.filter((actor) => actor !== "owner");
const isAnonymous = (actor: Actor) => actor === "anonymous" || actor === "revoked";

const NAMES: Record<Person, string> = {
  revoked: "Rex Revoked",
  owner: "Sam Osprey",
  otherSeeker: "Olive Oriole",
  connectedCoach: "Cora Connected",
  unconnectedCoach: "Uma Unconnected",
  endedCoach: "Eli Ended",
};
/** Every field of the owner's records contains the first, of the other seeker's the second (in any case). */
const MARK = { owner: "Orchid", other: "Otter" } as const;
type Whose = keyof typeof MARK;
const OWN_MARK: Partial<Record<Actor, Whose>> = { owner: "owner", otherSeeker: "other" };
/** In their names and e-mails: who they are, which their coaches may know without seeing their records. */
const NAME_MARK: Record<Whose, string> = { owner: "Osprey", other: "Oriole" };
/** Their leads' phone numbers (a phone number can hold no word). */
const PHONE: Record<Whose, string> = { owner: "+44 20 7946 0137", other: "+44 20 7946 0248" };
/**
 * Who may see whose name and e-mail anywhere: their coach, and the ended coach, whom the owner
 * invited again by e-mail (the invitation names the owner). The user id only their connected coach.
 */
const KNOWS: Partial<Record<Actor, { identity: Whose[]; id: Whose[] }>> = {
  connectedCoach: { identity: ["owner"], id: ["owner"] },
  endedCoach: { identity: ["owner"], id: [] },
  unconnectedCoach: { identity: ["other"], id: ["other"] },
};

const TIME_ZONE = "Europe/Berlin";
const NEW_PASSWORD = "a new and steadier pace";
const FORGED_TOKEN = "x".repeat(43);
const MALFORMED = "not-an-id";

/**
 * What a cell must answer. Pages and routes: "ok" is 200. Actions: "ok" is 200 with `ok: true` or a
 * redirect, "answer" 200 with `ok: false` (the form's error: nothing done), "works" either.
 * "sign-in" is the redirect to /sign-in (307 from proxy.ts or the page, or an action's redirect).
 */
type Expect = "ok" | "answer" | "works" | "sign-in" | `redirect ${string}` | `${number}`;

/** Signed-in `allowed` get `ok`, every other signed-in person 404, anonymous ones the sign-in redirect. */
const only =
  (allowed: readonly Actor[] | "everyone", ok: Expect = "ok") =>
  (actor: Actor): Expect =>
    isAnonymous(actor) ? "sign-in" : allowed === "everyone" || allowed.includes(actor) ? ok : "404";
const publicPage = (actor: Actor): Expect => (isAnonymous(actor) ? "ok" : "redirect /today");

type World = {
  id: Record<Actor, string>;
  email: Record<Actor, string>;
  leadA: string;
  leadB: string;
  leadC: string;
  otherLead: string;
  material: string;
  doomedMaterial: string;
  otherMaterial: string;
  /** A touch of the owner's, one to delete, and one to undo (Today's "Undo"). */
  touch: string;
  doomedTouch: string;
  undoneTouch: string;
  noteId: string;
  openToken: string;
  openCode: string;
  openInvitationId: string;
  emailInvitationId: string;
  /** The token of the verification link e-mailed to the owner at sign-up. */
  ownerVerifyToken: string;
  inAMonth: string;
  /** The owner's calendar feed (/calendar/<secret>.ics), and the address it replaced. */
  feedPath: string;
  oldFeedPath: string;
  /** The owner's session (device). */
  ownerSessionId: string;
};

/** What the rows' cases may use: the world set up before, and a few helpers. */
type Ctx = {
  w: World;
  /** The app's origin: a route handler that changes things wants it in the Origin header. */
  origin: string;
  passwords: Record<Actor, string>;
  cronSecret: () => string;
  /** The caller is still who they were: their own session, or none. */
  stillThemselves: (actor: Actor, request: APIRequestContext) => Promise<void>;
  reconnect: () => Promise<void>;
  /** A second cookie jar holding the actor's session as it is now (another device). */
  copySession: (actor: Actor) => Promise<APIRequestContext>;
  /** The id of the actor's session (device) as it is now, null when signed out. */
  sessionIdOf: (actor: Actor) => Promise<string | null>;
  /** A new account signed up in a cookie jar of its own, with a lead: one that a destructive call may end. */
  throwawayAccount: () => Promise<{ request: APIRequestContext; id: string; email: string }>;
  /** The owner's own cookie jar. */
  ownerRequest: () => APIRequestContext;
};

type CellBase = {
  label: string;
  expect: (actor: Actor) => Expect;
  /** Whose marked data this actor's answer must show (and so may). */
  shows?: Partial<Record<Actor, Whose[]>>;
  actors?: readonly Actor[];
  before?: (actor: Actor) => Promise<void>;
  after?: (actor: Actor, request: APIRequestContext) => Promise<void>;
};
type PageCase = CellBase & { path: string };
type RouteCase = CellBase & {
  send: (request: APIRequestContext, actor: Actor) => Promise<APIResponse>;
  check?: (body: string, actor: Actor) => void;
  /** Allowed to change things (the scheduler's run): after the owner's side is compared. */
  later?: boolean;
};
type ActionCase = CellBase & {
  args: (actor: Actor) => unknown[];
  /** Besides the owner, who may change the owner's side with this call: called after the comparison. */
  allowed?: readonly Actor[];
  /** Where a working call must redirect to, if it redirects. */
  to?: RegExp;
  check?: (result: unknown, actor: Actor) => void;
  /** Called from a fresh cookie jar, not the actor's (a sign-up as anonymous). */
  isolated?: boolean;
  /** Called from this cookie jar instead of the actor's (a throwaway account's, to delete). */
  request?: (actor: Actor) => Promise<APIRequestContext>;
  /** The call itself names the owner's things (a file to preview), so its echo is no leak: `check` judges. */
  echoesInput?: boolean;
};
type ActionRow = {
  /** The page the browser posts it from (one that loads the action); "[seekerId]" is the owner's id. */
  page: string;
  /** Destructive rows run after the other rows' allowed calls; session rows last. */
  group?: "destructive" | "session";
  /** Before the allowed calls of a destructive row. */
  prepare?: (c: Ctx) => Promise<void>;
  /** Whose marked data the page posted to may show this actor anyway (their client's page). */
  pageShows?: Partial<Record<Actor, Whose[]>>;
  cases: (c: Ctx) => ActionCase[];
};

type ImportPreview = { rows: { problems: string[] }[]; counts: Record<string, number> };

const form = (fields: Record<string, string | string[]>) => [null, formDataOf(fields)];

/** A lead with the person's marker in every field. */
function markedLead(whose: Whose, company: string): Record<string, string> {
  const mark = MARK[whose];
  const slug = company.toLowerCase().replace(/[^a-z]+/g, "-");
  return leadFields(company, {
    contactName: `${mark} Contact`,
    title: `${mark} Director`,
    email: `${slug}@${mark.toLowerCase()}.example`,
    phone: PHONE[whose],
    linkedinUrl: `https://www.linkedin.com/in/${slug}`,
    notes: `${mark} notes`,
    personalNotes: `${mark} personal note`,
  });
}

function leadFields(company: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    company,
    contactName: "",
    title: "",
    email: "",
    phone: "",
    linkedinUrl: "",
    notes: "",
    personalNotes: "",
    cadenceDays: "7",
    ...extra,
  };
}

function touchFields(leadId: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    leadId,
    channel: "phone",
    direction: "inbound",
    outcome: "",
    note: "",
    materialId: "",
    at: "",
    idempotencyKey: "",
    confirmTooSoon: "",
    confirmMaterialAgain: "",
    ...extra,
  };
}

/** The edit form of a logged touch (the lead's page). */
function touchEditFields(touchId: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    touchId,
    at: "2025-01-06T10:00",
    channel: "email",
    direction: "outbound",
    outcome: "",
    note: "Orchid corrected note",
    materialId: "",
    confirmMaterialAgain: "",
    ...extra,
  };
}

/** Copies of signed-in actors' sessions taken before a call (another device), and the check that they ended. */
function sessionCopies(c: Ctx) {
  const copies = new Map<Actor, APIRequestContext>();
  return {
    take: async (actor: Actor) => {
      if (!isAnonymous(actor)) copies.set(actor, await c.copySession(actor));
    },
    expectEnded: async (actor: Actor, what: string) => {
      const copy = copies.get(actor);
      if (copy) expect.soft((await copy.get("/today", { maxRedirects: 0 })).status(), `${actor}'s ${what}`).toBe(307);
    },
  };
}

/** The record's own case (for `allowed`), a random id and a malformed one (for nobody). */
function onRecord(
  record: { label: string; id: string; allowed: readonly Actor[] },
  build: (id: string) => (actor: Actor) => unknown[],
  { malformed = "404" as Expect, extra = {} as Partial<ActionCase> } = {},
): ActionCase[] {
  return [
    { label: record.label, args: build(record.id), expect: only(record.allowed), allowed: record.allowed, ...extra },
    { label: "a random id", args: build(randomUUID()), expect: only([]) },
    { label: "a malformed id", args: build(MALFORMED), expect: (actor) => (isAnonymous(actor) ? "sign-in" : malformed) },
  ];
}

/** Page cases for the record ids of one pattern, plus a random and a malformed id. */
function byId(pattern: string, records: { label: string; id: string; allowed: readonly Actor[]; whose?: Whose }[]): PageCase[] {
  const nobody: typeof records = [
    { label: "a random id", id: randomUUID(), allowed: [] },
    { label: "a malformed id", id: MALFORMED, allowed: [] },
  ];
  return [...records, ...nobody].map(
    (record) => ({
      label: record.label,
      path: pattern.replace(/\[[^\]]+\]/, record.id),
      expect: only(record.allowed),
      shows: "whose" in record && record.whose ? Object.fromEntries(record.allowed.map((actor) => [actor, [record.whose!]])) : {},
    }),
  );
}

// ------------------------------------------------------------------------------------------------
// The rows. Pages by route pattern.

const PAGES: Record<string, (c: Ctx) => PageCase[]> = {
  "/": () => [{ label: "/", path: "/", expect: publicPage }],
  "/sign-in": ({ w }) => [
    { label: "/sign-in", path: "/sign-in", expect: publicPage },
    { label: "?next=//evil.example", path: "/sign-in?next=//evil.example", expect: publicPage },
    {
      label: "?next=the owner's lead",
      path: `/sign-in?next=/leads/${w.leadA}`,
      expect: (a) => (isAnonymous(a) ? "ok" : `redirect /leads/${w.leadA}`),
    },
  ],
  "/sign-up": () => [
    { label: "/sign-up", path: "/sign-up", expect: publicPage },
    { label: "?next=//evil.example", path: "/sign-up?next=//evil.example", expect: publicPage },
  ],
  // Where deleting an account lands: it names no one, for anyone.
  "/account-deleted": () => [{ label: "/account-deleted", path: "/account-deleted", expect: () => "ok" }],
  "/forgot-password": () => [
    { label: "/forgot-password", path: "/forgot-password", expect: (a) => (isAnonymous(a) ? "ok" : "redirect /settings") },
  ],
  // A link's page answers everyone with a page (a button, or why the link cannot be used); opening it changes nothing.
  "/verify-email/[token]": ({ w }) => [
    { label: "a forged link", path: `/verify-email/${FORGED_TOKEN}`, expect: () => "ok" },
    { label: "the owner's link", path: `/verify-email/${w.ownerVerifyToken}`, expect: () => "ok" },
  ],
  "/reset-password/[token]": () => [{ label: "a forged link", path: `/reset-password/${FORGED_TOKEN}`, expect: () => "ok" }],
  "/change-email/[token]": () => [{ label: "a forged link", path: `/change-email/${FORGED_TOKEN}`, expect: () => "ok" }],
  // A digest's links need no session (the secret is the key); a forged one gets a page saying so, and changes nothing.
  "/digest/done/[token]": () => [{ label: "a forged link", path: `/digest/done/${FORGED_TOKEN}`, expect: () => "ok" }],
  "/digest/unsubscribe/[token]": () => [{ label: "a forged link", path: `/digest/unsubscribe/${FORGED_TOKEN}`, expect: () => "ok" }],
  "/today": () => [{ label: "/today", path: "/today", expect: only("everyone") }],
  "/leads": () => [
    { label: "/leads", path: "/leads", expect: only("everyone"), shows: { owner: ["owner"], otherSeeker: ["other"] } },
    {
      label: "filtered, searched, sorted, a page on",
      path: `/leads?state=all&q=o&sort=company&dir=desc&after=${Buffer.from(JSON.stringify(["zzz", 1])).toString("base64url")}`,
      expect: only("everyone"),
      shows: { owner: ["owner"], otherSeeker: ["other"] },
    },
  ],
  "/leads/new": () => [{ label: "/leads/new", path: "/leads/new", expect: only("everyone") }],
  "/leads/[id]": ({ w }) =>
    byId("/leads/[id]", [
      { label: "the owner's lead", id: w.leadA, allowed: ["owner"], whose: "owner" },
      { label: "the other seeker's lead", id: w.otherLead, allowed: ["otherSeeker"], whose: "other" },
    ]),
  "/leads/[id]/edit": ({ w }) =>
    byId("/leads/[id]/edit", [
      { label: "the owner's lead", id: w.leadA, allowed: ["owner"], whose: "owner" },
      { label: "the other seeker's lead", id: w.otherLead, allowed: ["otherSeeker"], whose: "other" },
    ]),
  "/leads/delete": ({ w }) => [
    { label: "the owner's lead", path: `/leads/delete?id=${w.leadA}`, expect: only(["owner"]), shows: { owner: ["owner"] } },
    { label: "the owner's and the other's", path: `/leads/delete?id=${w.leadA}&id=${w.otherLead}`, expect: only([]) },
    { label: "a random id", path: `/leads/delete?id=${randomUUID()}`, expect: only([]) },
    { label: "a malformed id", path: `/leads/delete?id=${MALFORMED}`, expect: only([]) },
    { label: "no id", path: "/leads/delete", expect: only([]) },
    // Every lead matching a filter: each person's own (or a page saying none matches).
    // Searched by part of the marker, so a sign-in page echoing its return path shows no marker.
    { label: "every lead matching 'rchid'", path: "/leads/delete?scope=matching&state=all&q=rchid", expect: only("everyone"), shows: { owner: ["owner"] } },
    { label: "a filter of no state", path: "/leads/delete?scope=matching&state=nope&q=", expect: only([]) },
  ],
  "/leads/import": () => [{ label: "/leads/import", path: "/leads/import", expect: only("everyone") }],
  "/materials": () => [
    { label: "/materials", path: "/materials", expect: only("everyone"), shows: { owner: ["owner"], otherSeeker: ["other"] } },
  ],
  "/materials/[id]/edit": ({ w }) =>
    byId("/materials/[id]/edit", [
      { label: "the owner's material", id: w.material, allowed: ["owner"], whose: "owner" },
      { label: "the other seeker's material", id: w.otherMaterial, allowed: ["otherSeeker"], whose: "other" },
    ]),
  "/settings": () => [{ label: "/settings", path: "/settings", expect: only("everyone") }],
  "/coach": () => [{ label: "/coach", path: "/coach", expect: only("everyone") }],
  "/coach/clients/[seekerId]": ({ w }) => [
    ...byId("/coach/clients/[seekerId]", [
      { label: "the owner", id: w.id.owner, allowed: ["connectedCoach"], whose: "owner" },
      { label: "the other seeker", id: w.id.otherSeeker, allowed: ["unconnectedCoach"], whose: "other" },
    ]),
    { label: "a coach", path: `/coach/clients/${w.id.connectedCoach}`, expect: only([]) },
  ],
  "/invitations": ({ w }) => [
    { label: "/invitations", path: "/invitations", expect: only("everyone") },
    { label: "?code=the coach's open code", path: `/invitations?code=${w.openCode}`, expect: only("everyone") },
  ],
  "/invitations/[token]": ({ w }) => [
    // Signed out, an open link names its inviter (and nothing else) and offers an account.
    { label: "the coach's open link", path: `/invitations/${w.openToken}`, expect: () => "ok" },
    { label: "a forged link", path: `/invitations/${FORGED_TOKEN}`, expect: () => "404" },
  ],
};

// Route handlers by file and exported method.

async function csrfToken(request: APIRequestContext): Promise<string> {
  return ((await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
}

function paceCases(method: "GET" | "POST", c: Ctx): RouteCase[] {
  const send = (headers: Record<string, string>) => (request: APIRequestContext) =>
    request.fetch("/api/cron/pace", { method, headers, maxRedirects: 0 });
  return [
    { label: "a session, no secret", send: send({}), expect: () => "401" },
    { label: "a wrong bearer secret", send: send({ authorization: "Bearer not-the-secret" }), expect: () => "401" },
    {
      label: "the bearer secret (the scheduler)",
      actors: ["anonymous"],
      later: true,
      send: (request) => send({ authorization: `Bearer ${c.cronSecret()}` })(request),
      expect: () => "ok",
      check: (body) => expect(JSON.parse(body)).toHaveProperty("status"),
    },
  ];
}

function digestCronCases(method: "GET" | "POST", c: Ctx): RouteCase[] {
  const send = (headers: Record<string, string>) => (request: APIRequestContext) =>
    request.fetch("/api/cron/digest", { method, headers, maxRedirects: 0 });
  return [
    { label: "a session, no secret", send: send({}), expect: () => "401" },
    { label: "a wrong bearer secret", send: send({ authorization: "Bearer not-the-secret" }), expect: () => "401" },
    {
      label: "the bearer secret (the scheduler)",
      actors: ["anonymous"],
      later: true,
      send: (request) => send({ authorization: `Bearer ${c.cronSecret()}` })(request),
      expect: () => "ok",
      check: (body) => expect(JSON.parse(body)).toHaveProperty("queued"),
    },
  ];
}

const ROUTES: Record<string, (c: Ctx) => RouteCase[]> = {
  "app/api/cron/digest/route.ts GET": (c) => digestCronCases("GET", c),
  "app/api/cron/digest/route.ts POST": (c) => digestCronCases("POST", c),
  // RFC 8058's one-click unsubscribe: a POST with the link's secret and no cookie; a GET only leads to the page's button.
  "app/api/digest/unsubscribe/[token]/route.ts POST": () => [
    {
      label: "a forged link",
      send: (r) => r.post(`/api/digest/unsubscribe/${FORGED_TOKEN}`, { form: { "List-Unsubscribe": "One-Click" }, maxRedirects: 0 }),
      expect: () => "404",
    },
  ],
  "app/api/digest/unsubscribe/[token]/route.ts GET": () => [
    {
      label: "a forged link",
      send: (r) => r.get(`/api/digest/unsubscribe/${FORGED_TOKEN}`, { maxRedirects: 0 }),
      expect: () => `redirect /digest/unsubscribe/${FORGED_TOKEN}`,
    },
  ],
  "app/api/health/route.ts GET": () => [
    { label: "/api/health", send: (r) => r.get("/api/health", { maxRedirects: 0 }), expect: () => "ok" },
  ],
  "app/api/cron/pace/route.ts GET": (c) => paceCases("GET", c),
  "app/api/cron/pace/route.ts POST": (c) => paceCases("POST", c),
  "app/api/auth/[...nextauth]/route.ts GET": (c) => [
    {
      label: "/api/auth/session",
      send: (r) => r.get("/api/auth/session", { maxRedirects: 0 }),
      expect: () => "ok",
      // Only the caller's own id; an ended session (the revoked one) names no one, though its token is still valid.
      check: (body, actor) => {
        const session = JSON.parse(body) as { user?: { id?: string } } | null;
        expect(session?.user?.id ?? null).toBe(isAnonymous(actor) ? null : c.w.id[actor]);
      },
    },
    { label: "/api/auth/csrf", send: (r) => r.get("/api/auth/csrf", { maxRedirects: 0 }), expect: () => "ok" },
    { label: "/api/auth/providers", send: (r) => r.get("/api/auth/providers", { maxRedirects: 0 }), expect: () => "ok" },
  ],
  "app/api/auth/[...nextauth]/route.ts POST": (c) => [
    {
      label: "a session update naming the owner",
      send: async (r) =>
        r.post("/api/auth/session", {
          data: { csrfToken: await csrfToken(r), data: { user: { id: c.w.id.owner, email: c.w.email.owner } } },
          maxRedirects: 0,
        }),
      expect: () => "ok",
      after: c.stillThemselves,
    },
    {
      label: "the owner's e-mail and a wrong password",
      // A few only: failed sign-ins count towards the owner's throttle.
      actors: ["anonymous"],
      send: async (r) =>
        r.post("/api/auth/callback/credentials", {
          form: { csrfToken: await csrfToken(r), email: c.w.email.owner, password: "not the owner's password" },
          maxRedirects: 0,
        }),
      expect: () => "redirect /sign-in?error=CredentialsSignin&code=invalid",
      after: c.stillThemselves,
    },
  ],
  "app/leads/export/route.ts GET": () => [
    {
      label: "/leads/export",
      send: (r) => r.get("/leads/export", { maxRedirects: 0 }),
      expect: only("everyone"),
      shows: { owner: ["owner"], otherSeeker: ["other"] },
    },
  ],
  "app/leads/export-touches/route.ts GET": () => [
    {
      label: "/leads/export-touches",
      send: (r) => r.get("/leads/export-touches", { maxRedirects: 0 }),
      expect: only("everyone"),
      shows: { owner: ["owner"] },
    },
  ],
  // The archive is stored, not compressed: its text is searched like any other answer. A coach's
  // own archive holds the notes they wrote to their client (the owner's coach wrote "Orchid …").
  "app/settings/export/route.ts GET": () => [
    {
      label: "/settings/export",
      send: (r) => r.get("/settings/export", { maxRedirects: 0 }),
      expect: only("everyone"),
      shows: { owner: ["owner"], otherSeeker: ["other"], connectedCoach: ["owner"] },
      check: (body) => expect(body.startsWith("PK\u0003\u0004"), "a zip archive").toBe(true),
    },
  ],
  // The secret in the address is the only key: anyone holding it gets the feed, cookie or not.
  "app/calendar/[file]/route.ts GET": ({ w }) => [
    {
      label: "the owner's feed",
      send: (r) => r.get(w.feedPath, { maxRedirects: 0 }),
      expect: () => "ok",
      shows: Object.fromEntries(ACTORS.map((actor) => [actor, ["owner"]])),
      check: (body) => expect(body).toMatch(/^BEGIN:VCALENDAR/),
    },
    { label: "the owner's replaced address", send: (r) => r.get(w.oldFeedPath, { maxRedirects: 0 }), expect: () => "404" },
    { label: "a forged address", send: (r) => r.get(`/calendar/${FORGED_TOKEN}.ics`, { maxRedirects: 0 }), expect: () => "404" },
  ],
  "app/leads/import/upload/route.ts POST": (c) => [
    {
      label: "a file with the owner's lead in it",
      send: (r) =>
        r.post("/leads/import/upload", {
          headers: { origin: c.origin, "content-type": "text/csv" },
          // The company and person of the owner's lead: a duplicate for the owner only.
          data: Buffer.from(`Company,Contact name\nOrchid Doomed,${MARK.owner} Contact\n`),
          maxRedirects: 0,
        }),
      // The session is checked before the body is read: a revoked one gets the form's JSON refusal.
      expect: (a) => (a === "anonymous" ? "sign-in" : a === "revoked" ? "401" : "ok"),
      // The preview echoes the file it was sent (the owner's company name): no leak in itself.
      shows: Object.fromEntries(SIGNED_IN.map((actor) => [actor, ["owner"]])),
      // A duplicate only of one's own leads: the preview must not tell that the owner has it.
      check: (body, actor) => {
        const { rows, counts } = (JSON.parse(body) as { preview: ImportPreview }).preview;
        expect.soft(counts.duplicate, `duplicates for ${actor}`).toBe(actor === "owner" ? 1 : 0);
        if (actor !== "owner") expect.soft(rows.flatMap((row) => row.problems), `problems for ${actor}`).toEqual([]);
      },
    },
    {
      label: "from another site",
      send: (r) =>
        r.post("/leads/import/upload", {
          headers: { origin: "https://evil.example", "content-type": "text/csv" },
          data: Buffer.from("Company\nEvil Imports\n"),
          maxRedirects: 0,
        }),
      expect: (a) => (a === "anonymous" ? "sign-in" : a === "revoked" ? "401" : "403"),
    },
  ],
  "app/leads/import/confirm/route.ts POST": (c) => {
    const confirm = (origin: string) => (r: APIRequestContext, actor: Actor) =>
      r.post("/leads/import/confirm", {
        headers: { origin, "content-type": "application/x-www-form-urlencoded" },
        data: new URLSearchParams({
          rows: JSON.stringify([{ line: 2, lead: { ...leadFields(`Imported by ${actor}`), cadenceDays: 7 } }]),
          includeDuplicates: "",
        }).toString(),
        maxRedirects: 0,
      });
    const expectation = (a: Actor): Expect => (a === "anonymous" ? "sign-in" : a === "revoked" ? "401" : "ok");
    const imported = (body: string) => expect.soft(JSON.parse(body)).toEqual({ ok: true, location: "/leads?imported=1" });
    return [
      { label: "rows of one's own", actors: ACTORS.filter((a) => a !== "owner"), send: confirm(c.origin), expect: expectation, check: imported },
      // The owner's own import changes the owner's side: after it was compared.
      { label: "rows of one's own (the owner)", actors: ["owner"], later: true, send: confirm(c.origin), expect: expectation, check: imported },
      {
        label: "from another site",
        send: confirm("https://evil.example"),
        expect: (a) => (a === "anonymous" ? "sign-in" : a === "revoked" ? "401" : "403"),
      },
    ];
  },
};

// Server actions by "file#exportedName".

/** A calendar feed action on one's own feed: the owner's keeps its address, whoever else calls. */
function ownFeedCase(c: Ctx): ActionCase {
  return {
    label: "one's own feed",
    args: () => [],
    expect: only("everyone"),
    after: async (actor, request) => {
      if (actor !== "owner") expect.soft((await request.get(c.w.feedPath)).status(), `the owner's feed after ${actor}`).toBe(200);
    },
  };
}

const ACTIONS: Record<string, ActionRow> = {
  "app/(auth)/actions.ts#signUpAction": {
    page: "/sign-up",
    cases: (c) => [
      {
        // "Check your inbox", as for a new address: the owner gets a note, nobody a session.
        label: "the owner's e-mail",
        args: () => form({ name: "Mallory", email: c.w.email.owner, password: PASSWORD, timeZone: TIME_ZONE, next: "" }),
        expect: () => "ok",
        after: c.stillThemselves,
      },
      {
        label: "a new e-mail, from a fresh browser",
        actors: ["anonymous"],
        isolated: true,
        args: () => form({ name: "Nina New", email: uniqueEmail("new"), password: PASSWORD, timeZone: TIME_ZONE, next: "//evil.example" }),
        expect: () => "ok",
        to: /^\/today$/,
        after: async (_actor, request) => {
          const id = await sessionUserId(request);
          expect(id, "a new account, not anyone else's").toMatch(/^[0-9a-f-]{36}$/);
          expect(Object.values(c.w.id)).not.toContain(id);
        },
      },
      {
        // A coach lands on their clients.
        label: "a new coach, from a fresh browser",
        actors: ["anonymous"],
        isolated: true,
        args: () => form({ name: "Nora New", email: uniqueEmail("coach"), password: PASSWORD, timeZone: TIME_ZONE, uses: "coaching", next: "" }),
        expect: () => "ok",
        to: /^\/coach$/,
      },
    ],
  },
  "app/(auth)/actions.ts#signInAction": {
    page: "/sign-in",
    cases: (c) => [
      {
        label: "one's own e-mail and password",
        actors: SIGNED_IN,
        args: (a) => form({ email: c.w.email[a], password: c.passwords[a], next: "//evil.example" }),
        expect: () => "ok",
        // Home, which sends each to their own screen (Today, or a coach's clients).
        to: /^\/$/,
        after: c.stillThemselves,
      },
      {
        label: "the owner's e-mail, a wrong password",
        actors: ["anonymous", "otherSeeker"],
        args: () => form({ email: c.w.email.owner, password: "not the owner's password", next: "" }),
        expect: () => "answer",
        after: c.stillThemselves,
      },
    ],
  },
  "app/(auth)/account-actions.ts#confirmEmailAction": {
    page: "/verify-email/[token]",
    cases: (c) => [
      { label: "a forged link", args: () => form({ token: FORGED_TOKEN }), expect: () => "answer" },
      {
        // Anyone else signed in is told the link is another account's; the owner's own press verifies (phase 2).
        label: "the owner's link",
        actors: SIGNED_IN,
        allowed: [],
        args: () => form({ token: c.w.ownerVerifyToken }),
        expect: (a) => (a === "owner" ? "ok" : "answer"),
      },
    ],
  },
  "app/(auth)/account-actions.ts#resendVerificationAction": {
    page: "/settings",
    cases: () => [{ label: "one's own link again", args: () => [], expect: only("everyone") }],
  },
  "app/(auth)/account-actions.ts#requestPasswordResetAction": {
    page: "/forgot-password",
    // The same answer for anyone: a link goes to the owner's inbox, nothing of theirs changes.
    cases: (c) => [{ label: "the owner's address", args: () => form({ email: c.w.email.owner }), expect: () => "ok", after: c.stillThemselves }],
  },
  "app/(auth)/account-actions.ts#resetPasswordAction": {
    page: "/reset-password/[token]",
    cases: (c) => [
      { label: "a forged link", args: () => form({ token: FORGED_TOKEN, password: NEW_PASSWORD }), expect: () => "answer", after: c.stillThemselves },
    ],
  },
  "app/leads/actions.ts#createLeadAction": {
    page: "/leads",
    cases: () => [
      {
        label: "a lead of one's own",
        args: (a) => form(leadFields(`Lead of ${a}`)),
        expect: only("everyone"),
        to: /^\/leads\/[0-9a-f-]{36}\?saved=added$/,
      },
    ],
  },
  "app/leads/actions.ts#updateLeadAction": {
    page: "/leads",
    cases: ({ w }) =>
      onRecord({ label: "the owner's lead", id: w.leadA, allowed: ["owner"] }, (id) => () =>
        form({ ...leadFields("Orchid Holdings (renamed)"), leadId: id }),
      ),
  },
  "app/leads/actions.ts#pauseLeadAction": {
    page: "/leads",
    cases: ({ w }) =>
      onRecord({ label: "the owner's lead", id: w.leadA, allowed: ["owner"] }, (id) => () => form({ leadId: id, pausedUntil: w.inAMonth })),
  },
  "app/leads/actions.ts#resumeLeadAction": {
    page: "/leads",
    cases: ({ w }) => onRecord({ label: "the owner's lead", id: w.leadA, allowed: ["owner"] }, (id) => () => form({ leadId: id })),
  },
  "app/leads/actions.ts#closeLeadAction": {
    page: "/leads",
    cases: ({ w }) =>
      onRecord({ label: "the owner's lead", id: w.leadA, allowed: ["owner"] }, (id) => () =>
        form({ leadId: id, closedAs: "dropped", closedReason: "Closed by someone" }),
      ),
  },
  "app/leads/actions.ts#reopenLeadAction": {
    page: "/leads",
    cases: ({ w }) => onRecord({ label: "the owner's lead", id: w.leadA, allowed: ["owner"] }, (id) => () => form({ leadId: id })),
  },
  "app/leads/actions.ts#moveLeadToAction": {
    page: "/leads",
    cases: ({ w }) =>
      onRecord({ label: "the owner's lead", id: w.leadA, allowed: ["owner"] }, (id) => () => form({ leadId: id, position: "2" })),
  },
  "app/leads/actions.ts#setNextDueAction": {
    page: "/leads",
    cases: ({ w }) =>
      onRecord({ label: "the owner's lead", id: w.leadA, allowed: ["owner"] }, (id) => () => form({ leadId: id, nextDue: w.inAMonth })),
  },
  "app/leads/actions.ts#clearNextDueAction": {
    page: "/leads",
    cases: ({ w }) => onRecord({ label: "the owner's lead", id: w.leadA, allowed: ["owner"] }, (id) => () => form({ leadId: id })),
  },
  "app/leads/actions.ts#bulkPauseAction": {
    page: "/leads",
    cases: ({ w }) => [
      ...onRecord({ label: "the owner's lead", id: w.leadB, allowed: ["owner"] }, (id) => () =>
        form({ leadId: [id], bulkPausedUntil: w.inAMonth }),
      ),
      // Every lead matching the filter: each person's own; someone else's match nothing of the owner's.
      {
        label: "every lead matching 'Orchid Second'",
        args: () => form({ scope: "matching", state: "all", q: "Orchid Second", bulkPausedUntil: w.inAMonth }),
        expect: only("everyone"),
        allowed: ["owner"],
      },
    ],
  },
  "app/leads/actions.ts#bulkDropAction": {
    page: "/leads",
    cases: ({ w }) =>
      onRecord({ label: "the owner's lead", id: w.leadB, allowed: ["owner"] }, (id) => () =>
        form({ leadId: [id], bulkReason: "Dropped by someone" }),
      ),
  },
  // Only a redirect to the confirmation page, which checks (its rows are under /leads/delete).
  "app/leads/actions.ts#bulkDeleteAction": {
    page: "/leads",
    cases: ({ w }) => [
      { label: "the owner's lead", args: () => form({ leadId: [w.leadA] }), expect: only("everyone"), to: /^\/leads\/delete\?id=/ },
      {
        // Part of the marker: the answer echoes the search, which is the request's own text.
        label: "every lead matching a filter",
        args: () => form({ scope: "matching", state: "all", q: "rchid" }),
        expect: only("everyone"),
        to: /^\/leads\/delete\?scope=matching&state=all&q=rchid$/,
      },
    ],
  },
  "app/leads/actions.ts#loadSampleDataAction": {
    page: "/leads",
    cases: () => [
      { label: "one's own list", args: () => form({ returnTo: "leads" }), expect: only("everyone", "works") },
      { label: "one's own list, from Today", args: () => form({ returnTo: "today" }), expect: only("everyone", "works") },
    ],
  },
  "app/leads/actions.ts#clearSampleDataAction": {
    page: "/leads",
    cases: () => [{ label: "one's own list", args: () => form({ returnTo: "leads" }), expect: only("everyone", "works") }],
  },
  "app/leads/actions.ts#deleteLeadsAction": {
    page: "/leads",
    group: "destructive",
    cases: ({ w }) =>
      [
        ...onRecord({ label: "the owner's lead", id: w.leadC, allowed: ["owner"] }, (id) => () => form({ leadId: [id] }), {
          extra: { to: /^\/leads\?deleted=1$/ },
        }),
        // A filter that matches none of anyone's leads deletes nothing, for everyone.
        {
          label: "every lead matching a filter that matches none",
          args: () => form({ scope: "matching", state: "all", q: "Nothing Is Called This" }),
          expect: only("everyone"),
          to: /^\/leads\?deleted=0$/,
        },
      ],
  },
  "app/materials/actions.ts#createMaterialAction": {
    page: "/materials",
    cases: () => [
      { label: "a material of one's own", args: (a) => form({ title: `Material of ${a}`, url: "", topic: "" }), expect: only("everyone") },
    ],
  },
  "app/materials/actions.ts#updateMaterialAction": {
    page: "/materials",
    cases: ({ w }) =>
      onRecord({ label: "the owner's material", id: w.material, allowed: ["owner"] }, (id) => () =>
        form({ materialId: id, title: "Orchid Reading List (edited)", url: "", topic: "" }),
      ),
  },
  "app/materials/actions.ts#deleteMaterialAction": {
    page: "/materials",
    group: "destructive",
    cases: ({ w }) =>
      onRecord({ label: "the owner's material", id: w.doomedMaterial, allowed: ["owner"] }, (id) => () => form({ materialId: id }), {
        extra: { to: /^\/materials\?deleted=1$/ },
      }),
  },
  "app/touches/actions.ts#logTouchAction": {
    page: "/today",
    cases: ({ w }) => [
      ...onRecord({ label: "the owner's lead", id: w.leadA, allowed: ["owner"] }, (id) => () =>
        form(touchFields(id, { note: "Orchid inbound call" })),
      ),
      {
        label: "one's own lead with the owner's material",
        actors: ["otherSeeker"],
        args: () => form(touchFields(w.otherLead, { materialId: w.material })),
        expect: () => "answer",
      },
    ],
  },
  "app/touches/actions.ts#updateTouchAction": {
    page: "/leads/[id]",
    cases: ({ w }) => [
      ...onRecord({ label: "the owner's touch", id: w.touch, allowed: ["owner"] }, (id) => () => form(touchEditFields(id))),
      {
        label: "the owner's touch given the other seeker's material",
        actors: ["owner"],
        args: () => form(touchEditFields(w.touch, { materialId: w.otherMaterial })),
        expect: () => "answer",
      },
    ],
  },
  "app/touches/actions.ts#deleteTouchAction": {
    page: "/leads/[id]",
    group: "destructive",
    cases: ({ w }) =>
      onRecord({ label: "the owner's touch", id: w.doomedTouch, allowed: ["owner"] }, (id) => () => form({ touchId: id }), {
        extra: { to: /^\/leads\/[0-9a-f-]{36}\?saved=touch-deleted$/ },
      }),
  },
  // Undo answers "already undone" for any touch that is not (or no longer) the caller's: the same
  // answer as for one undone twice, so it tells nothing of anyone else's touches.
  "app/touches/actions.ts#undoTouchAction": {
    page: "/today",
    group: "destructive",
    cases: ({ w }) => [
      {
        label: "the owner's touch",
        args: () => form({ touchId: w.undoneTouch }),
        expect: (actor) => (isAnonymous(actor) ? "sign-in" : "ok"),
        allowed: ["owner"],
        check: (result, actor) =>
          expect((result as { message?: string }).message, `undo as ${actor}`).toBe(
            actor === "owner" ? "Undone: the touch with Orchid Second is not logged." : "Already undone: that touch is not logged.",
          ),
      },
      { label: "a random id", args: () => form({ touchId: randomUUID() }), expect: (actor) => (isAnonymous(actor) ? "sign-in" : "ok") },
      { label: "a malformed id", args: () => form({ touchId: MALFORMED }), expect: (actor) => (isAnonymous(actor) ? "sign-in" : "404") },
    ],
  },
  "app/today/actions.ts#dismissCoachNoteAction": {
    page: "/today",
    cases: ({ w }) =>
      onRecord({ label: "the coach's note to the owner", id: w.noteId, allowed: ["owner"] }, (id) => () => form({ noteId: id })),
  },
  "app/coach/actions.ts#createInvitationAction": {
    page: "/coach",
    cases: () => [{ label: "one's own invitation", args: () => [], expect: only("everyone") }],
  },
  "app/coach/actions.ts#leaveNoteAction": {
    page: "/coach",
    cases: ({ w }) =>
      onRecord(
        { label: "a note to the owner", id: w.id.owner, allowed: ["connectedCoach"] },
        (id) => (a) => form({ seekerId: id, body: `A note from ${a}` }),
        { malformed: "answer" },
      ),
  },
  "app/coach/actions.ts#endClientConnectionAction": {
    page: "/coach/clients/[seekerId]",
    pageShows: { connectedCoach: ["owner"] },
    group: "destructive",
    cases: ({ w }) =>
      onRecord({ label: "the owner", id: w.id.owner, allowed: ["connectedCoach"] }, (id) => () => form({ seekerId: id }), {
        malformed: "answer",
        extra: { to: /^\/coach\?ended=1$/ },
      }),
  },
  "app/invitations/actions.ts#answerInvitationAction": {
    page: "/invitations",
    cases: ({ w }) => [
      // The owner invited the ended coach again by e-mail: only that coach can answer it.
      ...onRecord(
        { label: "the owner's invitation to the ended coach", id: w.emailInvitationId, allowed: ["endedCoach"] },
        (id) => () => form({ answer: "accept", token: "", code: "", invitationId: id }),
        { malformed: "answer" },
      ),
      {
        label: "a forged link",
        args: () => form({ answer: "accept", token: FORGED_TOKEN, code: "", invitationId: "" }),
        expect: only("everyone", "answer"),
      },
    ],
  },
  "app/invitations/actions.ts#withdrawInvitationAction": {
    page: "/invitations",
    cases: ({ w }) =>
      onRecord({ label: "the connected coach's open invitation", id: w.openInvitationId, allowed: ["connectedCoach"] }, (id) => () =>
        form({ invitationId: id }),
      { malformed: "answer" }),
  },
  "app/settings/actions.ts#updateProfileAction": {
    page: "/settings",
    // Everyone keeps their name: were it saved on someone else, the owner's pages would show it.
    cases: () => [
      {
        label: "one's own profile",
        args: (a) => form({ name: a === "anonymous" ? "Nobody" : NAMES[a], timeZone: TIME_ZONE }),
        expect: only("everyone"),
      },
    ],
  },
  "app/settings/actions.ts#updateUsesAction": {
    page: "/settings",
    // What everyone signed up with (finding a job): were it saved on someone else, nothing of theirs would change.
    cases: () => [{ label: "one's own use", args: () => form({ uses: "seeking" }), expect: only("everyone") }],
  },
  "app/settings/campaign-actions.ts#updateCampaignAction": {
    page: "/settings",
    cases: () => [
      {
        label: "one's own campaign",
        args: () =>
          form({
            campaignStartDate: "",
            firstContactsPerWeek: "5",
            contactDays: ["1", "2", "3", "4", "5"],
            dailyGoal: "1",
            weeklyGoal: "5",
          }),
        expect: only("everyone"),
      },
    ],
  },
  "app/settings/digest-actions.ts#updateDigestAction": {
    page: "/settings",
    // Off at 07:00, as everyone here is (their accounts were made without the sign-up box): nobody's pages change.
    cases: () => [{ label: "one's own digest", args: () => form({ enabled: "", hour: "7" }), expect: only("everyone") }],
  },
  "app/settings/email-actions.ts#requestEmailChangeAction": {
    page: "/settings",
    // A link to the new address: nothing changes until it is followed.
    cases: (c) => [
      {
        label: "one's own address, with one's password",
        args: (a) => form({ newEmail: uniqueEmail(`moving-${a.toLowerCase()}`), password: c.passwords[a] ?? "no password" }),
        expect: only("everyone"),
        echoesInput: true,
      },
    ],
  },
  "app/digest/actions.ts#logDigestTouchAction": {
    page: "/digest/done/[token]",
    cases: (c) => [
      { label: "a forged link", args: () => form({ token: FORGED_TOKEN, channel: "phone", confirmTooSoon: "" }), expect: () => "answer", after: c.stillThemselves },
    ],
  },
  "app/digest/actions.ts#unsubscribeDigestAction": {
    page: "/digest/unsubscribe/[token]",
    cases: (c) => [{ label: "a forged link", args: () => form({ token: FORGED_TOKEN }), expect: () => "answer", after: c.stillThemselves }],
  },
  "app/(auth)/account-actions.ts#confirmEmailChangeAction": {
    page: "/change-email/[token]",
    cases: (c) => [{ label: "a forged link", args: () => form({ token: FORGED_TOKEN }), expect: () => "answer", after: c.stillThemselves }],
  },
  "app/settings/calendar-actions.ts#renewCalendarFeedAction": { page: "/settings", cases: (c) => [ownFeedCase(c)] },
  "app/settings/calendar-actions.ts#turnOffCalendarFeedAction": { page: "/settings", group: "destructive", cases: (c) => [ownFeedCase(c)] },
  "app/settings/coach-actions.ts#inviteCoachAction": {
    page: "/settings",
    cases: () => [
      {
        label: "one's own invitation to a coach",
        args: (a) => form({ email: uniqueEmail(`nobody-${a.toLowerCase()}`) }),
        expect: only("everyone"),
      },
    ],
  },
  "app/settings/coach-actions.ts#endCoachConnectionAction": {
    page: "/settings",
    group: "destructive",
    // The connected coach ended it from their side just before: connect them again first.
    prepare: (c) => c.reconnect(),
    cases: ({ w }) =>
      onRecord({ label: "the owner's connected coach", id: w.id.connectedCoach, allowed: ["owner"] }, (id) => () => form({ coachId: id }), {
        malformed: "answer",
      }),
  },
  "app/settings/account-actions.ts#deleteAccountAction": {
    page: "/settings",
    group: "destructive",
    cases: (c) => {
      let throwaway: Awaited<ReturnType<Ctx["throwawayAccount"]>> | undefined;
      return [
        // A wrong password deletes nothing: the form says so at the field (everyone's password is PASSWORD here).
        {
          label: "a wrong password",
          args: () => form({ password: "not anyone's password", proof: "" }),
          expect: only("everyone", "answer"),
          after: c.stillThemselves,
        },
        // Deleting for real ends a throwaway account (signed up in its own browser for it), never an actor of the matrix.
        {
          label: "a throwaway account, from its own browser",
          actors: ["owner"],
          request: async () => (throwaway = await c.throwawayAccount()).request,
          args: () => form({ password: PASSWORD, proof: "" }),
          expect: only("everyone"),
          to: /^\/account-deleted$/,
          after: async (_actor, request) => {
            expect.soft(await sessionUserId(request), "the throwaway is signed out").toBeNull();
            expect.soft((await request.get("/today", { maxRedirects: 0 })).status(), "the throwaway's pages send to sign-in").toBe(307);
            const signIn = await request.post("/api/auth/callback/credentials", {
              form: { csrfToken: await csrfToken(request), email: throwaway!.email, password: PASSWORD },
              maxRedirects: 0,
            });
            expect.soft(signIn.headers()["location"] ?? "", "the throwaway cannot sign in again").toMatch(/error=CredentialsSignin/);
            await c.stillThemselves("owner", c.ownerRequest());
          },
        },
      ];
    },
  },
  // Session rows: every intruder ends their own sessions (and signs in again), the owner last of all.
  "app/settings/actions.ts#changePasswordAction": {
    page: "/settings",
    group: "session",
    cases: (c) => [
      {
        label: "one's own password",
        args: (a) => form({ currentPassword: c.passwords[a], newPassword: NEW_PASSWORD }),
        expect: only("everyone"),
        to: /^\/settings\?password=changed$/,
        after: async (actor, request) => {
          if (isAnonymous(actor)) return;
          c.passwords[actor] = NEW_PASSWORD;
          await c.stillThemselves(actor, request);
        },
      },
    ],
  },
  "app/settings/actions.ts#signOutAction": {
    page: "/settings",
    group: "session",
    cases: (c) => {
      // A copy of the cookie, taken before: the session ends on the server, not only in this browser.
      const copy = sessionCopies(c);
      return [
        {
          label: "one's own session",
          args: () => [],
          expect: only("everyone"),
          to: /^\/$/,
          before: copy.take,
          after: async (actor, request) => {
            if (isAnonymous(actor)) return;
            expect.soft((await request.get("/today", { maxRedirects: 0 })).status(), `${actor} signed out`).toBe(307);
            await copy.expectEnded(actor, "copied session after signing out");
          },
        },
      ];
    },
  },
  "app/settings/actions.ts#signOutDeviceAction": {
    page: "/settings",
    group: "session",
    cases: (c) => {
      const own = new Map<Actor, string>();
      const nobodys = (actor: Actor): Expect => (isAnonymous(actor) ? "sign-in" : "answer");
      return [
        // Another person's device is no device of one's own: "not signed in", and the owner stays signed in.
        { label: "the owner's session", actors: ACTORS.filter((a) => a !== "owner"), args: () => form({ sessionId: c.w.ownerSessionId }), expect: nobodys },
        { label: "a random id", args: () => form({ sessionId: randomUUID() }), expect: nobodys },
        { label: "a malformed id", args: () => form({ sessionId: MALFORMED }), expect: nobodys },
        {
          label: "one's own session",
          args: (actor) => form({ sessionId: own.get(actor) ?? randomUUID() }),
          expect: only("everyone"),
          to: /^\/sign-in$/,
          before: async (actor) => {
            const sessionId = isAnonymous(actor) ? null : await c.sessionIdOf(actor);
            if (sessionId) own.set(actor, sessionId);
          },
          after: async (actor, request) => {
            if (isAnonymous(actor)) return;
            expect.soft((await request.get("/today", { maxRedirects: 0 })).status(), `${actor} signed out`).toBe(307);
          },
        },
      ];
    },
  },
  "app/settings/actions.ts#signOutEverywhereAction": {
    page: "/settings",
    group: "session",
    cases: (c) => {
      const otherDevice = sessionCopies(c);
      return [
        {
          label: "one's own sessions",
          args: () => [],
          expect: only("everyone"),
          to: /^\/sign-in$/,
          before: otherDevice.take,
          // The session on another device ends too.
          after: (actor) => otherDevice.expectEnded(actor, "other device"),
        },
      ];
    },
  },
};

// ------------------------------------------------------------------------------------------------
// The inventory, from the code.

const APP_DIR = path.join(process.cwd(), "app");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function appFiles(): string[] {
  return (readdirSync(APP_DIR, { recursive: true }) as string[])
    .map((file) => path.posix.join("app", file.split(path.sep).join("/")))
    .filter((file) => !file.split("/").some((segment) => segment.startsWith("_")));
}

/** "app/(auth)/sign-in/page.tsx" → "/sign-in": route groups and parallel-route slots are not in the URL. */
function routePattern(file: string): string {
  const segments = file.split("/").slice(1, -1);
  return `/${segments.filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith("@")).join("/")}`;
}

function exportedNames(source: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(/export\s+(?:async\s+)?(?:function\*?|const|let|var)\s+([A-Za-z_$][\w$]*)/g)) names.push(match[1]!);
  for (const match of source.matchAll(/export\s+(?:const|let|var)\s*\{([^}]*)\}/g)) {
    names.push(...match[1]!.split(",").map((part) => part.split(":").at(-1)!.trim()));
  }
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    names.push(...match[1]!.split(",").map((part) => part.split(/\s+as\s+/).at(-1)!.trim()));
  }
  return names.filter(Boolean);
}

function inventory() {
  const files = appFiles();
  const pages = files.filter((file) => /\/page\.(tsx?|jsx?|mdx)$/.test(file)).map(routePattern);
  const routes: string[] = [];
  const routeFiles = files.filter((file) => /\/route\.(ts|js)$/.test(file));
  for (const file of routeFiles) {
    const methods = exportedNames(readFileSync(file, "utf8")).filter((name) => HTTP_METHODS.includes(name));
    routes.push(...methods.map((method) => `${file} ${method}`));
  }
  // Every exported function of a "use server" file, and every action the build knows (inline ones too).
  const actions = new Set(serverActionIds().keys());
  for (const file of files.filter((file) => /\.(tsx?|jsx?)$/.test(file))) {
    const source = readFileSync(file, "utf8");
    if (!/^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(source)) continue;
    for (const name of exportedNames(source)) actions.add(`${file}#${name}`);
  }
  return { pages, routes, routeFiles, actions: [...actions] };
}

function compare(kind: string, rows: string[], code: string[]) {
  const missing = code.filter((key) => !rows.includes(key)).sort();
  const stale = rows.filter((key) => !code.includes(key)).sort();
  expect.soft(missing, `${kind}: in the code, without a row in the matrix`).toEqual([]);
  expect.soft(stale, `${kind}: rows of the matrix that are not in the code`).toEqual([]);
}

// ------------------------------------------------------------------------------------------------
// Calling and judging.

type Answer = {
  status: number;
  /** Where it sends the browser: Location, or an action's x-action-redirect, without origin. */
  to: string | null;
  result?: unknown;
  body: string;
};

function stripOrigin(url: string | undefined | null): string | null {
  if (!url) return null;
  return url.replace(/;(push|replace)$/, "").replace(/^https?:\/\/[^/]+/, "") || "/";
}

/** The action's return value in a React Flight answer: row 0 names the row that holds it. */
function actionResult(body: string): unknown {
  const lines = body.split("\n");
  const head = lines.find((line) => line.startsWith("0:"));
  if (!head) return undefined;
  try {
    const ref = (JSON.parse(head.slice(2)) as { a?: string }).a;
    const row = ref?.startsWith("$@") ? ref.slice(2) : null;
    const line = row && lines.find((candidate) => candidate.startsWith(`${row}:`));
    if (!line) return undefined;
    const value = line.slice(row.length + 1);
    return value.startsWith("E") ? { error: (JSON.parse(value.slice(1)) as { digest?: string }).digest } : JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** "404", "200 ok", "200 answer", "307 → /sign-in?next=/today": what the matrix shows of an answer. */
function summary(answer: Answer): string {
  const result = answer.result && typeof answer.result === "object" ? (answer.result as { ok?: unknown; error?: unknown }) : {};
  const outcome =
    result.error !== undefined
      ? result.error === `NEXT_HTTP_ERROR_FALLBACK;${answer.status}`
        ? ""
        : ` ${String(result.error)}`
      : result.ok === undefined || answer.to
        ? ""
        : result.ok
          ? " ok"
          : " answer";
  const next = answer.to?.match(/^\/sign-in\?next=(.*)$/)?.[1];
  const to = answer.to ? ` → ${next ? `/sign-in?next=${decodeURIComponent(next)}` : answer.to}` : "";
  return `${answer.status}${to}${outcome}`;
}

function meets(expected: Expect, answer: Answer, { action, to }: { action: boolean; to?: RegExp }): boolean {
  const result = answer.result as { ok?: unknown } | undefined;
  const redirected = answer.to !== null;
  const toSignIn = redirected && /^\/sign-in(\?|$)/.test(answer.to!);
  switch (expected) {
    case "sign-in":
      return toSignIn && (action ? answer.status === 307 || answer.status === 200 : answer.status === 307);
    case "ok":
      if (!action) return answer.status === 200 && !redirected;
      if (answer.status !== 200) return false;
      // Signing out sends to /sign-in too: then the row says so.
      if (redirected) return to ? to.test(answer.to!) : !toSignIn;
      return result?.ok === true;
    case "answer":
      return answer.status === 200 && !redirected && result?.ok === false;
    case "works":
      return meets("ok", answer, { action, to }) || meets("answer", answer, { action, to });
    default:
      if (expected.startsWith("redirect ")) {
        return [302, 303, 307, 308].includes(answer.status) && answer.to === expected.slice("redirect ".length);
      }
      return answer.status === Number(expected);
  }
}

async function sessionIdOf(request: APIRequestContext): Promise<string | null> {
  const session = (await (await request.get("/api/auth/session")).json()) as { signedIn?: { sessionId?: string } } | null;
  return session?.signedIn?.sessionId ?? null;
}

async function sessionUserId(request: APIRequestContext): Promise<string | null> {
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { id?: string } } | null;
  return session?.user?.id ?? null;
}

/** A page's text, and the state of its form fields (values, ticked boxes, chosen options). */
function visibleText(html: string): string {
  const fields = [...html.matchAll(/<input\b[^>]*>|<option\b[^>]*\bselected\b[^>]*>[^<]*/g)].map((match) => match[0]);
  const text = html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
  // React numbers a page's progressive-enhancement forms in the order their async sections finish
  // rendering, which varies from one request to the next; the number says nothing of the data.
  const stableFields = fields.map((field) => field.replace(/\$ACTION_REF_\d+/g, "$ACTION_REF_n").replace(/\$ACTION_\d+:/g, "$ACTION_n:"));
  return `${text}\n${stableFields.join("\n")}`;
}

// ------------------------------------------------------------------------------------------------

test.describe.configure({ mode: "serial" });

test("the matrix has a row for every page, route handler and server action, and nothing else", async ({}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "The matrix is about access, not layout: once is enough.");
  const code = inventory();
  compare("Pages", Object.keys(PAGES), code.pages);
  compare("Route handlers", Object.keys(ROUTES), code.routes);
  compare("Server actions", Object.keys(ACTIONS), code.actions);
  // Each action is posted from a page that loads it (elsewhere its 404 would answer 200).
  const pages = serverActionPages();
  for (const [key, row] of Object.entries(ACTIONS)) {
    if (pages.has(key)) expect.soft(pages.get(key), `${key} is loaded by ${row.page}`).toContain(row.page);
  }
  const { pages: p, routes: r, actions: a } = code;
  console.log(`Authorization matrix rows: ${p.length} pages, ${r.length} route handler methods, ${a.length} server actions`);
});

test("every page, route handler and server action, for every actor", async ({ playwright, baseURL }, testInfo) => {
  test.skip(testInfo.project.name === "phone", "The matrix is about access, not layout: once is enough (on PostgreSQL in CI).");
  // About 2.5 minutes on PGlite, 4 on the PostgreSQL server, on a loaded 2-core machine.
  test.setTimeout(360_000);
  const started = Date.now();
  const origin = new URL(baseURL!).origin;
  const actionIds = serverActionIds();
  const contexts: APIRequestContext[] = [];
  const newContext = async (storageState?: Awaited<ReturnType<APIRequestContext["storageState"]>>) => {
    const context = await playwright.request.newContext({ baseURL: origin, storageState });
    contexts.push(context);
    return context;
  };
  const ctx = {} as Record<Actor, APIRequestContext>;
  for (const actor of ACTORS) ctx[actor] = await newContext();

  /** An action's row key by its name ("signUpAction"). */
  const act = (name: string) => Object.keys(ACTIONS).find((key) => key.endsWith(`#${name}`))!;

  async function call(request: APIRequestContext, key: string, args: unknown[], page: string): Promise<Answer> {
    const id = actionIds.get(key);
    if (!id) throw new Error(`${key} is not in the build's server-reference manifest`);
    const { body, contentType } = await encodeActionCall(args);
    const response = await request.post(page, { headers: actionHeaders({ id, origin, contentType }), data: body, maxRedirects: 0 });
    const text = await response.text();
    const headers = response.headers();
    return {
      status: response.status(),
      to: stripOrigin(headers["x-action-redirect"] ?? headers["location"]),
      result: actionResult(text),
      body: text,
    };
  }

  /** Setting up: a call that must work; answers its result or redirect. */
  async function must(actor: Actor, name: string, args: unknown[], page: string, to?: RegExp): Promise<Answer> {
    const answer = await call(ctx[actor], act(name), args, page);
    expect(meets("ok", answer, { action: true, to }), `${name} as ${actor} while setting up: ${summary(answer)}`).toBe(true);
    return answer;
  }

  async function html(actor: Actor, url: string): Promise<string> {
    const response = await ctx[actor].get(url, { maxRedirects: 0 });
    expect(response.status(), `${url} as ${actor}`).toBe(200);
    return response.text();
  }

  const uuids = (text: string, pattern: RegExp) => [...new Set([...text.matchAll(pattern)].map((match) => match[1]!))];

  // The people, signed up over HTTP as the sign-up form does.
  const email = { anonymous: "" } as Record<Actor, string>;
  const id = { anonymous: "" } as Record<Actor, string>;
  const passwords = Object.fromEntries(ACTORS.map((actor) => [actor, PASSWORD])) as Record<Actor, string>;
  for (const actor of ["revoked", ...SIGNED_IN] as const) {
    const whose = OWN_MARK[actor];
    email[actor] = uniqueEmail(whose ? `${NAME_MARK[whose].toLowerCase()}-${actor.toLowerCase()}` : actor.toLowerCase());
    const fields = { name: NAMES[actor], email: email[actor], password: PASSWORD, timeZone: TIME_ZONE, next: "" };
    await must(actor, "signUpAction", form(fields), "/sign-up");
    id[actor] = (await sessionUserId(ctx[actor]))!;
  }
  // The ended coach confirms their address by the e-mailed link: an invitation to it needs that.
  const verifyToken = async (actor: Actor) =>
    new URL(linkIn(await waitForMail(email[actor], /Confirm your e-mail address/), "/verify-email/")).pathname.split("/").at(-1)!;
  await must("endedCoach", "confirmEmailAction", form({ token: await verifyToken("endedCoach") }), "/verify-email/[token]");
  const ownerVerifyToken = await verifyToken("owner");

  // The revoked session: a real session token, kept from before its user signed out everywhere.
  const revokedState = await ctx.revoked.storageState();
  await must("revoked", "signOutEverywhereAction", [], "/settings", /^\/sign-in$/);
  ctx.revoked = await newContext(revokedState);

  const createLead = async (actor: Actor, company: string) =>
    (await must(actor, "createLeadAction", form(markedLead(OWN_MARK[actor]!, company)), "/leads")).to!.split(/[/?]/)[2]!;
  const materialIds = async (actor: Actor) => uuids(await html(actor, "/materials"), /\/materials\/([0-9a-f-]{36})\/edit/g);
  const createMaterial = async (actor: Actor, title: string) => {
    const before = await materialIds(actor);
    const mark = MARK[OWN_MARK[actor]!];
    const fields = { title, url: `https://${mark.toLowerCase()}.example/reading`, topic: `${mark} topic` };
    await must(actor, "createMaterialAction", form(fields), "/materials");
    return (await materialIds(actor)).find((material) => !before.includes(material))!;
  };
  const createInvitation = async (coach: Actor) => {
    const { result } = await must(coach, "createInvitationAction", [], "/coach");
    const { url, code } = (result as { invitation: { url: string; code: string } }).invitation;
    return { token: new URL(url).pathname.split("/").at(-1)!, code };
  };
  const accept = async (seeker: Actor, token: string) => {
    await must(seeker, "answerInvitationAction", form({ answer: "accept", token, code: "", invitationId: "" }), "/invitations");
  };
  const signInAgain = async (actor: Actor) => {
    await must(actor, "signInAction", form({ email: email[actor], password: passwords[actor], next: "" }), "/sign-in");
  };

  // The owner's things, "Orchid" in every field; the other seeker's "Otter".
  const leadA = await createLead("owner", "Orchid Holdings");
  const leadB = await createLead("owner", "Orchid Second");
  const leadC = await createLead("owner", "Orchid Doomed");
  const material = await createMaterial("owner", "Orchid Reading List");
  const doomedMaterial = await createMaterial("owner", "Orchid Doomed Deck");
  const firstTouch = { channel: "email", direction: "outbound", note: "Orchid touch note", materialId: material };
  // logTouchAction names the touch it logged (Today's "Undo" deletes that one; a lead's page draws a
  // touch's edit and delete forms only once asked).
  const logTouch = async (leadId: string, fields: Record<string, string>) => {
    const answer = await must("owner", "logTouchAction", form(touchFields(leadId, fields)), "/today");
    const id = (answer.result as { id?: string } | undefined)?.id;
    expect(id, "the id of the touch logged").toMatch(/^[0-9a-f-]{36}$/);
    return id!;
  };
  const touch = await logTouch(leadA, firstTouch);
  const doomedTouch = await logTouch(leadB, { note: "Orchid doomed touch" });
  const undoneTouch = await logTouch(leadB, { note: "Orchid undone touch" });
  const otherLead = await createLead("otherSeeker", "Otter Industries");
  const otherMaterial = await createMaterial("otherSeeker", "Otter Deck");

  // Coaches: one connected, one coaching the other seeker, one whose connection the owner ended.
  await accept("owner", (await createInvitation("connectedCoach")).token);
  await accept("otherSeeker", (await createInvitation("unconnectedCoach")).token);
  await accept("owner", (await createInvitation("endedCoach")).token);
  await must("owner", "endCoachConnectionAction", form({ coachId: id.endedCoach }), "/settings");
  await must("connectedCoach", "leaveNoteAction", form({ seekerId: id.owner, body: "Orchid baseline note" }), "/coach");
  const open = await createInvitation("connectedCoach");
  const invitationIds = /name="invitationId" value="([0-9a-f-]{36})"/g;
  const [openInvitationId, ...moreOpen] = uuids(await html("connectedCoach", "/coach"), invitationIds);
  expect(moreOpen).toEqual([]);
  // The owner invites the ended coach again, by e-mail: an invitation only that coach can answer.
  await must("owner", "inviteCoachAction", form({ email: email.endedCoach }), "/settings");
  const [emailInvitationId] = uuids(await html("owner", "/settings"), invitationIds);
  const [noteId] = uuids(await html("owner", "/today"), /name="noteId" value="([0-9a-f-]{36})"/g);
  // The owner's calendar feed, made twice: the first address is dead.
  const newFeedPath = async () => {
    const { result } = await must("owner", "renewCalendarFeedAction", [], "/settings");
    return new URL((result as { feed: { url: string } }).feed.url).pathname;
  };
  const oldFeedPath = await newFeedPath();
  const feedPath = await newFeedPath();
  expect([openInvitationId, emailInvitationId, noteId].every(Boolean)).toBe(true);

  const w: World = {
    id,
    email,
    leadA,
    leadB,
    leadC,
    otherLead,
    material,
    doomedMaterial,
    otherMaterial,
    touch,
    doomedTouch,
    undoneTouch,
    noteId: noteId!,
    openToken: open.token,
    openCode: open.code,
    openInvitationId: openInvitationId!,
    emailInvitationId: emailInvitationId!,
    ownerVerifyToken,
    inAMonth: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    feedPath,
    oldFeedPath,
    ownerSessionId: (await sessionIdOf(ctx.owner))!,
  };
  const c: Ctx = {
    w,
    origin,
    passwords,
    cronSecret: () => cronSecretFor(testInfo),
    stillThemselves: async (actor, request) => {
      const now = await sessionUserId(request);
      if (actor === "anonymous") expect(now, "anonymous stays anonymous").toBeNull();
      else if (actor === "revoked") expect(now, "the revoked session stays ended").toBeNull();
      else expect(now, `${actor} is still themselves`).toBe(id[actor]);
    },
    reconnect: async () => accept("owner", (await createInvitation("connectedCoach")).token),
    copySession: async (actor) => newContext(await ctx[actor].storageState()),
    sessionIdOf: (actor) => sessionIdOf(ctx[actor]),
    ownerRequest: () => ctx.owner,
    throwawayAccount: async () => {
      const request = await newContext();
      const throwawayEmail = uniqueEmail("throwaway");
      const fields = { name: "Tess Throwaway", email: throwawayEmail, password: PASSWORD, timeZone: TIME_ZONE, next: "" };
      const signUp = await call(request, act("signUpAction"), form(fields), "/sign-up");
      expect(meets("ok", signUp, { action: true }), `the throwaway's sign-up: ${summary(signUp)}`).toBe(true);
      const lead = await call(request, act("createLeadAction"), form(leadFields("Throwaway Lead")), "/leads");
      expect(meets("ok", lead, { action: true }), `the throwaway's lead: ${summary(lead)}`).toBe(true);
      return { request, id: (await sessionUserId(request))!, email: throwawayEmail };
    },
  };

  // The owner's side, as the owner (and their coach) read it through the app.
  const ownerPages = ["/today", "/leads", "/materials", "/settings", "/coach", "/invitations"];
  ownerPages.push(...[leadA, leadB, leadC].map((lead) => `/leads/${lead}`));
  ownerPages.push(...[material, doomedMaterial].map((id) => `/materials/${id}/edit`));
  async function ownerSide(): Promise<Record<string, string>> {
    const side: Record<string, string> = {};
    for (const url of ["/leads/export", "/leads/export-touches"]) {
      const response = await ctx.owner.get(url, { maxRedirects: 0 });
      expect(response.status(), `${url} as the owner`).toBe(200);
      side[url] = await response.text();
    }
    for (const url of ownerPages) {
      // The pace job's last run is everyone's, and other tests run it.
      const text = visibleText(await html("owner", url));
      side[url] = text
        .replace(/Your leads were last checked for cold follow-ups on [^.]*\./, "(last checked)")
        // A device's "last seen" moves on as the owner's own reads go on (every few minutes).
        .replace(/Last seen [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/g, "Last seen (when)");
    }
    side["the coach's client page"] = visibleText(await html("connectedCoach", `/coach/clients/${id.owner}`));
    return side;
  }
  async function coachesStillSee() {
    const coachPage = await html("connectedCoach", "/coach");
    expect(coachPage, "the connected coach still has the owner as a client").toContain(`/coach/clients/${id.owner}`);
    expect(coachPage, "the connected coach's invitation is still open").toContain(`value="${w.openInvitationId}"`);
    const endedPage = await html("endedCoach", "/coach");
    expect(endedPage, "the owner's invitation to the ended coach is still open").toContain(`value="${w.emailInvitationId}"`);
  }
  const before = await ownerSide();
  expect(before["/leads/export"]).toContain("Orchid Holdings");
  expect(before["/leads/export-touches"]).toContain("Orchid touch note");
  expect(before["the coach's client page"]).toContain("Orchid baseline note");
  await coachesStillSee();

  // --- The cells ---------------------------------------------------------------------------------
  type Cell = { row: string; label: string; actor: Actor; expected: Expect; observed: string; pass: boolean };
  const matrix: Cell[] = [];

  function judge(row: string, label: string, actor: Actor, expected: Expect, answer: Answer, to?: RegExp) {
    const pass = meets(expected, answer, { action: row.includes("#"), to });
    matrix.push({ row, label, actor, expected, observed: summary(answer), pass });
    expect.soft(pass, `${row} [${label}] as ${actor}: expected ${expected}, got ${summary(answer)}`).toBe(true);
  }

  /** What of each person's must not show: their records (marker, phone, ids), who they are, their user id. */
  const secrets: Record<Whose, { records: string[]; identity: string[]; id: string }> = {
    owner: {
      records: [MARK.owner, PHONE.owner, w.leadA, w.leadB, w.leadC, w.material, w.doomedMaterial, w.noteId],
      identity: [NAME_MARK.owner, email.owner],
      id: id.owner,
    },
    other: { records: [MARK.other, PHONE.other, w.otherLead, w.otherMaterial], identity: [NAME_MARK.other, email.otherSeeker], id: id.otherSeeker },
  };

  /**
   * No answer shows another person's things, in any case: what `shows` says it shows, nothing else
   * (but what the request itself named: a page's URL echoes its id, a form its e-mail).
   */
  function noLeak(where: string, actor: Actor, text: string, shows: Whose[] = [], mayShow: Whose[] = [], request = "") {
    const lower = text.toLowerCase();
    const named = request.toLowerCase();
    for (const whose of ["owner", "other"] as const) {
      if (shows.includes(whose)) expect.soft(lower, `${where}: shows ${MARK[whose]}…`).toContain(MARK[whose].toLowerCase());
      if (OWN_MARK[actor] === whose || shows.includes(whose) || mayShow.includes(whose)) continue;
      const { records, identity, id: userId } = secrets[whose];
      const hidden = [MARK[whose], ...records.slice(1).filter((needle) => !named.includes(needle.toLowerCase()))];
      if (!KNOWS[actor]?.identity.includes(whose)) hidden.push(...identity.filter((needle) => !named.includes(needle.toLowerCase())));
      if (!KNOWS[actor]?.id.includes(whose) && !named.includes(userId)) hidden.push(userId);
      const shown = hidden.filter((needle) => lower.includes(needle.toLowerCase()));
      if (shown.length > 0) expect.soft(shown, `${where}: must not show the ${whose === "owner" ? "owner" : "other seeker"}'s`).toEqual([]);
    }
  }

  /** The text of a call's arguments (form fields, files' names), to tell an echo from a leak. */
  const argsText = (args: unknown[]) =>
    args
      .map((arg) => (arg instanceof FormData ? [...arg.entries()].map(([, value]) => (typeof value === "string" ? value : value.name)).join("\n") : JSON.stringify(arg ?? "")))
      .join("\n");

  async function httpCell(row: string, item: PageCase | RouteCase, actor: Actor) {
    const request = ctx[actor];
    await item.before?.(actor);
    const response = "send" in item ? await item.send(request, actor) : await request.get(item.path, { maxRedirects: 0 });
    const body = await response.text();
    const answer: Answer = { status: response.status(), to: stripOrigin(response.headers()["location"]), body };
    judge(row, item.label, actor, item.expect(actor), answer);
    noLeak(`${row} [${item.label}] as ${actor}`, actor, `${answer.to ?? ""}\n${body}`, item.shows?.[actor], [], "path" in item ? item.path : "");
    if ("check" in item && item.check && answer.status === 200) item.check(body, actor);
    await item.after?.(actor, request);
  }

  async function actionCell(key: string, row: ActionRow, item: ActionCase, actor: Actor) {
    const request = item.request ? await item.request(actor) : item.isolated ? await newContext() : ctx[actor];
    await item.before?.(actor);
    const args = item.args(actor);
    const page = row.page.replace("[seekerId]", id.owner).replace("[id]", leadA);
    const answer = await call(request, key, args, page);
    judge(key, item.label, actor, item.expect(actor), answer, item.to);
    if (!item.echoesInput) {
      const where = `${key} [${item.label}] as ${actor}`;
      noLeak(where, actor, `${answer.to ?? ""}\n${answer.body}`, item.shows?.[actor], row.pageShows?.[actor], `${page}\n${argsText(args)}`);
    }
    if (item.check && answer.status === 200 && !answer.to) item.check(answer.result, actor);
    await item.after?.(actor, request);
  }

  /** The owner's calls, and those allowed to change the owner's side, wait until it was compared. */
  const waits = (item: ActionCase, actor: Actor) => actor === "owner" || (item.allowed ?? []).includes(actor);
  const actionRows = Object.entries(ACTIONS).map(([key, row]) => ({ key, row, cases: row.cases(c) }));
  async function runActions(group: ActionRow["group"], later: boolean) {
    for (const { key, row, cases } of actionRows.filter(({ row }) => row.group === group)) {
      if (later) await row.prepare?.(c);
      for (const item of cases) {
        const actors = (item.actors ?? ACTORS).filter((actor) => waits(item, actor) === later);
        for (const actor of actors) await actionCell(key, row, item, actor);
      }
      // After signing out, sign in again.
      if (group === "session") {
        for (const actor of later ? (["owner"] as const) : INTRUDERS) {
          if ((await ctx[actor].get("/settings", { maxRedirects: 0 })).status() !== 200) await signInAgain(actor);
        }
      }
    }
  }
  const routeRows = Object.entries(ROUTES).map(([key, cases]) => ({ key, cases: cases(c) }));
  async function runRoutes(later: boolean) {
    for (const { key, cases } of routeRows) {
      for (const item of cases.filter((item) => Boolean(item.later) === later)) {
        for (const actor of item.actors ?? ACTORS) await httpCell(key, item, actor);
      }
    }
  }

  // Phase 1: every page, every route, every call that must change nothing of the owner's; then the
  // intruders' own sessions (changing their password, signing out, out everywhere, in again).
  for (const [pattern, cases] of Object.entries(PAGES)) {
    for (const item of cases(c)) for (const actor of item.actors ?? ACTORS) await httpCell(pattern, item, actor);
  }
  await runRoutes(false);
  await runActions(undefined, false);
  await runActions("destructive", false);
  await runActions("session", false);

  // Nothing of the owner's changed, and the intruders' own calls went to their own data.
  const after = await ownerSide();
  for (const key of Object.keys(before)) expect.soft(after[key], `the owner's ${key} after everyone else's calls`).toBe(before[key]);
  await coachesStillSee();
  for (const actor of INTRUDERS) {
    const leads = await (await ctx[actor].get("/leads/export")).text();
    expect.soft(leads, `${actor}'s own lead`).toContain(`Lead of ${actor}`);
    expect.soft(leads, `${actor}'s own import`).toContain(`Imported by ${actor}`);
    expect.soft(await html(actor, "/materials"), `${actor}'s own material`).toContain(`Material of ${actor}`);
  }

  // Phase 2: the allowed calls (the owner's, the connected coach's on its client, the ended coach's
  // answer, the scheduler's), the destructive ones last.
  await runRoutes(true);
  await runActions(undefined, true);
  await runActions("destructive", true);
  const leadsNow = await (await ctx.owner.get("/leads/export")).text();
  expect.soft(leadsNow, "the owner's own edit").toContain("Orchid Holdings (renamed)");
  expect.soft(leadsNow, "the owner's own delete").not.toContain("Orchid Doomed");
  expect.soft(await (await ctx.owner.get("/leads/export-touches")).text(), "the owner's own touch").toContain("Orchid inbound call");

  // Phase 3: the owner's own sessions, last.
  await runActions("session", true);

  // Methods a route handler does not export are refused.
  let refused = 0;
  for (const file of inventory().routeFiles) {
    const exported = exportedNames(readFileSync(file, "utf8"));
    const url = routePattern(file).replace(/\[\.\.\.[^\]]+\]/, "session");
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((method) => !exported.includes(method))) {
      const response = await ctx.otherSeeker.fetch(url, { method, maxRedirects: 0 });
      judge(`${file} ${method} (not exported)`, url, "otherSeeker", "405", { status: response.status(), to: null, body: "" });
      refused++;
    }
  }

  // The matrix, as an attachment: one line per row and case, one column per actor.
  const lines = new Map<string, Map<Actor, string>>();
  for (const cell of matrix) {
    const line = `${cell.row} [${cell.label}]`;
    if (!lines.has(line)) lines.set(line, new Map());
    lines.get(line)!.set(cell.actor, cell.pass ? cell.observed : `✗ ${cell.observed} (expected ${cell.expected})`);
  }
  const table = [
    ["row [case]", ...ACTORS].join("\t"),
    ...[...lines].map(([line, cells]) => [line, ...ACTORS.map((actor) => cells.get(actor) ?? "")].join("\t")),
  ].join("\n");
  const file = testInfo.outputPath("authorization-matrix.tsv");
  writeFileSync(file, `${table}\n`);
  await testInfo.attach("authorization-matrix.tsv", { path: file, contentType: "text/tab-separated-values" });
  const rows = Object.keys(PAGES).length + Object.keys(ROUTES).length + Object.keys(ACTIONS).length;
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(
    `Authorization matrix: ${rows} rows, ${lines.size} cases, ${matrix.length} cells (${refused} of unexported methods), ${seconds} s`,
  );

  for (const context of contexts) await context.dispose();
});
