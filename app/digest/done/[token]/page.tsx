import type { Metadata } from "next";
import Link from "next/link";
import { LinkProblem } from "@/app/(auth)/link-problem";
import { db } from "@/db/client";
import { findDoneLink } from "@/db/queries/digest";
import { DIGEST_LINK_PROBLEMS } from "@/lib/digest/links";
import { formatLongDate, telHref } from "@/lib/format";
import { currentUser } from "@/lib/server/auth/session";
import { DoneForm } from "./done-form";

export const metadata: Metadata = { title: "Log the touch", referrer: "no-referrer" };

const linkClass = "inline-flex min-h-11 items-center font-medium text-brand-700 underline hover:text-brand-800";

/** A digest's "Done" link: opening it only shows the lead and the button (mail scanners open links). */
export default async function DigestDonePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const viewer = await currentUser();
  const link = await findDoneLink(db(), { token, signedInUserId: viewer?.id ?? null, now: new Date() });
  if (link.state !== "open") {
    return (
      <LinkProblem
        title="This link cannot be used"
        problem={DIGEST_LINK_PROBLEMS[link.state]}
        next={viewer ? { href: "/today", label: "Go to Today" } : { href: "/sign-in", label: "Sign in to see Today" }}
      />
    );
  }
  const { lead } = link;
  const person = [lead.contactName, lead.title].filter(Boolean).join(", ");
  const day = formatLongDate(new Date(`${link.localDate}T12:00:00Z`), "UTC");
  return (
    <div className="mx-auto max-w-md space-y-4 py-4">
      <h1 className="text-2xl font-bold">Log the touch</h1>
      <section aria-labelledby="done-lead" className="space-y-1 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="done-lead" className="break-words text-lg font-semibold">
          {lead.company}
        </h2>
        {person ? <p className="break-words text-stone-700">{person}</p> : null}
        {lead.phone ? (
          <p>
            <a href={telHref(lead.phone)} className={linkClass}>
              Call {lead.phone}
            </a>
          </p>
        ) : null}
        {lead.email ? (
          <p>
            <a href={`mailto:${lead.email}`} className={`${linkClass} break-all`}>
              E-mail {lead.email}
            </a>
          </p>
        ) : null}
      </section>
      <p className="text-stone-700">
        Made contact? One tap logs it as done for {day}, as on Today. This link works for this lead until the end of that
        day.
      </p>
      <DoneForm token={token} suggested={link.channel ?? "phone"} />
      <p>
        <Link href="/today" className={linkClass}>
          Go to Today
        </Link>
      </p>
    </div>
  );
}
