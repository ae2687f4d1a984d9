import { useFormStatus } from "react-dom";
import { buttonClass } from "@/app/components/button";
import { errorsFor, FieldErrors } from "@/app/components/form";
import type { ActionState } from "@/lib/actions";
import { CHANNELS, type Channel } from "@/lib/domain";
import { CHANNEL_LABELS } from "@/lib/today/labels";

/** One button per channel: pressing one saves the touch; the suggested one stands out. */
export function ChannelButtons({
  id,
  state,
  company,
  suggestedChannel,
}: {
  id: string;
  state: ActionState;
  company: string;
  suggestedChannel?: Channel;
}) {
  const { pending } = useFormStatus();
  return (
    <fieldset aria-describedby={suggestedChannel ? `${id}-suggestion` : undefined}>
      <legend className="channels-legend">
        Log a touch<span className="sr-only"> with {company}</span>
      </legend>
      {suggestedChannel ? (
        <p id={`${id}-suggestion`} className="channels-hint">
          Suggested next: <strong>{CHANNEL_LABELS[suggestedChannel]}</strong>
        </p>
      ) : null}
      <div className="channels">
        {CHANNELS.map((channel) => channelButton({ channel, variant: channel === suggestedChannel ? "primary" : "secondary", pending, label: CHANNEL_LABELS[channel] }))}
      </div>
      <FieldErrors id={`${id}-channel-error`} errors={errorsFor(state, "channel")} />
    </fieldset>
  );
}

/** The warnings a touch may need confirmed before it is saved, each a hidden "yes" field once given. */
export const TOUCH_CONFIRMATIONS = ["confirmTooSoon", "confirmMaterialAgain"] as const;

/** The warning the server answered with, if any (the first not yet confirmed). */
export function pendingConfirmation(state: ActionState): (typeof TOUCH_CONFIRMATIONS)[number] | null {
  if (state === null || state.ok) return null;
  return TOUCH_CONFIRMATIONS.find((name) => name in state.fieldErrors) ?? null;
}

/**
 * A warning before saving (too soon, a material sent again): save the same touch anyway, or cancel.
 * Confirmations already given for this touch are sent again, so one touch is asked each thing once.
 */
export function ConfirmPrompt({ state, channel, onCancel }: { state: ActionState; channel: string; onCancel: () => void }) {
  const { pending } = useFormStatus();
  const asking = pendingConfirmation(state);
  if (state === null || state.ok || asking === null) return null;
  const confirmed = TOUCH_CONFIRMATIONS.filter((name) => name === asking || state.values?.[name] === "yes");
  return (
    <div role="alert" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-medium">{state.message}</p>
      {confirmed.map((name) => (
        <input key={name} type="hidden" name={name} value="yes" />
      ))}
      <div className="flex flex-wrap gap-2">
        {channelButton({ channel, variant: "primary", pending, label: asking === "confirmMaterialAgain" ? "Send it again" : "Save anyway" })}
        <button type="button" onClick={onCancel} className={buttonClass("secondary")}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/**
 * A submit button that carries its channel, disabled while its form is sending (`pending`, the
 * form's status read once by the caller). A plain function, not a component: Today draws six a row.
 */
function channelButton({ channel, variant, pending, label }: { channel: string; variant: "primary" | "secondary"; pending: boolean; label: string }) {
  return (
    <button key={channel} type="submit" name="channel" value={channel} disabled={pending} className={buttonClass(variant, "compact")}>
      {label}
    </button>
  );
}
