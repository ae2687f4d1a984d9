import { ButtonForm } from "@/app/components/button-form";
import { TouchTimeline } from "@/app/components/touch-timeline";
import type { ClientTouch } from "@/db/queries/coach-clients";
import { endClientConnectionAction } from "../../actions";

/** The client's latest touches across their leads, newest first; says so when there are more. */
export function TouchesSection({ timeline, timeZone }: { timeline: { touches: readonly ClientTouch[]; total: number }; timeZone: string }) {
  return (
    <section aria-labelledby="timeline-heading" className="space-y-4">
      <h2 id="timeline-heading" className="text-lg font-semibold">
        Touches, newest first
      </h2>
      {timeline.total > timeline.touches.length ? (
        <p className="text-sm text-stone-600">
          The latest {timeline.touches.length} of {timeline.total}.
        </p>
      ) : null}
      {timeline.touches.length === 0 ? <p className="text-stone-700">No touches yet.</p> : <TouchTimeline touches={timeline.touches} timeZone={timeZone} />}
    </section>
  );
}

export function EndConnectionSection({ seekerId, clientName }: { seekerId: string; clientName: string }) {
  return (
    <section aria-labelledby="end-heading" className="max-w-2xl space-y-3">
      <h2 id="end-heading" className="text-lg font-semibold">
        Connection
      </h2>
      <p className="text-sm text-stone-700">Ending it removes {clientName} from your clients at once. They can invite you again.</p>
      <ButtonForm action={endClientConnectionAction} fields={{ seekerId }} variant="danger" pendingText="Ending…">
        End connection with {clientName}
      </ButtonForm>
    </section>
  );
}
