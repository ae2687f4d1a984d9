import { redirect } from "next/navigation";
import { db } from "@/db/client";
import { listTouchLogForExport } from "@/db/queries/leads";
import { currentUser } from "@/lib/server/auth/session";
import { csvDownload } from "@/lib/csv/download";
import { exportFileName, touchLogToCsv } from "@/lib/csv/export";
import { todayIn } from "@/lib/domain";
import { toLocalDateTime } from "@/lib/today/local-time";
import { CHANNEL_LABELS, OUTCOME_LABELS } from "@/lib/today/labels";

/** Every touch of the seeker as CSV, oldest first, dates in the seeker's zone. */
export async function GET() {
  const user = await currentUser();
  if (!user) redirect("/sign-in?next=%2Fleads");
  const touches = await listTouchLogForExport(db(), { userId: user.id });
  const csv = touchLogToCsv(
    touches.map((touch) => ({
      when: toLocalDateTime(touch.at, user.timeZone).replace("T", " "),
      company: touch.company,
      contact: touch.contactName,
      channel: CHANNEL_LABELS[touch.channel],
      direction: touch.direction === "outbound" ? "Outbound" : "Inbound",
      outcome: touch.outcome ? OUTCOME_LABELS[touch.outcome] : "",
      note: touch.note,
      material: touch.materialTitle ?? "",
    })),
  );
  return csvDownload(csv, exportFileName("touches", todayIn(new Date(), user.timeZone)));
}
