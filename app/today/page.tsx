import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Today" };

export default async function TodayPage() {
  const user = await requireUser();
  const today = new Intl.DateTimeFormat("en-GB", { timeZone: user.timeZone, dateStyle: "full" }).format(new Date());
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Today</h1>
        <p className="text-stone-600">
          Hello, {user.name}. It is {today} in {user.timeZone.replaceAll("_", " ")}.
        </p>
      </div>
      <section className="rounded-lg border border-dashed border-stone-300 bg-white p-6">
        <h2 className="text-lg font-semibold">Nothing to follow up yet</h2>
        <p className="mt-2 text-stone-700">
          Your leads and their pace will appear here. Meanwhile, check that your{" "}
          <Link href="/settings" className="font-medium text-brand-700 underline">
            time zone and profile
          </Link>{" "}
          are right.
        </p>
      </section>
    </div>
  );
}
