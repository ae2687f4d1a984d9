import { DeleteAccountForm } from "./delete-account-form";

/** Settings › Delete your account: what goes, then the password to confirm. */
export function DeleteAccountSection() {
  return (
    <section id="delete-account" aria-labelledby="delete-account-heading" className="scroll-mt-4 space-y-4">
      <h2 id="delete-account-heading" className="text-lg font-semibold">
        Delete your account
      </h2>
      <p className="text-sm text-stone-700">
        This deletes your account and everything in it at once: your leads and their contact details, your touches, materials and
        notes, your coach connections (a coach you share with loses access, and their notes to you go too; as a coach, every
        client connection ends) and your calendar feed. Download your data first if you want to keep it.
      </p>
      <DeleteAccountForm />
    </section>
  );
}
