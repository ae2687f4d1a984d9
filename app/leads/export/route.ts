import { redirect } from "next/navigation";
import { db } from "@/db/client";
import { listLeadsForExport } from "@/db/queries/leads";
import { currentUser } from "@/lib/server/auth/session";
import { csvDownload } from "@/lib/csv/download";
import { exportFileName, leadsToCsv } from "@/lib/csv/export";
import { todayIn } from "@/lib/domain";

/** The seeker's leads as CSV, in the columns import reads back. */
export async function GET() {
  const user = await currentUser();
  if (!user) redirect("/sign-in?next=%2Fleads");
  const leads = await listLeadsForExport(db(), { userId: user.id });
  return csvDownload(leadsToCsv(leads), exportFileName("leads", todayIn(new Date(), user.timeZone)));
}
