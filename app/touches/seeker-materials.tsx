"use client";

import { createContext, useContext } from "react";
import type { MaterialChoice } from "./log-touch-form";

/**
 * The seeker's materials, given once to a list of touch forms (Today) rather than to each of its
 * rows: with a row per lead, a list per row made the page grow with leads times materials.
 */
const SeekerMaterialsContext = createContext<readonly { id: string; title: string }[]>([]);

export function SeekerMaterials({ materials, children }: { materials: readonly { id: string; title: string }[]; children: React.ReactNode }) {
  return <SeekerMaterialsContext.Provider value={materials}>{children}</SeekerMaterialsContext.Provider>;
}

/** The materials a touch form offers: its own list when given one, else the list's, with those this lead already got marked. */
export function useMaterialChoices(own: readonly MaterialChoice[] | undefined, sentIds: readonly string[]): readonly MaterialChoice[] {
  const shared = useContext(SeekerMaterialsContext);
  return own ?? shared.map((material) => ({ id: material.id, title: material.title, alreadySent: sentIds.includes(material.id) }));
}
