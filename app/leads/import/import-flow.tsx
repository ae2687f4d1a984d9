"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { errorsFor, FieldErrors, FormMessage, SubmitButton } from "@/app/components/form";
import { signInPath } from "@/lib/auth/return-path";
import type { ImportPreview, ImportPreviewRow, ImportRowStatus } from "@/lib/csv/import-leads";
import { CSV_MAX_BYTES, CSV_TOO_BIG } from "@/lib/csv/limits";
import { byCount, plural } from "@/lib/format";
import type { ImportConfirmResult, ImportPreviewResult } from "./steps";

const TRY_AGAIN = { ok: false as const, message: "The server could not be reached. Try again.", fieldErrors: {} };

/**
 * Posts to one of the import's route handlers (upload/, confirm/) and answers its JSON. A session that
 * ended sends the seeker to sign in, back here afterwards.
 */
async function post<T>(path: string, body: BodyInit, contentType: string): Promise<T | typeof TRY_AGAIN> {
  try {
    const response = await fetch(path, { method: "POST", body, headers: { "content-type": contentType } });
    if (response.status === 401) window.location.assign(signInPath("/leads/import"));
    return ((await response.json()) as T | null) ?? TRY_AGAIN;
  } catch {
    return TRY_AGAIN;
  }
}


const STATUS_LABELS: Record<ImportRowStatus, string> = { ready: "Ready", invalid: "Will be skipped", duplicate: "Duplicate" };
const STATUS_STYLES: Record<ImportRowStatus, string> = {
  ready: "border-stone-200 bg-white",
  invalid: "border-red-300 bg-red-50",
  duplicate: "border-amber-300 bg-amber-50",
};

/** Upload, preview, confirm: nothing is saved before the seeker confirms what they saw. */
export function ImportFlow() {
  const [state, previewAction] = useActionState(async (_previous: ImportPreviewResult | null, formData: FormData) => {
    // Said at once, without sending megabytes the server would refuse anyway.
    const file = formData.get("file");
    if (file instanceof File && file.size > CSV_MAX_BYTES) {
      return { ok: false as const, message: "The file is too big.", fieldErrors: { file: [CSV_TOO_BIG] } };
    }
    return post<ImportPreviewResult>("/leads/import/upload", file instanceof File ? file : "", "text/csv");
  }, null);
  const fileErrors = state && !state.ok ? errorsFor(state, "file") : [];
  return (
    <div className="space-y-8">
      <form action={previewAction} className="space-y-4" noValidate>
        {state && !state.ok ? <FormMessage state={state} /> : null}
        <div className="space-y-1">
          <label htmlFor="field-file" className="field-label">
            CSV file
          </label>
          <input
            id="field-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-invalid={fileErrors.length > 0 || undefined}
            aria-describedby={fileErrors.length ? "field-file-error" : undefined}
            className="block w-full max-w-full text-base file:mr-3 file:min-h-11 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-4 file:py-2 file:text-sm file:font-semibold"
          />
          <FieldErrors id="field-file-error" errors={fileErrors} />
        </div>
        <SubmitButton pendingText="Reading the file…">Preview import</SubmitButton>
      </form>
      {state?.ok ? <ImportPreviewPanel key={JSON.stringify(state.preview.counts)} preview={state.preview} /> : null}
    </div>
  );
}

function ImportPreviewPanel({ preview }: { preview: ImportPreview }) {
  const router = useRouter();
  const [state, confirmAction] = useActionState(async (_previous: ImportConfirmResult | null, formData: FormData) => {
    const fields = new URLSearchParams([...formData].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    const result = await post<ImportConfirmResult>("/leads/import/confirm", fields, "application/x-www-form-urlencoded");
    if (result.ok) router.push(result.location);
    return result;
  }, null);
  const [includeDuplicates, setIncludeDuplicates] = useState(false);
  const { counts } = preview;
  const toImport = counts.ready + (includeDuplicates ? counts.duplicate : 0);
  return (
    <section aria-labelledby="preview-heading" className="space-y-4">
      <h2 id="preview-heading" className="text-lg font-semibold">
        Preview
      </h2>
      <ul className="list-disc space-y-1 pl-6 text-stone-800">
        <li>{plural(counts.ready, "lead")} ready to import.</li>
        {counts.invalid > 0 ? <li>{plural(counts.invalid, "row")} {byCount(counts.invalid, "has", "have")} problems and will be skipped (see below).</li> : null}
        {counts.duplicate > 0 ? (
          <li>
            {plural(counts.duplicate, "row")} {byCount(counts.duplicate, "duplicates", "duplicate")} a lead you have (or an earlier row):
            skipped unless you choose to import {byCount(counts.duplicate, "it", "them")}.
          </li>
        ) : null}
        {preview.ignoredColumns.length > 0 ? <li>Ignored columns: {preview.ignoredColumns.join(", ")}.</li> : null}
      </ul>

      <form action={confirmAction} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <FormMessage state={state} />
        <input type="hidden" name="rows" value={JSON.stringify(preview.candidates)} />
        {counts.duplicate > 0 ? (
          <label className="flex min-h-11 items-center gap-3 text-sm">
            <input
              type="checkbox"
              name="includeDuplicates"
              value="yes"
              checked={includeDuplicates}
              onChange={(event) => setIncludeDuplicates(event.target.checked)}
              className="size-5"
            />
            Import the duplicates too
          </label>
        ) : null}
        {toImport > 0 ? (
          <SubmitButton pendingText="Importing…">{`Import ${plural(toImport, "lead")}`}</SubmitButton>
        ) : (
          <p className="text-sm text-stone-700">Nothing to import: fix the file and upload it again.</p>
        )}
      </form>

      <ol aria-label="Rows of the file" className="space-y-2">
        {preview.rows.map((row) => (
          <PreviewRow key={row.line} row={row} />
        ))}
      </ol>
    </section>
  );
}

function PreviewRow({ row }: { row: ImportPreviewRow }) {
  const { fields } = row;
  const summary = [fields.contactName, fields.title, fields.email, fields.phone].filter(Boolean).join(" · ");
  return (
    <li className={`rounded-md border p-3 text-sm ${STATUS_STYLES[row.status]}`}>
      <p className="flex flex-wrap gap-x-3">
        <span className="font-semibold">Line {row.line}</span>
        <span className="min-w-0 break-words">{fields.company || "(no company)"}</span>
        <span className="font-medium">{STATUS_LABELS[row.status]}</span>
      </p>
      {summary ? <p className="break-words text-stone-700">{summary}</p> : null}
      {row.problems.length > 0 ? (
        <ul className="mt-1 list-disc pl-5 text-stone-900">
          {row.problems.map((problem) => (
            <li key={problem} className="break-words">
              {problem}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
