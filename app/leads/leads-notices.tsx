import { ButtonForm } from "@/app/components/button-form";
import { plural } from "@/lib/format";
import { clearSampleDataAction, loadSampleDataAction } from "./actions";

function countOf(value: string | undefined): number | null {
  return value && /^\d{1,5}$/.test(value) ? Number(value) : null;
}

/** What an import or a deletion just did; the counts come in the address it redirected to. */
export function StatusBanner({ params }: { params: { imported?: string; skipped?: string; deleted?: string } }) {
  const imported = countOf(params.imported);
  const skipped = countOf(params.skipped);
  const deleted = countOf(params.deleted);
  const messages = [
    imported !== null
      ? `Imported ${plural(imported, "lead")}${skipped ? ` (${plural(skipped, "duplicate")} skipped)` : ""}.`
      : null,
    deleted !== null ? `Deleted ${plural(deleted, "lead")}.` : null,
  ].filter(Boolean);
  if (messages.length === 0) return null;
  return (
    <p role="status" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800">
      {messages.join(" ")}
    </p>
  );
}

/** An empty list: the ways to fill it, sample data among them. */
export function NoLeadsSection() {
  return (
    <section aria-labelledby="empty-heading" className="space-y-3 rounded-lg border border-dashed border-stone-300 bg-white p-6">
      <h2 id="empty-heading" className="text-lg font-semibold">
        No leads yet
      </h2>
      <p className="text-stone-700">
        Make a list of about 50 prospective employers: add them one by one, import a CSV file, or try Cadence
        first with a sample campaign you can clear afterwards.
      </p>
      <TrySampleData returnTo="leads" />
    </section>
  );
}

/** One tap loads the sample (Today's empty state and Leads'), and the screen says what came. */
export function TrySampleData({ returnTo }: { returnTo: "today" | "leads" }) {
  return (
    <ButtonForm action={loadSampleDataAction} fields={{ returnTo }} pendingText="Loading the sample…">
      Try with sample data
    </ButtonForm>
  );
}

/**
 * Shown while any lead is a sample one, among the seeker's own or not: "Clear sample data" asks
 * first, then removes the sample leads (and their touches) only.
 */
export function SampleLeadsNotice({ sampleCount, total }: { sampleCount: number; total: number }) {
  const all = sampleCount === total;
  return (
    <section aria-labelledby="sample-heading" className="space-y-2 rounded-lg border border-brand-100 bg-brand-50 p-4">
      <h2 id="sample-heading" className="font-semibold text-brand-800">
        {all ? "These are sample leads" : `${plural(sampleCount, "sample lead")} among your own`}
      </h2>
      <p className="text-sm text-stone-700">
        Their contacts have e-mails at sample.example.com.{" "}
        {all ? "Clear them when you are ready to add your own." : "Clearing them leaves your own leads and touches as they are."}
      </p>
      <ButtonForm
        action={clearSampleDataAction}
        fields={{ returnTo: "leads" }}
        pendingText="Clearing…"
        variant="danger"
        confirm={{
          question: `Remove the ${plural(sampleCount, "sample lead")} and their touches? ${all ? "Your list will be empty." : "Your own leads stay."}`,
          yes: "Yes, clear sample data",
        }}
      >
        Clear sample data
      </ButtonForm>
    </section>
  );
}
