import Link from "next/link";

/**
 * Any client page the coach cannot see (still a 404): most often a connection that ended, or a link to
 * someone who was never their client. It does not say which, so it tells nothing about the person.
 */
export default function ClientNotFound() {
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">This client is not connected with you</h1>
      <p className="text-stone-800">
        This connection has ended, or there never was one: the client&apos;s data is no longer visible to you. Either of
        you can end a connection at any time. To follow their progress again, invite them anew from your clients page.
      </p>
      <p>
        <Link href="/coach" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
          All clients
        </Link>
      </p>
    </div>
  );
}
