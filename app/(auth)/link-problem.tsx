import Link from "next/link";

/** The page a link that cannot be used answers: what is wrong and where to go; nothing was changed. */
export function LinkProblem({ title, problem, next }: { title: string; problem: string; next: { href: string; label: string } }) {
  return (
    <div className="mx-auto max-w-md space-y-4 py-4">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
        {problem}
      </p>
      <p>
        <Link href={next.href} className="font-medium text-brand-700 underline">
          {next.label}
        </Link>
      </p>
    </div>
  );
}
