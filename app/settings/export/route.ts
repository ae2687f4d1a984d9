import { redirect } from "next/navigation";
import { db } from "@/db/client";
import { archiveFileName } from "@/lib/account/export";
import { todayIn } from "@/lib/domain";
import { accountArchive } from "@/lib/server/account-export";
import { currentUser } from "@/lib/server/auth/session";

/** "Download all my data": the signed-in user's archive, streamed as it is read (lib/server/account-export.ts). */
export async function GET() {
  const user = await currentUser();
  if (!user) redirect("/sign-in?next=%2Fsettings");
  const now = new Date();
  const archive = await accountArchive(db(), { userId: user.id, now });
  if (!archive) redirect("/sign-in?next=%2Fsettings");
  return new Response(archive, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${archiveFileName(todayIn(now, user.timeZone))}"`,
      // It holds the person's data: never kept by a cache on the way.
      "Cache-Control": "private, no-store",
    },
  });
}
