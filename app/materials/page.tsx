import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/db/client";
import { listMaterialsWithRecipients } from "@/db/queries/materials";
import { requireUser } from "@/lib/server/auth/session";
import { formatInstant, plural } from "@/lib/format";
import { requestHourCycle } from "@/lib/server/hour-cycle";

import { MaterialForm } from "./material-forms";

export const metadata: Metadata = { title: "Materials" };

export default async function MaterialsPage({ searchParams }: { searchParams: Promise<{ saved?: string; deleted?: string }> }) {
  const user = await requireUser();
  const hourCycle = await requestHourCycle();
  const { saved, deleted } = await searchParams;
  const library = await listMaterialsWithRecipients(db(), { userId: user.id });
  const status = saved ? "Material saved." : deleted ? "Material deleted." : null;
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">Materials</h1>
        <p className="text-stone-700">
          Something valuable to send with a follow-up: an article, a report, your portfolio. Cadence remembers who got
          what, so nothing goes twice by mistake.
        </p>
        {status ? (
          <p role="status" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800">
            {status}
          </p>
        ) : null}
      </div>

      <section aria-labelledby="library-heading" className="space-y-3">
        <h2 id="library-heading" className="text-lg font-semibold">
          Your library
        </h2>
        {library.length === 0 ? (
          <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-stone-700">No materials yet: add the first one below.</p>
        ) : (
          <ul className="space-y-3">
            {library.map((material) => (
              <li key={material.id} className="space-y-2 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <h3 className="font-semibold break-words">
                    {material.url ? (
                      <a href={material.url} rel="noopener noreferrer" className="text-brand-700 underline">
                        {material.title}
                      </a>
                    ) : (
                      material.title
                    )}
                  </h3>
                  {material.topic ? <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs font-semibold text-stone-800">{material.topic}</span> : null}
                  <Link href={`/materials/${material.id}/edit`} className="ml-auto inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline">
                    Edit<span className="sr-only"> {material.title}</span>
                  </Link>
                </div>
                {material.recipients.length === 0 ? (
                  <p className="text-sm text-stone-600">Not sent to anyone yet.</p>
                ) : (
                  <div className="text-sm">
                    <p className="text-stone-600">Sent to {plural(material.recipients.length, "lead")}:</p>
                    <ul className="mt-1 space-y-1">
                      {material.recipients.map((recipient) => (
                        <li key={recipient.leadId} className="break-words">
                          <Link href={`/leads/${recipient.leadId}`} className="font-medium text-brand-700 underline">
                            {recipient.company}
                          </Link>
                          {recipient.contactName ? ` (${recipient.contactName})` : ""}
                          <span className="text-stone-600"> · first {formatInstant(recipient.sentAt, user.timeZone, hourCycle)}</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="add-heading" className="max-w-xl space-y-3">
        <h2 id="add-heading" className="text-lg font-semibold">
          Add a material
        </h2>
        <MaterialForm />
      </section>
    </div>
  );
}
