import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth/session";
import { CSV_MAX_ROWS } from "@/lib/csv/limits";
import { ImportFlow } from "./import-flow";

export const metadata: Metadata = { title: "Import leads" };

export default async function ImportLeadsPage() {
  await requireUser();
  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link href="/leads" className="text-sm font-medium text-brand-700 underline">
          ← Leads
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Import leads from a CSV file</h1>
      <div className="space-y-2 text-stone-700">
        <p>
          One lead a row, with a header row naming the columns: <strong>Company</strong> (needed), Contact name, Title,
          E-mail, Phone, LinkedIn URL, Notes. Usual spellings work too (Organisation, Employer, Name, Email address,
          Mobile, LinkedIn…); other columns are ignored.
        </p>
        <p>
          Up to 5 MB and {CSV_MAX_ROWS.toLocaleString("en")} rows. You will see every row first: nothing is saved until
          you confirm, and then all the rows are saved together.
        </p>
      </div>
      <ImportFlow />
    </div>
  );
}
