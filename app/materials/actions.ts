"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { db } from "@/db/client";
import { createMaterial, deleteMaterial, updateMaterial } from "@/db/queries/materials";
import { formValues, invalid, type ActionResult, type ActionState } from "@/lib/actions";
import { requireUser } from "@/lib/server/auth/session";
import { isUuid } from "@/lib/ids";
import { MATERIAL_FIELDS, materialSchema } from "@/lib/materials/schemas";

function materialIdOf(formData: FormData): string {
  const materialId = formData.get("materialId");
  if (!isUuid(materialId)) notFound();
  return materialId;
}

export async function createMaterialAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const values = formValues(formData, MATERIAL_FIELDS);
  const parsed = materialSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  await createMaterial(db(), { userId: user.id, material: parsed.data });
  revalidatePath("/", "layout");
  return { ok: true, message: `Added “${parsed.data.title}”.` };
}

export async function updateMaterialAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const materialId = materialIdOf(formData);
  const values = formValues(formData, MATERIAL_FIELDS);
  const parsed = materialSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  if (!(await updateMaterial(db(), { userId: user.id, materialId, material: parsed.data }))) notFound();
  revalidatePath("/", "layout");
  redirect("/materials?saved=1");
}

export async function deleteMaterialAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const materialId = materialIdOf(formData);
  if (!(await deleteMaterial(db(), { userId: user.id, materialId }))) notFound();
  revalidatePath("/", "layout");
  redirect("/materials?deleted=1");
}
