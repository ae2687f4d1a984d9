"use client";

import { createContext } from "react";
import type { ActionState } from "@/lib/actions";

/**
 * Provided by a row of a list that holds a row being logged in place (Today): a touch form calls
 * `begin` as it is submitted (the row stays where it is, whatever the list does meanwhile) and
 * `end` with the answer (saved: the row shows "Logged … · Undo" for a few seconds; refused: it is
 * let go at once).
 */
export type TouchLogging = { begin: () => void; end: (result: ActionState) => void };

export const TouchLoggedContext = createContext<TouchLogging | null>(null);
