import type { Metadata } from "next";
import { OverviewView } from "@/components/overview/overview-view";
import { requireCtx } from "@/lib/auth/session";
import { getOverview } from "@/lib/queries/overview";

export const metadata: Metadata = { title: "Overview" };
export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const ctx = await requireCtx();
  const overview = await getOverview(ctx.db, {});
  return <OverviewView overview={overview} />;
}
