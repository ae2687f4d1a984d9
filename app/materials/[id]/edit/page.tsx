import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { getMaterial } from "@/db/queries/materials";
import { requireUser } from "@/lib/server/auth/session";
import { DeleteMaterialForm, MaterialForm } from "../../material-forms";

export const metadata: Metadata = { title: "Edit material" };

export default async function EditMaterialPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const material = await getMaterial(db(), { userId: user.id, materialId: id });
  if (!material) notFound();
  return (
    <div className="max-w-xl space-y-6">
      <p>
        <Link href="/materials" className="text-sm font-medium text-brand-700 underline">
          ← Materials
        </Link>
      </p>
      <h1 className="text-2xl font-bold break-words">Edit {material.title}</h1>
      <MaterialForm material={material} />
      <section aria-labelledby="delete-heading" className="space-y-3 border-t border-stone-200 pt-6">
        <h2 id="delete-heading" className="text-lg font-semibold">
          Delete
        </h2>
        <DeleteMaterialForm material={material} />
      </section>
    </div>
  );
}
