import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/server/auth/session";
import { homePath } from "@/lib/settings/uses";

export default async function LandingPage() {
  const user = await currentUser();
  if (user) redirect(homePath(user));
  return (
    <div className="mx-auto max-w-2xl space-y-8 py-8">
      <section className="space-y-4">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Follow up on pace, not by luck.</h1>
        <p className="text-lg text-stone-700">
          Cadence keeps a job seeker&apos;s follow-ups on pace: about once a week with each contact, never so often that
          you become a nuisance, by phone as well as e-mail. It plans your campaign of first contacts, one a day, and
          lets your career coach see how it goes.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/sign-up" className="rounded-md bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800">
            Create your account
          </Link>
          <Link href="/sign-in" className="rounded-md border border-stone-300 bg-white px-4 py-3 font-semibold hover:bg-stone-100">
            Sign in
          </Link>
        </div>
      </section>
      <section aria-labelledby="how" className="space-y-3">
        <h2 id="how" className="text-xl font-semibold">
          How it works
        </h2>
        <ul className="list-disc space-y-2 pl-5 text-stone-700">
          <li>Today shows who to call or write to: planned first contacts, follow-ups due, and the ones slipping away.</li>
          <li>Each lead keeps its pace: due, overdue, or cold when a follow-up was missed for more than a week.</li>
          <li>A warning before you contact someone again too soon, and a nudge to pick up the phone.</li>
          <li>Your coach, with your consent, sees your progress and can leave you a note.</li>
        </ul>
      </section>
    </div>
  );
}
