import { buttonClass } from "@/app/components/button";

/** Downloads of the whole list and of every touch, as CSV. */
export function ExportSection() {
  return (
    <section aria-labelledby="export-heading" className="space-y-2">
      <h2 id="export-heading" className="text-base font-semibold">
        Export
      </h2>
      <div className="flex flex-wrap gap-2">
        <a href="/leads/export" download className={buttonClass("secondary")}>
          Export leads (CSV)
        </a>
        <a href="/leads/export-touches" download className={buttonClass("secondary")}>
          Export touch log (CSV)
        </a>
      </div>
    </section>
  );
}
