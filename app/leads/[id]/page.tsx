import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LogTouchForm } from "@/app/touches/log-touch-form";
import { db } from "@/db/client";
import { getLeadDetail } from "@/db/queries/leads";
import { listMaterialsForLead } from "@/db/queries/materials";
import { requireUser } from "@/lib/server/auth/session";
import { leadPace, suggestChannelFor, todayIn } from "@/lib/domain";
import { LeadHeader } from "./lead-header";
import { ContactSection, PaceSection } from "./lead-facts";
import { MaterialsSentSection, TimelineSection } from "./lead-history";
import { ManageSection } from "./lead-manage";

export const metadata: Metadata = { title: "Lead" };

export default async function LeadPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const { saved } = await searchParams;
  const detail = await getLeadDetail(db(), { userId: user.id, leadId: id });
  if (!detail) notFound();
  const { lead, touches, contactDays } = detail;
  const materials = await listMaterialsForLead(db(), { userId: user.id, leadId: lead.id });

  const now = new Date();
  const today = todayIn(now, user.timeZone);
  // The one pace rule of every screen (Today, the list, the digest, the coach): stored local dates,
  // thank-yous on the next contact day, replies owed, a paused lead due on its return day.
  const pace = leadPace({ ...lead, touches }, { now, timeZone: user.timeZone, contactDays });
  // Only a channel the lead has details for (a number to call, an address to write to, a profile).
  const suggested = suggestChannelFor(touches, lead);

  return (
    <div className="space-y-8">
      <LeadHeader lead={lead} pace={pace} saved={saved} />
      <div className="grid gap-8 lg:grid-cols-2">
        <ContactSection lead={lead} />
        <PaceSection lead={lead} pace={pace} suggested={suggested} />
      </div>
      {pace.state !== "closed" ? (
        <section aria-labelledby="log-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="log-heading" className="text-lg font-semibold">
            Log a touch
          </h2>
          <LogTouchForm lead={{ id: lead.id, company: lead.company }} timeZone={user.timeZone} materials={materials} suggestedChannel={suggested ?? undefined} />
        </section>
      ) : null}
      <ManageSection lead={lead} pace={pace} today={today} />
      <TimelineSection lead={lead} touches={touches} timeZone={user.timeZone} materials={materials} />
      <MaterialsSentSection touches={touches} timeZone={user.timeZone} />
    </div>
  );
}
