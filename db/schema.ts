import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads this file without the tsconfig paths.
import { ACCOUNT_TOKEN_PURPOSES } from "../lib/auth/account-tokens";
import { CADENCE_RANGE_DAYS } from "../lib/domain/cadence";
import { CHANNELS, CLOSED_AS, DEFAULT_CADENCE_DAYS, DIRECTIONS, OUTCOMES } from "../lib/domain/pace";
import { DIGEST_LINK_PURPOSES } from "../lib/digest/links";
import { MAIL_KINDS } from "../lib/mail/kinds";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** Stored lower-cased and trimmed; unique. */
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    /** When the owner proved they read mail at `email` (a link they followed); null: not yet. */
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    /** IANA zone: the seeker's "today" is computed there. */
    timeZone: text("time_zone").notNull(),
    /** What brings them, asked at sign-up and changed in Settings: the menu shows only the screens they use. */
    seeks: boolean("seeks").notNull().default(true),
    coaches: boolean("coaches").notNull().default(false),
    // The campaign (docs/product.md, "Words" and "Consistency"). No start date: no campaign yet.
    campaignStartDate: date("campaign_start_date"),
    firstContactsPerWeek: smallint("first_contacts_per_week").notNull().default(5),
    /** Weekdays, 0 = Sunday … 6 = Saturday. */
    contactDays: smallint("contact_days").array().notNull().default(sql`'{1,2,3,4,5}'::smallint[]`),
    /** The morning digest (lib/digest/schedule.ts): off unless asked for at sign-up or in Settings. */
    digestEnabled: boolean("digest_enabled").notNull().default(false),
    /** The local hour (0–23) from which the day's digest may go. */
    digestHour: smallint("digest_hour").notNull().default(7),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("users_email_key").on(table.email)],
);

/** A single-use link sent by e-mail (lib/auth/account-tokens.ts): only its sha-256 hash is kept. */
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    tokenHash: text("token_hash").notNull(),
    /** The address the link was sent to: the one it verifies (for a change, the new one). */
    email: text("email").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("account_tokens_token_hash_key").on(table.tokenHash),
    index("account_tokens_user_purpose_idx").on(table.userId, table.purpose),
  ],
);

/**
 * The outbox: a message to send is a row written in the same transaction as what caused it;
 * lib/server/mail/worker.ts claims and sends it. `payload` (which may hold a link's token) is
 * cleared once the SMTP server acknowledged the message.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: MAIL_KINDS }).notNull(),
    /** The account it concerns, if any: its pending mail goes when the account is deleted. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    toAddress: text("to_address").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    /** A sender holds the row until then; past it (the sender died), another may claim it. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** Given up after the last retry. */
    failedAt: timestamp("failed_at", { withTimezone: true }),
    lastError: text("last_error"),
  },
  (table) => [
    index("outbox_messages_due_idx").on(table.nextAttemptAt).where(sql`${table.sentAt} is null and ${table.failedAt} is null`),
    index("outbox_messages_user_idx").on(table.userId),
  ],
);

/** Requests that send mail on someone's asking (a reset link, a new verification link), by key, to throttle them. */
export const mailRequests = pgTable(
  "mail_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (table) => [index("mail_requests_key_at_idx").on(table.key, table.at)],
);

/** Failed sign-ins per key ("account:<email>", "address:<ip>", "pair:<email>|<ip>"). */
export const signInFailures = pgTable("sign_in_failures", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull(),
});

/**
 * One row per sign-in (a device's session): its id is in the session token, and every request
 * reads the row by it, so ending the row ends that session at once (Settings, "Devices signed in").
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** "Firefox on Windows": read from the browser's User-Agent at sign-in (lib/auth/device.ts). */
    device: text("device").notNull(),
    /** The address it signed in from (lib/server/request.ts). */
    address: text("address").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Brought forward at most every few minutes (SESSION_SEEN_EVERY_SECONDS), not on every request. */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("sessions_user_idx").on(table.userId)],
);

/** Proof-of-work challenges already answered (lib/server/proof-of-work.ts): each buys one attempt. */
export const spentChallenges = pgTable(
  "spent_challenges",
  {
    id: text("id").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("spent_challenges_expires_idx").on(table.expiresAt)],
);

export const leads = pgTable(
  "leads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    company: text("company").notNull(),
    contactName: text("contact_name").notNull().default(""),
    title: text("title").notNull().default(""),
    email: text("email").notNull().default(""),
    phone: text("phone").notNull().default(""),
    linkedinUrl: text("linkedin_url").notNull().default(""),
    notes: text("notes").notNull().default(""),
    /** Personal details worth remembering (their kids, their marathon). */
    personalNotes: text("personal_notes").notNull().default(""),
    /** The seeker's list order, which the campaign follows. */
    position: integer("position").notNull(),
    /** 3 to 30 days (CADENCE_RANGE_DAYS): the check below holds every writer to it. */
    cadenceDays: smallint("cadence_days").notNull().default(DEFAULT_CADENCE_DAYS),
    /** Set by the campaign planner for a lead never contacted. */
    plannedFirstContact: date("planned_first_contact"),
    /** "They said call back on 3 March": holds until the next touch after it was set. */
    nextDueOverride: date("next_due_override"),
    nextDueOverrideSetAt: timestamp("next_due_override_set_at", { withTimezone: true }),
    /**
     * The day a pause ends. Kept after it ended: it is then the return day, on which the lead is
     * due whatever its old dates say, until a touch is logged on or after it (leadPace).
     */
    pausedUntil: date("paused_until"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedAs: text("closed_as", { enum: CLOSED_AS }),
    closedReason: text("closed_reason").notNull().default(""),
    /**
     * When the lead went cold (PRODUCT.md "Cold": the job flags it and records when). Set by the
     * scheduled pace job, cleared by the job and by the writes that end coldness (touch, pause,
     * close). Screens do not read it: they compute cold with the pace rule, so they are right between runs.
     */
    coldSince: timestamp("cold_since", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("leads_user_position_idx").on(table.userId, table.position),
    check(
      "leads_cadence_days_range",
      sql`${table.cadenceDays} between ${sql.raw(String(CADENCE_RANGE_DAYS.min))} and ${sql.raw(String(CADENCE_RANGE_DAYS.max))}`,
    ),
  ],
);

/** Each confirmed CSV import, to limit them per hour (lib/leads/page.ts, IMPORTS_PER_HOUR). */
export const leadImports = pgTable(
  "lead_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
    imported: integer("imported").notNull(),
  },
  (table) => [index("lead_imports_user_at_idx").on(table.userId, table.at)],
);

export const materials = pgTable(
  "materials",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    url: text("url").notNull().default(""),
    topic: text("topic").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("materials_user_idx").on(table.userId)],
);

export const touches = pgTable(
  "touches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The owner, repeated from the lead so every query can scope by it with one index. */
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
    /**
     * The calendar day it was logged on in the seeker's zone at that moment (or the day picked for
     * a backdated touch): every day-based rule reads it, never `at` re-read in today's zone.
     */
    localDate: date("local_date").notNull(),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    direction: text("direction", { enum: DIRECTIONS }).notNull(),
    outcome: text("outcome", { enum: OUTCOMES }),
    note: text("note").notNull().default(""),
    materialId: uuid("material_id").references(() => materials.id, { onDelete: "set null" }),
    /** Saved despite the too-soon warning: counted for the coach. */
    tooSoon: boolean("too_soon").notNull().default(false),
    /** One per form submission, so a double tap records one touch. */
    idempotencyKey: text("idempotency_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("touches_lead_at_idx").on(table.leadId, table.at),
    index("touches_user_at_idx").on(table.userId, table.at),
    uniqueIndex("touches_user_idempotency_key").on(table.userId, table.idempotencyKey),
  ],
);

/*
 * What the coach's Clients page reads instead of the touches (db/queries/coach-clients.ts), so a
 * client costs their leads and days, not their touches. Triggers on touches (migration
 * 0011_touch_summaries) keep both current in the writing statement's own transaction, whatever
 * writes; db/queries/touch-summaries.test.ts holds them equal to lib/domain over the touches.
 */

/** Each touched lead's history in one row: what leadPace and quietState read of it. */
export const leadTouchFacts = pgTable(
  "lead_touch_facts",
  {
    leadId: uuid("lead_id")
      .primaryKey()
      .references(() => leads.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The first touch's local date: the lead's first contact (campaignFigures). */
    firstDay: date("first_day").notNull(),
    /** The last touch (by local date, then instant): its day, direction and outcome. */
    lastDay: date("last_day").notNull(),
    lastDirection: text("last_direction", { enum: DIRECTIONS }).notNull(),
    lastOutcome: text("last_outcome", { enum: OUTCOMES }),
    /** The latest instant of any touch (whether a hand-set date came after every touch). */
    latestAt: timestamp("latest_at", { withTimezone: true }).notNull(),
    /** Touches since the contact last answered (quietState's run). */
    unanswered: integer("unanswered").notNull(),
  },
  (table) => [index("lead_touch_facts_user_idx").on(table.userId)],
);

/** A seeker's touches on one day of their calendar, counted. */
export const touchDays = pgTable(
  "touch_days",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    localDate: date("local_date").notNull(),
    touches: integer("touches").notNull(),
    outbound: integer("outbound").notNull(),
    phoneOutbound: integer("phone_outbound").notNull(),
    /** Outbound phone touches not too soon: the daily call made (dailyCall). */
    calls: integer("calls").notNull(),
    tooSoon: integer("too_soon").notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.localDate] })],
);

/**
 * A coached seeker's figures for the Clients page (db/queries/coach-clients.ts) as they stand on
 * `today`, their calendar day: all a figure needs of their leads and touches depends on the data
 * and on that day only. Kept by triggers in each writing transaction (leads, touches, the seeker's
 * settings, coach links; migration 0012) for the seekers with a live coach link, computed by the
 * database function `client_facts_at`; the pace job brings the rows of a day gone by to the new
 * day, and the page computes any row not of today itself. coach-clients.test.ts holds the rows
 * equal to the full computation after any sequence of writes.
 */
export const clientFacts = pgTable("client_facts", {
  seekerId: uuid("seeker_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  today: date("today").notNull(),
  leadsTotal: integer("leads_total").notNull(),
  overdue: integer("overdue").notNull(),
  cold: integer("cold").notNull(),
  quiet: integer("quiet").notNull(),
  activeContacted: integer("active_contacted").notNull(),
  onPace: integer("on_pace").notNull(),
  inCampaign: integer("in_campaign").notNull(),
  contacted: integer("contacted").notNull(),
  firstContactsThisWeek: integer("first_contacts_this_week").notNull(),
  campaignLastDay: date("campaign_last_day"),
  lastAt: timestamp("last_at", { withTimezone: true }),
  lastDay: date("last_day"),
  outbound: integer("outbound").notNull(),
  phoneOutbound: integer("phone_outbound").notNull(),
  tooSoon: integer("too_soon").notNull(),
  /** The daily call (dailyCall): contact days in a row with the call made, and whether it is made today. */
  streak: integer("streak").notNull(),
  calledToday: boolean("called_today").notNull(),
  /** [[Monday, outbound], …]: outbound touches per week since the campaign's first week. */
  outboundWeeks: jsonb("outbound_weeks").$type<[number, number][]>(),
});

/** One row per run of the scheduled pace job: what it did, or why it did nothing. */
export const paceRuns = pgTable("pace_runs", {
  id: uuid("id").primaryKey().defaultRandom(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  status: text("status", { enum: ["ran", "skipped", "failed"] }).notNull(),
  trigger: text("trigger").notNull().default("route"),
  leadsScanned: integer("leads_scanned").notNull().default(0),
  flaggedCold: integer("flagged_cold").notNull().default(0),
  unflaggedCold: integer("unflagged_cold").notNull().default(0),
  unpaused: integer("unpaused").notNull().default(0),
  error: text("error"),
});

/** A coach's read-only access to a seeker's data; live while ended_at is null. */
export const coachLinks = pgTable(
  "coach_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    coachId: uuid("coach_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    seekerId: uuid("seeker_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedBy: uuid("ended_by"),
  },
  (table) => [
    uniqueIndex("coach_links_live_pair").on(table.coachId, table.seekerId).where(sql`${table.endedAt} is null`),
    index("coach_links_seeker_idx").on(table.seekerId),
  ],
);

/**
 * An invitation to connect: a coach's link or short code for any seeker, or a seeker's
 * invitation addressed to a coach's e-mail. Expires; used once.
 */
export const coachInvitations = pgTable(
  "coach_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** "coach": the creator is the coach and a seeker accepts; "seeker": the other way round. */
    creatorRole: text("creator_role", { enum: ["coach", "seeker"] }).notNull(),
    /** Only the hash of the link token is kept; the short code is typed, so it is stored as-is and rate-limited. */
    tokenHash: text("token_hash").notNull(),
    code: text("code").notNull(),
    inviteeEmail: text("invitee_email"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    declinedAt: timestamp("declined_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("coach_invitations_token_hash_key").on(table.tokenHash),
    uniqueIndex("coach_invitations_code_key").on(table.code),
    index("coach_invitations_invitee_idx").on(table.inviteeEmail),
  ],
);

/** A note from a coach to a client, shown on the client's Today until dismissed. */
export const coachNotes = pgTable(
  "coach_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    coachId: uuid("coach_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    seekerId: uuid("seeker_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    dismissedAt: timestamp("dismissed_at", { withTimezone: true }),
  },
  (table) => [index("coach_notes_seeker_idx").on(table.seekerId, table.createdAt)],
);

/**
 * A seeker's private calendar feed (docs/product.md, "Reaching the seeker outside the app"): one
 * per seeker, off until they turn it on. Only the SHA-256 of the address's secret is kept, so the
 * address is shown once; making a new one replaces the row and the old address stops working.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("calendar_feeds_token_hash_key").on(table.tokenHash)],
);

/**
 * One row per digest queued: the primary key makes "at most one digest per seeker per local day,
 * however many servers and runs" a database guarantee (db/queries/digest.ts enqueues both rows in
 * one statement).
 */
export const digests = pgTable(
  "digests",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    localDate: date("local_date").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.localDate] })],
);

/**
 * The links of a digest (lib/digest/links.ts): "done" logs one touch on one lead, until the end of
 * that local day; "unsubscribe" turns the digest off. Only the SHA-256 of the secret is kept.
 */
export const digestLinks = pgTable(
  "digest_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: DIGEST_LINK_PURPOSES }).notNull(),
    /** "done" only: the lead, the channel the digest suggested, and the day it is for. */
    leadId: uuid("lead_id").references(() => leads.id, { onDelete: "cascade" }),
    channel: text("channel", { enum: CHANNELS }),
    localDate: date("local_date"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("digest_links_token_hash_key").on(table.tokenHash), index("digest_links_user_idx").on(table.userId)],
);
