import type { Metadata } from "next";
import { requireUser } from "@/lib/server/auth/session";
import { formatInstant } from "@/lib/format";
import { requestHourCycle } from "@/lib/server/hour-cycle";

import { listTimeZones } from "@/lib/time-zone";
import { db } from "@/db/client";
import { getSeekerSettings } from "@/db/queries/campaign";
import { getLastPaceCheck } from "@/db/queries/pace-job";
import { CalendarFeedSection } from "./calendar-feed-section";
import { CampaignForm } from "./campaign-form";
import { CoachSection } from "./coach-section";
import { DataExportSection } from "./data-export-section";
import { DeleteAccountSection } from "./delete-account-section";
import { DevicesSection } from "./devices-section";
import { DigestSection } from "./digest-section";
import { EmailSection } from "./email-section";
import { PasswordForm, ProfileForm, UsesForm } from "./settings-forms";
import { choiceOf } from "@/lib/settings/uses";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ password?: string }> }) {
  const user = await requireUser();
  const hourCycle = await requestHourCycle();
  const { password } = await searchParams;
  const [seekerSettings, lastPaceCheck] = await Promise.all([
    getSeekerSettings(db(), { userId: user.id }),
    getLastPaceCheck(db()),
  ]);
  return (
    <div className="max-w-xl space-y-10">
      <h1 className="text-2xl font-bold">Settings</h1>
      <section aria-labelledby="profile-heading" className="space-y-4">
        <h2 id="profile-heading" className="text-lg font-semibold">
          Profile
        </h2>
        <p className="text-sm text-stone-600">Signed in as {user.email}</p>
        <ProfileForm name={user.name} timeZone={user.timeZone} timeZones={listTimeZones()} />
      </section>
      <section id="uses" aria-labelledby="uses-heading" className="scroll-mt-4 space-y-4">
        <h2 id="uses-heading" className="text-lg font-semibold">
          What you use Cadence for
        </h2>
        <p className="text-sm text-stone-700">The menu shows the screens of what you choose; you can change it at any time.</p>
        <UsesForm current={choiceOf(user)} />
      </section>
      {seekerSettings ? (
        <section id="campaign" aria-labelledby="campaign-heading" className="scroll-mt-4 space-y-4">
          <h2 id="campaign-heading" className="text-lg font-semibold">
            Campaign
          </h2>
          <p className="text-sm text-stone-700">
            Your leads get a first-contact day each, one a day, in the order of your list.
          </p>
          <CampaignForm settings={seekerSettings} />
          <p className="text-sm text-stone-600">
            {lastPaceCheck
              ? `Your leads were last checked for cold follow-ups on ${formatInstant(lastPaceCheck, user.timeZone, hourCycle)}. The check runs every hour.`
              : "Your leads have not been checked for cold follow-ups yet. The check runs every hour."}
          </p>
        </section>
      ) : null}
      <EmailSection />
      <DigestSection />
      <CalendarFeedSection />
      <CoachSection />
      <section aria-labelledby="password-heading" className="space-y-4">
        <h2 id="password-heading" className="text-lg font-semibold">
          Password
        </h2>
        {password === "changed" ? (
          <p role="status" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800">
            Password changed. Your other devices have been signed out.
          </p>
        ) : null}
        <PasswordForm />
      </section>
      <DevicesSection />
      <DataExportSection />
      <DeleteAccountSection />
    </div>
  );
}
