import { buttonClass } from "@/app/components/button";

/** Settings › Your data: one archive of everything the account holds. */
export function DataExportSection() {
  return (
    <section id="your-data" aria-labelledby="your-data-heading" className="scroll-mt-4 space-y-4">
      <h2 id="your-data-heading" className="text-lg font-semibold">
        Your data
      </h2>
      <p className="text-sm text-stone-700">
        One zip file with everything your account holds: your leads, touches, materials, coach notes (to you and from you), settings and
        coach connections, each as a spreadsheet (CSV) and as JSON.
      </p>
      {/* A plain link: the browser downloads the file while it is written. */}
      <a href="/settings/export" download className={buttonClass("secondary")}>
        Download all my data
      </a>
    </section>
  );
}
