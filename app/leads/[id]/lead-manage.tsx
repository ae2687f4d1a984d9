import { ButtonForm } from "@/app/components/button-form";
import type { LeadRecord } from "@/db/queries/leads";
import { formatDay } from "@/lib/format";
import { addDays, type CalendarDate, type LeadPace } from "@/lib/domain";
import { clearNextDueAction, reopenLeadAction, resumeLeadAction } from "../actions";
import { CloseForm, NextDueForm, PauseForm } from "../lead-action-forms";

/** Set or clear the follow-up date, pause or resume, close or reopen. */
export function ManageSection({
  lead,
  pace,
  today,
}: {
  lead: LeadRecord;
  pace: LeadPace;
  today: CalendarDate;
}) {
  return (
    <section aria-labelledby="manage-heading" className="space-y-4">
      <h2 id="manage-heading" className="text-lg font-semibold">
        Manage
      </h2>
      <div className="grid gap-6 md:grid-cols-3">
        {pace.state === "closed" ? (
          <Panel title="Closed">
            <ButtonForm action={reopenLeadAction} fields={{ leadId: lead.id }} pendingText="Reopening…">
              Reopen
            </ButtonForm>
          </Panel>
        ) : (
          <>
            <Panel title="Follow-up date">
              <NextDueForm leadId={lead.id} today={today} current={pace.reason === "hand_set" ? lead.nextDueOverride : null} />
              {lead.nextDueOverride ? (
                <ButtonForm action={clearNextDueAction} fields={{ leadId: lead.id }}>
                  Clear the date set by hand
                </ButtonForm>
              ) : null}
            </Panel>
            <Panel title="Pause">
              <PauseForm
                leadId={lead.id}
                tomorrow={addDays(today, 1)}
                pausedUntil={pace.state === "paused" && lead.pausedUntil ? formatDay(lead.pausedUntil) : null}
                resume={
                  <ButtonForm action={resumeLeadAction} fields={{ leadId: lead.id }} pendingText="Resuming…">
                    Resume now
                  </ButtonForm>
                }
              />
            </Panel>
            <Panel title="Close">
              <CloseForm leadId={lead.id} />
            </Panel>
          </>
        )}
      </div>
    </section>
  );
}

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <h3 className="font-semibold">{title}</h3>
      {children}
    </div>
  );
}
