import { requestHourCycle } from "@/lib/server/hour-cycle";
import Link from "next/link";
import { TouchTimeline } from "@/app/components/touch-timeline";
import type { LeadRecord, TimelineTouch } from "@/db/queries/leads";
import type { MaterialChoice } from "@/app/touches/log-touch-form";
import { formatDay, formatInstant } from "@/lib/format";
import { CHANNEL_LABELS } from "@/lib/today/labels";
import { TouchCorrection } from "./touch-correction";

/** Every touch with this lead, newest first, each of which can be corrected or deleted. */
export async function TimelineSection({
  lead,
  touches,
  timeZone,
  materials,
}: {
  lead: LeadRecord;
  touches: readonly TimelineTouch[];
  timeZone: string;
  materials: readonly MaterialChoice[];
}) {
  const hourCycle = await requestHourCycle();
  return (
    <section aria-labelledby="timeline-heading" className="space-y-3">
      <h2 id="timeline-heading" className="text-lg font-semibold">
        Timeline
      </h2>
      {touches.length === 0 ? (
        <p className="text-stone-700">No touch yet{lead.plannedFirstContact ? `: first contact planned for ${formatDay(lead.plannedFirstContact)}` : ""}.</p>
      ) : (
        <TouchTimeline
          touches={touches}
          timeZone={timeZone}
          actions={(touch) => (
            <TouchCorrection
              touch={touch}
              label={`${CHANNEL_LABELS[touch.channel]}, ${formatInstant(touch.at, timeZone, hourCycle)}`}
              company={lead.company}
              materials={materials}
              timeZone={timeZone}
            />
          )}
        />
      )}
    </section>
  );
}

/** Each material the lead got, once, with the first time it was sent. */
function materialsReceived(touches: readonly TimelineTouch[]) {
  const received = new Map<string, { id: string; title: string; url: string; at: Date }>();
  for (const touch of [...touches].reverse()) {
    if (touch.material && !received.has(touch.material.id)) received.set(touch.material.id, { ...touch.material, at: touch.at });
  }
  return [...received.values()];
}

export async function MaterialsSentSection({ touches, timeZone }: { touches: readonly TimelineTouch[]; timeZone: string }) {
  const hourCycle = await requestHourCycle();
  const received = materialsReceived(touches);
  return (
    <section aria-labelledby="materials-heading" className="space-y-3">
      <h2 id="materials-heading" className="text-lg font-semibold">
        Materials sent
      </h2>
      {received.length === 0 ? (
        <p className="text-stone-700">
          None yet. Something valuable (an article, a report) makes a follow-up worth reading:{" "}
          <Link href="/materials" className="font-medium text-brand-700 underline">
            your materials
          </Link>
          .
        </p>
      ) : (
        <ul className="space-y-1 text-sm">
          {received.map((material) => (
            <li key={material.id} className="break-words">
              {material.url ? (
                <a href={material.url} rel="noopener noreferrer" className="font-medium text-brand-700 underline">
                  {material.title}
                </a>
              ) : (
                <span className="font-medium">{material.title}</span>
              )}{" "}
              <span className="text-stone-600">(first sent {formatInstant(material.at, timeZone, hourCycle)})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
