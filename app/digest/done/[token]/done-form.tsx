"use client";

import { useActionState, useEffect, useRef } from "react";
import { FieldErrors, FormMessage, SubmitButton, errorsFor, valueFor } from "@/app/components/form";
import { CHANNELS, type Channel } from "@/lib/domain/pace";
import { CHANNEL_LABELS } from "@/lib/today/labels";
import { logDigestTouchAction } from "../../actions";

/** The one button of a "Done" page, with the channel (the suggested one unless changed) and the too-soon question. */
export function DoneForm({ token, suggested }: { token: string; suggested: Channel }) {
  const [state, action] = useActionState(logDigestTouchAction, null);
  const tooSoon = errorsFor(state, "confirmTooSoon").length > 0;
  const answer = useRef<HTMLDivElement>(null);
  // The answer (logged, too soon, a problem) takes the focus, so it is read out and seen on a phone.
  useEffect(() => {
    if (state) answer.current?.focus();
  }, [state]);
  const logged = state?.ok === true;
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="confirmTooSoon" value={tooSoon ? "yes" : ""} />
      <div ref={answer} tabIndex={-1} className="outline-none">
        <FormMessage state={state} />
      </div>
      {logged ? null : (
        <>
          <div className="space-y-1">
            <label htmlFor="done-channel" className="field-label">
              How did you make contact?
            </label>
            <select
              id="done-channel"
              name="channel"
              defaultValue={valueFor(state, "channel", suggested)}
              className="input min-h-11"
            >
              {CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {CHANNEL_LABELS[channel]}
                  {channel === suggested ? " (suggested)" : ""}
                </option>
              ))}
            </select>
            <FieldErrors id="done-channel-error" errors={errorsFor(state, "channel")} />
          </div>
          <SubmitButton pendingText="Logging…">{tooSoon ? "Save anyway" : "Done: log the touch"}</SubmitButton>
        </>
      )}
    </form>
  );
}
