"use client";

import { createContext } from "react";

/**
 * Provided by a list that shows a touch as logged at once (Today): the log form calls it, inside
 * its action's transition, with the lead's id. React's useOptimistic then undoes the move by
 * itself if the touch was not saved (too soon, error).
 */
export const TouchLoggedContext = createContext<((leadId: string) => void) | null>(null);
