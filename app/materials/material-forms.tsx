"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/components/form";
import type { Material } from "@/db/queries/materials";
import { createMaterialAction, deleteMaterialAction, updateMaterialAction } from "./actions";
import { buttonClass } from "@/app/components/button";

/** Add a material (no `material`) or edit one. */
export function MaterialForm({ material }: { material?: Material }) {
  const [state, action] = useActionState(material ? updateMaterialAction : createMaterialAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {material ? <input type="hidden" name="materialId" value={material.id} /> : null}
      <Field label="Title" name="title" state={state} defaultValue={material?.title ?? ""} required maxLength={200} />
      <Field
        label="Link (optional)"
        name="url"
        type="url"
        state={state}
        defaultValue={material?.url ?? ""}
        maxLength={2000}
        hint="Like www.example.com/portfolio or https://…"
      />
      <Field label="Topic (optional)" name="topic" state={state} defaultValue={material?.topic ?? ""} maxLength={100} hint="For example: industry news, case study." />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingText="Saving…">{material ? "Save material" : "Add material"}</SubmitButton>
        {material ? (
          <Link href="/materials" className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 underline">
            Cancel
          </Link>
        ) : null}
      </div>
    </form>
  );
}

/** Delete in two steps, without a browser dialog: "Delete…" shows the confirmation button. */
export function DeleteMaterialForm({ material }: { material: Material }) {
  const [state, action] = useActionState(deleteMaterialAction, null);
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className="inline-flex min-h-11 items-center rounded-md border border-red-300 bg-white px-4 py-2 text-sm font-semibold text-red-800 hover:bg-red-50"
      >
        Delete material…
      </button>
    );
  }
  return (
    <form action={action} className="space-y-3 rounded-md border border-red-200 bg-red-50 p-3">
      <FormMessage state={state} />
      <input type="hidden" name="materialId" value={material.id} />
      <p className="text-sm text-red-900">
        Delete “{material.title}”? Touches that carried it keep their notes but no longer name it.
      </p>
      <div className="flex flex-wrap gap-3">
        <SubmitButton variant="danger" pendingText="Deleting…">
          Yes, delete
        </SubmitButton>
        <button
          type="button"
          onClick={() => setConfirming(false)}
          className={buttonClass("secondary")}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
