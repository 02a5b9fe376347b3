import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCtx } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { SignInForm } from "./client";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const ERRORS: Record<string, string> = {
  AccessDenied: "Your single sign-on account has no Headroom access. Ask an administrator.",
  SessionRequired: "Please sign in to continue.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  if (await getCtx()) redirect("/");
  const { error } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-2xl font-semibold tracking-tight">Headroom</p>
          <h1 className="mt-1 text-sm text-slate-600 dark:text-slate-400">Sign in to plan compute capacity and cost</h1>
        </div>
        <SignInForm oidcName={env().oidc?.name ?? null} initialError={error ? (ERRORS[error] ?? "Sign-in failed. Try again.") : null} />
      </div>
    </main>
  );
}
