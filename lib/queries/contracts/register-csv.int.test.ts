import { describe, expect, it } from "vitest";
import { download } from "@/lib/testing/csv-download";
import { describeOnEachEngine } from "@/lib/testing/databases";
import { procurementIdentityErrors } from "@/lib/testing/procurement-identities";
import { asOf, useProcurementExports } from "@/lib/testing/procurement-exports";
import { getContractBurndown } from "./burndown";
import { contractListPage, parseContractListParams } from "@/lib/queries/contracts";
import { CONTRACT_REGISTER_HEADER, contractRegisterRows } from "./register-csv";

describeOnEachEngine("procurement exports", (engine) => {
  const fx = useProcurementExports(engine);
  const { ctx } = fx;

  describe("contract register", () => {
    it("writes the FOCUS header, the list's rows across pages, exact decimals and the contract page's burn-down", async () => {
      const params = parseContractListParams({ provider: fx.catalog.provider.id });
      const out = await download(CONTRACT_REGISTER_HEADER, contractRegisterRows(ctx(), params, asOf, 2));
      expect(out.header).toEqual([...CONTRACT_REGISTER_HEADER]);
      const listed = await contractListPage(ctx(), { ...params, pageSize: 100 });
      expect(listed.total).toBe(5);
      expect(out.rows.map((r) => r.ContractCommitmentId)).toEqual(listed.rows.map((r) => r.id));
      const row = out.rows.find((r) => r.ContractCommitmentId === fx.billedId)!;
      const b = await getContractBurndown(ctx(), fx.billedId, asOf);
      expect(row).toMatchObject({
        // numeric(20,4) 1,234,567.8901 → to the cent.
        ContractCommitmentCost: "1234567.89",
        x_committed: "1234567.89",
        ContractId: "EA-1",
        ContractCommitmentPeriodStart: "2026-01-01T00:00:00Z",
        ContractPeriodEnd: "2027-01-01T00:00:00Z",
        BillingCurrency: "USD",
        x_consumed: b.consumed.toFixed(2),
        x_scheduled_remaining: b.scheduled.toFixed(2),
        x_other_remaining: b.other.toFixed(2),
        x_projected_at_end: b.projected!.toFixed(2),
        x_shortfall: b.shortfall.toFixed(2),
        x_overrun: b.overrun.toFixed(2),
        x_term_ended: "no",
        x_as_of: "2026-06-15",
      });
      expect(procurementIdentityErrors(out.rows)).toEqual([]);
      expect(b.sources).toContain("actual");
      expect(row.x_contract_name).toBe(`'=HYPERLINK("http://evil.example","x")`);
      expect(row.ContractCommitmentDescription).toBe(`'=HYPERLINK("http://evil.example","x")`);
      expect(out.rows.find((r) => r.x_contract_name === "Plain 3")!.x_committed).toBe("300.05");
    });
  });
});
