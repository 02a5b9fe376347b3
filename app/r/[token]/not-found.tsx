import type { Metadata } from "next";

export const metadata: Metadata = { title: "This link is not valid", robots: { index: false, follow: false }, referrer: "no-referrer" };

// The same page for an unknown, expired or revoked link: nothing tells them apart.
export default function InvalidShareLink() {
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <h1 className="text-xl font-semibold">This link is not valid</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Ask the person who sent it for a new one.</p>
    </main>
  );
}
