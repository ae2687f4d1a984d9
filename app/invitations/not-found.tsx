import Link from "next/link";

export default function InvitationNotFound() {
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">Invitation not found</h1>
      <p className="text-stone-800">
        There is no invitation with this link. It may have been mistyped, or withdrawn by the person who made it. Ask them
        for a new link, or type the code they gave you on the{" "}
        <Link href="/invitations" className="font-medium text-brand-700 underline">
          invitation code
        </Link>{" "}
        page.
      </p>
    </div>
  );
}
