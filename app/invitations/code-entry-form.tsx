import { buttonClass } from "@/app/components/button";
import { CODE_LENGTH } from "@/lib/coach/invitations";

/**
 * Where a seeker types the code their coach gave them: a plain GET to /invitations, which looks it
 * up (counting wrong guesses) and shows who is asking and what they would see, before anything is shared.
 */
export function CodeEntryForm({ id = "settings-code" }: { id?: string }) {
  return (
    <form action="/invitations" method="get" className="space-y-3" noValidate>
      <div className="space-y-1">
        <label htmlFor={id} className="field-label">
          Code from your coach
        </label>
        <input
          id={id}
          name="code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          aria-describedby={`${id}-hint`}
          className="input font-mono uppercase tracking-widest"
        />
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {CODE_LENGTH} letters and digits, like ABCD-2345. You see who is asking and what they would see before you decide.
        </p>
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        Find invitation
      </button>
    </form>
  );
}
