import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AcceleratorForm } from "@/components/settings/accelerator-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { createAcceleratorTypeAction } from "../actions";

export const metadata: Metadata = { title: "New accelerator type" };
export const dynamic = "force-dynamic";

export default async function NewAcceleratorPage() {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "catalog.write")) notFound();
  const empty = {
    name: "",
    vendor: "",
    family: "",
    memoryGb: "",
    bf16Tflops: "",
    fp8Tflops: "",
    tdpW: "",
    systemW: "",
    h100Equivalent: "",
  };
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-2xl font-semibold tracking-tight">New accelerator type</h1>
      <AcceleratorForm action={createAcceleratorTypeAction} values={empty} />
    </div>
  );
}
