// What `npm run load` and `npm run faults` share: a fresh database on the PostgreSQL server, seekers
// signed up and filled through the app's own server actions over HTTP, an autocannon load of the
// three things a seeker does most (read Today, open a lead, log a touch), and the check that every
// touch the server acknowledged is in the database exactly once, as sent: its seeker, lead and channel.
import { randomBytes, randomUUID } from "node:crypto";
import autocannon from "autocannon";
import postgres from "postgres";
import { CHANNELS, type Channel } from "@/lib/domain";
import { actionHeaders, encodeActionCall, formDataOf, serverActionIds } from "../e2e/server-actions";
import { step } from "./app-server";

export const PASSWORD = "a steady pace under load";

export interface Seeker {
  email: string;
  cookie: string;
  leadIds: string[];
}

/** A database of its own on the server at `serverUrl`, dropped by `drop()`. */
export async function createScratchDatabase(serverUrl: string, purpose: string) {
  const name = `cadence_${purpose}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  return {
    url,
    name,
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** Posts one server action as the browser would; answers the response and its body. */
export async function callAction(
  base: string,
  { id, page, fields, cookie }: { id: string; page: string; fields: Record<string, string>; cookie?: string },
) {
  const { body, contentType } = await encodeActionCall([null, formDataOf(fields)]);
  const response = await fetch(`${base}${page}`, {
    method: "POST",
    headers: actionHeaders({ id, origin: base, contentType, cookie }),
    body: new Uint8Array(body),
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  return { response, text: await response.text() };
}

/** The ids of the build's server actions this harness calls. */
export function loadActionIds(distDir: string) {
  const ids = serverActionIds(distDir);
  const id = (key: string) => {
    const found = ids.get(key);
    if (!found) throw new Error(`no server action ${key} in ${distDir}`);
    return found;
  };
  return {
    signUp: id("app/(auth)/actions.ts#signUpAction"),
    loadSampleData: id("app/leads/actions.ts#loadSampleDataAction"),
    logTouch: id("app/touches/actions.ts#logTouchAction"),
  };
}

/**
 * Signs `count` seekers up through the sign-up action and loads the sample job search (50 leads with
 * their touches) for each through its action; the lead ids are read back from the database.
 */
export async function prepareSeekers({
  base,
  databaseUrl,
  actions,
  count,
  label,
}: {
  base: string;
  databaseUrl: string;
  actions: ReturnType<typeof loadActionIds>;
  count: number;
  label: string;
}): Promise<Seeker[]> {
  const started = performance.now();
  const zones = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Auckland", "America/Los_Angeles"];
  const seekers: Seeker[] = [];
  for (let index = 0; index < count; index++) {
    const email = `${label}-${index}-${randomBytes(3).toString("hex")}@load.example`;
    const signUp = await callAction(base, {
      id: actions.signUp,
      page: "/sign-up",
      fields: { name: `Seeker ${index}`, email, password: PASSWORD, timeZone: zones[index % zones.length]!, next: "" },
    });
    const cookie = sessionCookie(signUp.response);
    if (!cookie) throw new Error(`sign-up of ${email} answered ${signUp.response.status} without a session`);
    const sample = await callAction(base, { id: actions.loadSampleData, page: "/leads", fields: {}, cookie });
    if (sample.response.status !== 200) throw new Error(`loading sample data for ${email} answered ${sample.response.status}`);
    seekers.push({ email, cookie, leadIds: [] });
  }
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ email: string; id: string }[]>`
      select users.email, leads.id from leads join users on users.id = leads.user_id
      where users.email in ${sql(seekers.map((seeker) => seeker.email))}`;
    for (const row of rows) seekers.find((seeker) => seeker.email === row.email)!.leadIds.push(row.id);
  } finally {
    await sql.end({ timeout: 5 });
  }
  const leads = seekers.reduce((sum, seeker) => sum + seeker.leadIds.length, 0);
  if (seekers.some((seeker) => seeker.leadIds.length === 0)) throw new Error("a seeker has no leads after loading sample data");
  step(`signed up ${count} seekers with ${leads} leads in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return seekers;
}

function sessionCookie(response: Response): string | undefined {
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("authjs.session-token="));
  return session?.split(";")[0];
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** What a touch was sent as: by which seeker, on which of their leads, by which channel. */
export interface SentTouch {
  email: string;
  leadId: string;
  channel: Channel;
}

/**
 * Touches the load logged: every request built, by key (a few are built and never sent when the run
 * ends), the keys the server acknowledged, how many it answered 200 without "ok", and how many
 * requests repeated a key already sent (a double tap, a retry).
 */
export interface TouchLedger {
  sent: Map<string, SentTouch>;
  acknowledged: Set<string>;
  refused: number;
  resent: number;
}

export const newLedger = (): TouchLedger => ({ sent: new Map(), acknowledged: new Set(), refused: 0, resent: 0 });

/** The form fields of one logged touch, as the touch form posts them. */
function touchFields({ leadId, channel }: SentTouch, idempotencyKey: string): Record<string, string> {
  return {
    leadId,
    channel,
    direction: "",
    outcome: "",
    note: "Sent a follow-up under load",
    materialId: "",
    at: "",
    idempotencyKey,
    confirmTooSoon: "yes",
  };
}

/** A new touch by a seeker picked at random, on one of their leads, by any channel; in the ledger. */
function newTouch(seekers: readonly Seeker[], ledger: TouchLedger) {
  const seeker = pick(seekers);
  const touch: SentTouch = { email: seeker.email, leadId: pick(seeker.leadIds), channel: pick(CHANNELS) };
  const key = randomUUID();
  ledger.sent.set(key, touch);
  return { seeker, touch, key };
}

export type Kind = "today" | "lead" | "touch";

/**
 * One autocannon instance per kind of request, all at once for `durationSeconds`, each request as a
 * seeker picked at random. A touch is acknowledged when the action answers 200 with `"ok":true`.
 */
export async function driveLoad({
  base,
  seekers,
  durationSeconds,
  connections,
  logTouchId,
  ledger,
}: {
  base: string;
  seekers: readonly Seeker[];
  durationSeconds: number;
  connections: Record<Kind, number>;
  logTouchId: string;
  ledger: TouchLedger;
}): Promise<Record<Kind, autocannon.Result>> {
  // React encodes the form once; each request swaps in its lead, channel and idempotency key.
  const leadSlot = "00000000-0000-4000-8000-00000000lead";
  const channelSlot = "channel-slot";
  const keySlot = "idempotency-key-slot";
  const template = await encodeActionCall([
    null,
    formDataOf(touchFields({ email: "", leadId: leadSlot, channel: channelSlot as Channel }, keySlot)),
  ]);
  const templateBody = template.body.toString("utf8");
  const touchHeaders = actionHeaders({ id: logTouchId, origin: base, contentType: template.contentType });

  const recent: { key: string; cookie: string; body: string }[] = [];

  const common = { url: base, duration: durationSeconds, timeout: 30, excludeErrorStats: false };
  const run = (kind: Kind, request: autocannon.Request) =>
    autocannon({ ...common, connections: connections[kind], requests: [request] }) as unknown as Promise<autocannon.Result>;

  const [today, lead, touch] = await Promise.all([
    run("today", {
      method: "GET",
      setupRequest: (request) => ({ ...request, path: "/today", headers: { cookie: pick(seekers).cookie } }),
    }),
    run("lead", {
      method: "GET",
      setupRequest: (request) => {
        const seeker = pick(seekers);
        return { ...request, path: `/leads/${pick(seeker.leadIds)}`, headers: { cookie: seeker.cookie } };
      },
    }),
    run("touch", {
      method: "POST",
      setupRequest: (request, context) => {
        // One request in ten repeats one of the last few, as a double tap or a retry would, often
        // while the first is still in flight on another connection.
        let sent = recent.length > 0 && Math.random() < 0.1 ? pick(recent) : undefined;
        if (sent) ledger.resent++;
        else {
          const { seeker, touch, key } = newTouch(seekers, ledger);
          const body = templateBody.replace(leadSlot, touch.leadId).replace(channelSlot, touch.channel).replace(keySlot, key);
          sent = { key, cookie: seeker.cookie, body };
          recent.push(sent);
          if (recent.length > 20) recent.shift();
        }
        (context as { key?: string }).key = sent.key;
        return { ...request, path: "/today", headers: { ...touchHeaders, cookie: sent.cookie }, body: sent.body };
      },
      onResponse: (status, body, context) => {
        if (status !== 200) return;
        if (body.includes('"ok":true')) ledger.acknowledged.add((context as { key: string }).key);
        else ledger.refused++;
      },
    }),
  ]);
  return { today, lead, touch };
}

/**
 * Sends `keys` new touches `copies` times each, all copies at once, as seekers picked at random: each
 * copy must be acknowledged, and the touch stored once (checkTouches). Answers what went wrong.
 */
export async function resendConcurrently({
  base,
  seekers,
  logTouchId,
  ledger,
  keys,
  copies,
}: {
  base: string;
  seekers: readonly Seeker[];
  logTouchId: string;
  ledger: TouchLedger;
  keys: number;
  copies: number;
}): Promise<string[]> {
  let refusedCopies = 0;
  for (let round = 0; round < keys; round++) {
    const { seeker, touch, key } = newTouch(seekers, ledger);
    ledger.resent += copies - 1;
    const fields = touchFields(touch, key);
    const answers = await Promise.all(
      Array.from({ length: copies }, () =>
        callAction(base, { id: logTouchId, page: "/today", fields, cookie: seeker.cookie }).catch(() => undefined),
      ),
    );
    const acknowledged = answers.filter((answer) => answer?.response.status === 200 && answer.text.includes('"ok":true'));
    refusedCopies += copies - acknowledged.length;
    if (acknowledged.length > 0) ledger.acknowledged.add(key);
  }
  step(`sent ${keys} touches ${copies} times each at once: ${refusedCopies} copies not acknowledged`);
  return refusedCopies > 0 ? [`${refusedCopies} of ${keys * copies} concurrent copies of a touch were not acknowledged`] : [];
}

/**
 * Every acknowledged touch is stored exactly once, and every stored touch as it was sent (the
 * seeker, lead and channel of its key); answers what is wrong, or nothing.
 */
export async function checkTouches(databaseUrl: string, ledger: TouchLedger): Promise<string[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ key: string; email: string; leadId: string; channel: Channel }[]>`
      select touches.idempotency_key as key, users.email, touches.lead_id as "leadId", touches.channel
      from touches join users on users.id = touches.user_id
      where touches.idempotency_key is not null`;
    const copies = new Map<string, number>();
    const misplaced: string[] = [];
    let unknown = 0;
    for (const row of rows) {
      const sent = ledger.sent.get(row.key);
      if (!sent) {
        unknown++;
        continue;
      }
      copies.set(row.key, (copies.get(row.key) ?? 0) + 1);
      if (row.email !== sent.email || row.leadId !== sent.leadId || row.channel !== sent.channel) {
        misplaced.push(
          `${row.key} sent by ${sent.email} on lead ${sent.leadId} (${sent.channel}) is stored for ` +
            `${row.email} on lead ${row.leadId} (${row.channel})`,
        );
      }
    }
    const problems: string[] = [];
    const missing = [...ledger.acknowledged].filter((key) => !copies.has(key));
    const repeated = [...copies.values()].filter((count) => count > 1);
    if (missing.length > 0) problems.push(`${missing.length} acknowledged touches are missing (e.g. ${missing[0]})`);
    if (repeated.length > 0) problems.push(`${repeated.length} touches are stored more than once`);
    if (misplaced.length > 0) problems.push(`${misplaced.length} touches are stored not as sent (e.g. ${misplaced[0]})`);
    if (unknown > 0) problems.push(`${unknown} touches carry a key the load never sent`);
    step(
      `checked ${ledger.acknowledged.size} acknowledged touches (${ledger.resent} requests resent a key): ` +
        (problems.length === 0 ? "each stored exactly once, as sent" : problems.join("; ")),
    );
    return problems;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Requests per second, p50 and p99 per kind, and every kind of failure. */
export function reportLoad(results: Record<Kind, autocannon.Result>, ledger: TouchLedger) {
  const header = ["request", "count", "req/s", "p50 ms", "p99 ms", "max ms", "non-2xx", "errors", "timeouts"];
  const labels: Record<Kind, string> = { today: "GET /today", lead: "GET /leads/[id]", touch: "log touch (action)" };
  const rows = (Object.entries(results) as [Kind, autocannon.Result][]).map(([kind, result]) => [
    labels[kind],
    String(result.requests.total),
    result.requests.average.toFixed(1),
    String(result.latency.p50),
    String(result.latency.p99),
    String(result.latency.max),
    String(result.non2xx),
    String(result.errors),
    String(result.timeouts),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join("  "));
  const total = Object.values(results).reduce((sum, result) => sum + result.requests.total, 0);
  const seconds = results.today.duration;
  console.log(
    `all: ${total} requests in ${seconds.toFixed(1)} s, ${(total / seconds).toFixed(1)} req/s; ` +
      `touches acknowledged ${ledger.acknowledged.size}, answered without "ok" ${ledger.refused}`,
  );
}

/** Failed requests of a run, summed over the kinds, with touches answered without "ok". */
export function failuresOf(results: Record<Kind, autocannon.Result>, ledger: TouchLedger): number {
  return Object.values(results).reduce((sum, result) => sum + result.non2xx + result.errors + result.timeouts, ledger.refused);
}

/**
 * Runs a script's `body` within `deadlineMs`, cleans up whatever happens, then exits: 0 when the body
 * found no problem, 1 on a problem or an error, 2 past the deadline.
 */
export async function runChecked({
  name,
  deadlineMs,
  passed,
  body,
  cleanUp,
}: {
  name: string;
  deadlineMs: number;
  passed: string;
  body: () => Promise<string[]>;
  cleanUp: () => Promise<void>;
}): Promise<never> {
  const deadline = setTimeout(() => {
    console.error(`${name}: took longer than ${deadlineMs / 60_000} minutes; stopping.`);
    void cleanUp().finally(() => process.exit(2));
  }, deadlineMs);
  let failed = true;
  try {
    const problems = await body();
    console.log(problems.length === 0 ? `\n${name}: passed, ${passed}` : `\n${name}: FAILED:\n- ${problems.join("\n- ")}`);
    failed = problems.length > 0;
  } catch (error) {
    console.error(error);
  } finally {
    clearTimeout(deadline);
    await cleanUp();
  }
  process.exit(failed ? 1 : 0);
}

/** One open-loop step's outcome: its arrival rate, how many requests, latencies from the scheduled moment. */
export interface RateStep {
  rate: number;
  requests: number;
  p50: number;
  p99: number;
  failures: number;
}

/**
 * The highest steady arrival rate the server serves with p99 under `p99LimitMs` and no failure:
 * steps of `stepSeconds` at rising rates (each `factor` times the last), requests sent on schedule
 * whatever the server's pace (an open loop: a slow answer does not hold the next request back, and
 * each latency counts from the moment its request was due). The mix is the load's: a third Today, a
 * third a lead, a third logging a touch (in the ledger, so the touch check covers them). Stops at the
 * first step that fails the limit, or after `maxSteps`.
 */
export async function findSteadyRate({
  base,
  seekers,
  logTouchId,
  ledger,
  startRate,
  factor,
  stepSeconds,
  maxSteps,
  p99LimitMs,
}: {
  base: string;
  seekers: readonly Seeker[];
  logTouchId: string;
  ledger: TouchLedger;
  startRate: number;
  factor: number;
  stepSeconds: number;
  maxSteps: number;
  p99LimitMs: number;
}): Promise<{ steps: RateStep[]; highest: RateStep | undefined }> {
  const steps: RateStep[] = [];
  let highest: RateStep | undefined;
  let rate = startRate;
  for (let index = 0; index < maxSteps; index++) {
    const count = Math.max(1, Math.round(rate * stepSeconds));
    const started = performance.now();
    const outcomes: Promise<{ latency: number; ok: boolean }>[] = [];
    for (let i = 0; i < count; i++) {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      outcomes.push(sendOne(i % 3, due));
    }
    const settled = await Promise.all(outcomes);
    const latencies = settled.map((outcome) => outcome.latency).sort((a, b) => a - b);
    const at = (share: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))]!);
    const result: RateStep = { rate, requests: count, p50: at(0.5), p99: at(0.99), failures: settled.filter((outcome) => !outcome.ok).length };
    steps.push(result);
    step(`open loop at ${rate.toFixed(1)} req/s for ${stepSeconds} s: p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.failures} failed`);
    if (result.failures > 0 || result.p99 >= p99LimitMs) break;
    highest = result;
    rate *= factor;
  }
  return { steps, highest };

  async function sendOne(kind: number, due: number): Promise<{ latency: number; ok: boolean }> {
    try {
      let ok: boolean;
      if (kind === 2) {
        const { seeker, touch, key } = newTouch(seekers, ledger);
        const { response, text } = await callAction(base, { id: logTouchId, page: "/today", fields: touchFields(touch, key), cookie: seeker.cookie });
        ok = response.status === 200 && text.includes('"ok":true');
        if (ok) ledger.acknowledged.add(key);
      } else {
        const seeker = pick(seekers);
        const path = kind === 0 ? "/today" : `/leads/${pick(seeker.leadIds)}`;
        const response = await fetch(`${base}${path}`, { headers: { cookie: seeker.cookie }, redirect: "manual", signal: AbortSignal.timeout(30_000) });
        await response.arrayBuffer();
        ok = response.status === 200;
      }
      return { latency: performance.now() - due, ok };
    } catch {
      return { latency: performance.now() - due, ok: false };
    }
  }
}
