/**
 * The fuzz tests' input: forms as a browser sends them, and generators (fast-check arbitraries) of
 * nasty text, dates, ids and whole forms, plus how the schemas store what they accept.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";

/** A form as the browser sends it: fields in order, repeats allowed, files as Blobs. */
export type FormEntries = readonly (readonly [string, string | Blob])[];

export function toFormData(entries: FormEntries): FormData {
  const formData = new FormData();
  for (const [name, value] of entries) formData.append(name, value);
  return formData;
}

/** What `formData.get(name)` gives an action as text: the first value, "" when missing or a file. */
export function firstText(entries: FormEntries, name: string): string {
  const found = entries.find(([field]) => field === name);
  return found && typeof found[1] === "string" ? toUsv(found[1]) : "";
}

/** FormData keeps USV strings: a lone surrogate half becomes U+FFFD, as in a browser. */
export function toUsv(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

// ---------------------------------------------------------------------------------------------
// Nasty input

export const HTML_TEXT = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "<img src=x onerror=alert(document.cookie)>",
  '"><svg onload=alert(1)>',
  "</textarea><script>alert(1)</script>",
  '<a href="javascript:alert(1)">click</a>',
  "<iframe srcdoc='<script>parent.x=1</script>'>",
  "&lt;b&gt;bold&lt;/b&gt; &amp; &#x3C;",
  "<!-- comment -->",
  "{{7*7}} ${7*7} <%= 7*7 %>",
  "<style>*{display:none}</style>",
] as const;

export const SQL_TEXT = [
  "'; drop table leads; --",
  '" or 1=1 --',
  "' OR '1'='1",
  "Robert'); DROP TABLE users;--",
  "1; select pg_sleep(10)",
  "$$; delete from users; $$",
  "\\'; truncate touches; --",
  "%' and 1=0 union select password_hash from users --",
  "E'\\x00'",
  "admin'--",
] as const;

export const ODD_UNICODE = [
  "\u200F", // right-to-left mark
  "\u202E", // right-to-left override
  "\u2066", // left-to-right isolate
  "\u200D", // zero-width joiner
  "\u200B", // zero-width space
  "\u00A0", // no-break space
  "\u3000", // ideographic space
  "\u2028", // line separator
  "\uFEFF", // byte-order mark
  "\uFFFD",
  "\uFFFE",
  "\uFFFF",
  "\u0000",
  "\u0007",
  "\u001B[31m",
  "\u007F",
  "e\u0301",
  "Z\u0335\u0321\u0322\u0347\u0308\u0351",
  "👩‍👩‍👧‍👦",
  "🏳️‍🌈",
  "🇫🇷",
  "𝕏𝔂𝔃",
  "\u3164",
  "ﷺ",
  "שלום",
  "مرحبا",
  "日本語",
  "Ω≈ç√∫",
  "\uD800", // a lone surrogate half
  "\r\n",
  "\t",
] as const;

const PLAIN_WORDS = ["Acme", "Globex Corp.", "Initech", "Ann Lee", "O'Neil & Sons", "Zoë Ünal", "  padded  ", "a", "Ünïcödé GmbH"];

/**
 * Any code points, controls, noncharacters and lone surrogate halves included. (Not
 * `fc.string({ unit: "binary" })`, whose set-up maps all of Unicode: a second per test file.)
 */
export const binaryText: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.nat({ max: 0x10ffff }), fc.nat({ max: 0x7f }), fc.integer({ min: 0xd800, max: 0xdfff })), { maxLength: 8 })
  .map((codePoints) => codePoints.map((codePoint) => String.fromCodePoint(codePoint)).join(""));

/** Short text full of HTML, SQL and odd Unicode (may be blank after trimming). */
export const oddText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom<string>(...HTML_TEXT, ...SQL_TEXT, ...ODD_UNICODE, ...PLAIN_WORDS) },
      { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) },
      { weight: 3, arbitrary: binaryText },
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(""));

/** 10,000 to 200,000 characters (some of them 4-byte or joined graphemes). */
export const longText: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 10_000, max: 200_000 }), fc.constantFrom("a", "é ", "<script>", "' or 1=1 -- ", "👩‍👩‍👧‍👦", "\u0301", "  "))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

/** Text of exactly max - 1, max or max + 1 characters, maybe padded with blanks (which trimming drops). */
export function edgeLengthText(max: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: max - 1, max: max + 1 }), fc.constantFrom("x", "<", "'", "é", "\u0301"), fc.constantFrom("", " ", "\t\n"))
    .map(([length, unit, pad]) => `${pad}${unit.repeat(length)}${pad}`);
}

/** Text a field may hold (within `max` after trimming) that is still full of markup, quotes and odd Unicode. */
export function validText(max: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: oddText.filter((text) => text.trim().length <= max) },
    { weight: 2, arbitrary: fc.constantFrom<string>(...HTML_TEXT, ...SQL_TEXT, ...PLAIN_WORDS) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: Math.min(max, 40) }) },
  );
}

/** Anything a text field could be sent: markup, SQL, odd Unicode, blank, huge, at its limit. */
export function nastyText(max?: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: oddText },
    { weight: 2, arbitrary: fc.constantFrom("", " ", "\t\n ", "\u00A0\u3000", "\u200B") },
    { weight: 1, arbitrary: longText },
    ...(max ? [{ weight: 2, arbitrary: edgeLengthText(max) }] : []),
  );
}

/** Dates far in the past and future, impossible, malformed, and plain junk. */
export const ODD_DATES = [
  "0001-01-01",
  "0000-01-01",
  "1900-01-01",
  "1969-12-31",
  "1999-12-31",
  "9999-12-31",
  "2026-02-30",
  "2025-02-29",
  "2024-13-01",
  "2024-00-10",
  "2024-1-1",
  "20240101",
  "+275760-09-13",
  "-000001-01-01",
  "+002025-03-05",
  "275760-09-13",
  "2024-01-01T00:00:00Z",
  "2024-01-01\u0000",
  "２０２４-０１-０１",
  "31/12/2025",
  "tomorrow",
  "NaN",
  "null",
  "undefined",
  "[object Object]",
  "' or 1=1 --",
] as const;

/** A calendar date `days` after `today` ("YYYY-MM-DD"). */
export function shiftDate(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Mostly dates near `today` (both sides of every bound a form checks), else far, impossible or junk. */
export function dateText(today: string, nearDays = 800): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: -nearDays, max: nearDays }).map((days) => shiftDate(today, days)) },
    { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }).map((days) => ` ${shiftDate(today, days)} `) },
    { weight: 2, arbitrary: fc.constantFrom<string>(...ODD_DATES) },
    { weight: 1, arbitrary: fc.date({ min: new Date(-8_640_000_000_000_000), max: new Date(8_640_000_000_000_000), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
    { weight: 1, arbitrary: nastyText() },
  );
}

/**
 * An id as a form could carry it, resolved when the test runs (the records exist only then):
 * one of the user's own records, another user's, a random uuid, or something that is no uuid.
 */
export type IdRef =
  | { kind: "own"; index: number }
  | { kind: "foreign"; index: number }
  | { kind: "random"; id: string }
  | { kind: "text"; text: string };

export const MALFORMED_IDS = [
  "",
  "0",
  "-1",
  "1 or 1=1",
  "' or '1'='1",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "not-a-uuid",
  "{7b5a0c2e-2f0e-4b7a-9d6c-1a2b3c4d5e6f}",
  "7b5a0c2e2f0e4b7a9d6c1a2b3c4d5e6f",
  "7b5a0c2e-2f0e-4b7a-9d6c-1a2b3c4d5e6", // one digit short
  "7b5a0c2e-2f0e-4b7a-9d6c-1a2b3c4d5e6f0",
  " 7b5a0c2e-2f0e-4b7a-9d6c-1a2b3c4d5e6f",
  "7b5a0c2e-2f0e-4b7a-9d6c-1a2b3c4d5e6f\u0000",
  "７b5a0c2e-2f0e-4b7a-9d6c-1a2b3c4d5e6f",
] as const;

export function idRef(weights: { own?: number; foreign?: number; random?: number; text?: number } = {}): fc.Arbitrary<IdRef> {
  const { own = 6, foreign = 2, random = 1, text = 2 } = weights;
  return fc.oneof(
    { weight: own, arbitrary: fc.nat(1000).map((index): IdRef => ({ kind: "own", index })) },
    { weight: foreign, arbitrary: fc.nat(1000).map((index): IdRef => ({ kind: "foreign", index })) },
    { weight: random, arbitrary: fc.uuid().map((id): IdRef => ({ kind: "random", id })) },
    {
      weight: text,
      arbitrary: fc.oneof(fc.constantFrom<string>(...MALFORMED_IDS), nastyText()).map((value): IdRef => ({ kind: "text", text: value })),
    },
  );
}

/** The id an IdRef names now; `own` and `foreign` fall back to a random uuid when there is no such record. */
export function resolveId(ref: IdRef, own: readonly string[], foreign: readonly string[]): string {
  switch (ref.kind) {
    case "own":
      return own.length ? own[ref.index % own.length]! : randomUUID();
    case "foreign":
      return foreign.length ? foreign[ref.index % foreign.length]! : randomUUID();
    case "random":
      return ref.id;
    case "text":
      return ref.text;
  }
}

/** A field's value in a generated form: text, an id to resolve, or a file where text belongs. */
export type FieldValue = string | { ref: IdRef } | { file: string };

/** How a generated form carries one field: once (usually), not at all, or twice (the first counts). */
export function fieldPresence<T>(value: fc.Arbitrary<T>): fc.Arbitrary<T[]> {
  return fc.oneof(
    { weight: 12, arbitrary: value.map((v) => [v]) },
    { weight: 1, arbitrary: fc.constant<T[]>([]) },
    { weight: 1, arbitrary: fc.tuple(value, value).map(([a, b]) => [a, b]) },
  );
}

const EXTRA_FIELD_NAMES = ["__proto__", "constructor", "toString", "userId", "id", "$ACTION_ID_0", "$ACTION_REF_1", "role", "isAdmin", "password_hash", "user_id", ""] as const;

/** Fields the form does not have, which the action must ignore. */
export const extraFields: fc.Arbitrary<[string, string][]> = fc.array(
  fc.tuple(fc.oneof(fc.constantFrom<string>(...EXTRA_FIELD_NAMES), fc.string({ maxLength: 10 })), fc.oneof(oddText, fc.uuid())),
  { maxLength: 3 },
);

/** Generated forms: each named field missing, once or repeated (sometimes as a file), then extra fields. */
export type GeneratedForm = { fields: [string, FieldValue][]; extra: [string, string][] };

export function formOf(spec: Record<string, fc.Arbitrary<FieldValue>>): fc.Arbitrary<GeneratedForm> {
  const fileValue: fc.Arbitrary<FieldValue> = fc.constantFrom("x", "<script>alert(1)</script>", "").map((text) => ({ file: text }));
  const perField = Object.entries(spec).map(([name, value]) =>
    fieldPresence(fc.oneof({ weight: 30, arbitrary: value }, { weight: 1, arbitrary: fileValue })).map((values) =>
      values.map((v): [string, FieldValue] => [name, v]),
    ),
  );
  return fc.tuple(fc.tuple(...perField), extraFields).map(([fields, extra]) => ({ fields: fields.flat(), extra }));
}

/** The form's entries, ids resolved against the records that exist now. */
export function entriesOf(form: GeneratedForm, resolve: (ref: IdRef, field: string) => string = (ref) => resolveId(ref, [], [])): FormEntries {
  const fields = form.fields.map(([name, value]): [string, string | Blob] => {
    if (typeof value === "string") return [name, value];
    if ("ref" in value) return [name, resolve(value.ref, name)];
    return [name, new File([value.file], "field.txt", { type: "text/plain" })];
  });
  return [...fields, ...form.extra];
}

/** Without NUL characters, which PostgreSQL cannot store: the app drops them from all input. */
export function withoutNul(value: string): string {
  return value.replaceAll("\u0000", "");
}

// Written again here, not imported: the oracle states the rule on its own ("www.example.com" → https).
const SCHEMELESS_ADDRESS = /^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}($|[:/?#])/i;

/** An address as the schemas store it: a scheme-less host name made https, any other as it is. */
export function storedUrl(url: string): string {
  return SCHEMELESS_ADDRESS.test(url) ? `https://${url}` : url;
}

/** A text field as the schemas store it: as the form sent it, without NUL characters, trimmed. */
export function storedText(entries: FormEntries, name: string): string {
  return withoutNul(firstText(entries, name)).trim();
}

/** Valid e-mail addresses (as zod's `z.email()` accepts them) and nasty ones. */
export const emailText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("ann@acme.test", "B.O'Neil@example.org", " padded@example.com ", "x+tag@sub.example.co.uk", "UPPER@EXAMPLE.COM") },
  { weight: 2, arbitrary: fc.emailAddress() },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "not-an-email",
      "a@b",
      "@example.com",
      "ann@",
      "ann@@acme.test",
      "<script>@x.test",
      "ann@acme.test'; drop table users; --",
      "zoë@exämple.com",
      "ann@acme.test\u0000",
      `${"a".repeat(250)}@example.com`,
    ),
  },
  { weight: 2, arbitrary: nastyText(254) },
);
