"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/app/components/form";
import { byCount, plural } from "@/lib/format";
import type { MatchingFilter } from "@/lib/leads/page-query";
import { deleteLeadsAction } from "../actions";

/** Ticked leads go by id; "every lead matching" goes as the filter, read again when deleting. */
export type DeleteSelection = { leadIds: string[] } | { matching: MatchingFilter };

export function DeleteLeadsForm({ selection, count, cancelHref }: { selection: DeleteSelection; count: number; cancelHref: string }) {
  const [state, action] = useActionState(deleteLeadsAction, null);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      {"matching" in selection ? (
        <>
          <input type="hidden" name="scope" value="matching" />
          <input type="hidden" name="state" value={selection.matching.state} />
          <input type="hidden" name="q" value={selection.matching.search} />
        </>
      ) : (
        selection.leadIds.map((id) => <input key={id} type="hidden" name="leadId" value={id} />)
      )}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton variant="danger" pendingText="Deleting…">
          {byCount(count, "Yes, delete", `Yes, delete ${plural(count, "lead")}`)}
        </SubmitButton>
        <Link href={cancelHref} className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 underline">
          No, keep {byCount(count, "it", "them")}
        </Link>
      </div>
    </form>
  );
}
