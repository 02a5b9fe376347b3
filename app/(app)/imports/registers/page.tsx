import type { Metadata } from "next";
import Link from "next/link";
import { RegisterImport } from "./client";
import type { KindOption } from "@/components/imports/registers/kind-picker";
import { ColumnsReference } from "@/components/imports/registers/columns-reference";
import { can, type Role } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { isRegisterKind, REGISTER_KIND_NAMES, REGISTER_KINDS, registerKindList } from "@/lib/services/imports/registers/kinds";

export const metadata: Metadata = { title: "Import registers" };
export const dynamic = "force-dynamic";

const importable = (role: Role) =>
  REGISTER_KIND_NAMES.filter((kind) => can(role, REGISTER_KINDS[kind].template.permission))
    .map((kind) => REGISTER_KINDS[kind].template.label.toLowerCase())
    .join(", ");

export default async function RegisterImportPage({ searchParams }: { searchParams: Promise<{ kind?: string | string[] }> }) {
  const ctx = await requireCtx();
  const role = ctx.actor.role;
  const options: KindOption[] = REGISTER_KIND_NAMES.map((kind) => {
    const t = REGISTER_KINDS[kind].template;
    const allowed = can(role, t.permission);
    return {
      kind,
      label: t.label,
      singular: t.singular,
      description: t.description,
      columns: t.columns,
      note: t.note,
      list: t.list,
      allowed,
      reason: allowed ? undefined : `Your role (${role}) may not import ${t.label.toLowerCase()} (needs ${t.permission}).`,
    };
  });
  const requested = (await searchParams).kind;
  const wanted = isRegisterKind(requested) ? requested : undefined;
  const initial = options.find((o) => o.kind === wanted && o.allowed) ?? options.find((o) => o.allowed);
  return (
    <div className="mx-auto max-w-6xl">
      <p className="text-sm">
        <Link href="/imports" className="text-brand-700 hover:underline dark:text-brand-300">
          Imports
        </Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">Import registers</h1>
      <p className="mt-1 mb-6 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        Load your {registerKindList()} from CSV files, in that order: a file names providers, sites, accelerator types, contracts and
        scenarios as they appear in Headroom. Every row passes the same rules as the forms; a file with any bad row loads nothing and lists
        its errors by line (line 1 is the header) and column.
      </p>
      {initial ? (
        <RegisterImport options={options} initialKind={initial.kind} />
      ) : (
        <div className="flex flex-col gap-4">
          <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300">
            Your role ({role}) can read the registers but not import them. Ask a finance lead ({importable("finance")}), an infrastructure
            lead ({importable("infra")}) or an admin (any of them) to load a file.
          </p>
          <ColumnsReference option={options.find((o) => o.kind === wanted) ?? options[0]!} />
        </div>
      )}
    </div>
  );
}
