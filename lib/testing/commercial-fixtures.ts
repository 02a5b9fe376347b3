import { randomBytes } from "node:crypto";
import type { Role } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { acceleratorTypes, contracts, providers, reservations, sites } from "@/lib/db/schema";
import type { Ctx } from "@/lib/auth/context";

// Minimal catalog, contracts and reservations for integration tests of the commercial registers.

export function roleCtx(db: Db, role: Role): Ctx {
  return { db, actor: { id: null, email: `${role}@example.com`, role, kind: "user" } };
}

export function uniq(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export async function insertCatalog(db: Db, tag = uniq("cat")) {
  const [provider] = await db
    .insert(providers)
    .values({ name: `Cloud ${tag}`, kind: "hyperscaler" })
    .returning();
  const [other] = await db
    .insert(providers)
    .values({ name: `Other ${tag}`, kind: "neocloud" })
    .returning();
  const [site] = await db
    .insert(sites)
    .values({ name: `Site ${tag}`, providerId: provider!.id, regionCode: "us-east", country: "US", pue: "1.20" })
    .returning();
  const [type] = await db
    .insert(acceleratorTypes)
    .values({
      name: `H100 ${tag}`,
      vendor: "NVIDIA",
      family: "H100",
      memoryGb: "80",
      bf16Tflops: "989.5",
      systemW: 1400,
      h100Equivalent: "1",
    })
    .returning();
  return { provider: provider!, other: other!, site: site!, type: type! };
}

export type Catalog = Awaited<ReturnType<typeof insertCatalog>>;

export async function insertContractRow(db: Db, catalog: Catalog, values: Partial<typeof contracts.$inferInsert> = {}) {
  const [row] = await db
    .insert(contracts)
    .values({
      providerId: catalog.provider.id,
      name: uniq("Contract"),
      startDate: "2026-01-01",
      endDate: "2027-01-01",
      committedAmount: "1000000",
      paymentTerms: "monthly",
      status: "active",
      ...values,
    })
    .returning();
  return row!;
}

export async function insertReservationRow(db: Db, catalog: Catalog, values: Partial<typeof reservations.$inferInsert> = {}) {
  const [row] = await db
    .insert(reservations)
    .values({
      name: uniq("Block"),
      providerId: catalog.provider.id,
      siteId: catalog.site.id,
      acceleratorTypeId: catalog.type.id,
      quantity: 8,
      startAt: new Date("2026-02-01T00:00:00Z"),
      endAt: new Date("2026-08-01T00:00:00Z"),
      pricingModel: "reserved",
      rate: "2.5",
      status: "planned",
      ...values,
    })
    .returning();
  return row!;
}
