"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/app/components/form";
import { dismissCoachNoteAction } from "./actions";

export function DismissNoteForm({ noteId }: { noteId: string }) {
  const [, action] = useActionState(dismissCoachNoteAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="noteId" value={noteId} />
      <SubmitButton variant="secondary" pendingText="Dismissing…">
        Dismiss
      </SubmitButton>
    </form>
  );
}
