import Link from "next/link";
import { buttonClass } from "@/app/components/button";
import { ButtonForm } from "@/app/components/button-form";
import { TouchTimeline } from "@/app/components/touch-timeline";
import type { ClientTouchRow } from "@/db/queries/leads-page";
import { endClientConnectionAction } from "../../actions";

/** The client's touches across their leads, newest first, 50 at a time, with links to older and back to the newest. */
export function TouchesSection({
  timeline,
  newestHref,
  olderHref,
  timeZone,
}: {
  timeline: { touches: readonly ClientTouchRow[]; total: number };
  newestHref: string | null;
  olderHref: string | null;
  timeZone: string;
}) {
  return (
    <section aria-labelledby="timeline-heading" className="space-y-4">
      <h2 id="timeline-heading" className="text-lg font-semibold">
        Touches, newest first
      </h2>
      {timeline.total > timeline.touches.length ? (
        <p className="text-sm text-stone-600">
          {timeline.touches.length} of {timeline.total} touches{newestHref ? ", older ones" : ", the latest"}.
        </p>
      ) : null}
      {timeline.touches.length === 0 ? <p className="text-stone-700">No touches yet.</p> : <TouchTimeline touches={timeline.touches} timeZone={timeZone} />}
      {newestHref || olderHref ? (
        <nav aria-label="Pages of touches" className="flex flex-wrap gap-2">
          {newestHref ? (
            <Link href={newestHref} className={buttonClass("secondary", "compact")}>
              Newest touches
            </Link>
          ) : null}
          {olderHref ? (
            <Link href={olderHref} className={buttonClass("secondary", "compact")} rel="next">
              Older touches →
            </Link>
          ) : null}
        </nav>
      ) : null}
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
      <ButtonForm
        action={endClientConnectionAction}
        fields={{ seekerId }}
        variant="danger"
        pendingText="Ending…"
        confirm={{
          question: `End the connection with ${clientName}? You stop seeing their progress at once; to connect again, one of you sends a new invitation.`,
          yes: `Yes, end it with ${clientName}`,
        }}
      >
        End connection with {clientName}
      </ButtonForm>
    </section>
  );
}
