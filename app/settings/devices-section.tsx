import { db } from "@/db/client";
import { listSessions } from "@/db/queries/sessions";
import { formatInstant } from "@/lib/format";
import { requestHourCycle } from "@/lib/server/hour-cycle";

import { requireUser } from "@/lib/server/auth/session";
import { SubmitButton } from "@/app/components/form";
import { ButtonForm } from "@/app/components/button-form";
import { signOutDeviceAction, signOutEverywhereAction } from "./actions";

/** Settings › Devices signed in: one row per sign-in, each can be signed out, or all at once. */
export async function DevicesSection() {
  const user = await requireUser();
  const hourCycle = await requestHourCycle();
  const devices = await listSessions(db(), { userId: user.id });
  return (
    <section id="devices" aria-labelledby="devices-heading" className="scroll-mt-4 space-y-4">
      <h2 id="devices-heading" className="text-lg font-semibold">
        Devices signed in
      </h2>
      <ul className="space-y-3">
        {devices.map((device) => {
          const here = device.id === user.sessionId;
          return (
            <li key={device.id} className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
              <p>
                <strong>{device.device}</strong>
                {here ? <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-sm font-medium text-brand-800">This device</span> : null}
              </p>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm text-stone-700">
                <dt>Signed in</dt>
                <dd>
                  {formatInstant(device.createdAt, user.timeZone, hourCycle)} <span className="break-all">from {device.address}</span>
                </dd>
                <dt>Last seen</dt>
                <dd>{formatInstant(device.lastSeenAt, user.timeZone, hourCycle)}</dd>
              </dl>
              <ButtonForm action={signOutDeviceAction} fields={{ sessionId: device.id }} pendingText="Signing out…">
                {here ? "Sign out this device" : `Sign out ${device.device}`}
              </ButtonForm>
            </li>
          );
        })}
      </ul>
      <p className="text-sm text-stone-700">
        Signed in on a shared or lost device? This signs you out on every device, this one included.
      </p>
      <form action={signOutEverywhereAction}>
        <SubmitButton variant="danger" pendingText="Signing out…">
          Sign out everywhere
        </SubmitButton>
      </form>
    </section>
  );
}
