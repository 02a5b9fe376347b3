import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-600 dark:text-slate-400">This page does not exist, or your role cannot open it.</p>
      <Link href="/" className="text-brand-600 underline dark:text-brand-100">
        Back to the overview
      </Link>
    </main>
  );
}
