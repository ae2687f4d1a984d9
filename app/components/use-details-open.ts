"use client";

import { useEffect, useRef, useState, type SyntheticEvent } from "react";

/**
 * Whether a <details> is open, to draw its contents only once it is: a form folded in every row of a
 * list (a lead's timeline, Today) would otherwise be rendered, sent and hydrated for each row, opened
 * or not. Spread `details` on the element.
 */
export function useDetailsOpen() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDetailsElement>(null);
  // Opened by a tap before the page's script ran: its toggle event came before React listened.
  useEffect(() => {
    if (ref.current?.open) setOpen(true);
  }, []);
  return {
    open,
    details: { ref, onToggle: (event: SyntheticEvent<HTMLDetailsElement>) => setOpen(event.currentTarget.open) },
  };
}
