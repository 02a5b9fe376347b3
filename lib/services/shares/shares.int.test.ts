import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { auditLog, sharedReports, users } from "@/lib/db/schema";
import { queryRows } from "@/lib/db/rows";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { hashShareToken } from "@/lib/sharing/tokens";
import { listShareLinks } from "@/lib/queries/reports";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import type { Ctx } from "@/lib/auth/context";
import { archiveReport } from "../reports/archive";
import { createReport } from "../reports/create";
import { updateReport } from "../reports/update";
import { createShareLink } from "./create";
import { resolveShareToken } from "./resolve";
import { revokeShareLink } from "./revoke";

describeOnEachEngine("share links", (engine) => {
  let handle: DbHandle;
  let finance: Ctx;
  let viewer: Ctx;
  const scope = { sections: ["costs", "kpis"], filters: { range: "24m", unit: "accelerators" }, scenarioId: null };

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const [f] = await handle.db.insert(users).values({ email: "fin@example.com", name: "Fin", role: "finance" }).returning();
    finance = { db: handle.db, actor: { id: f!.id, email: f!.email, role: "finance", kind: "user" } };
    viewer = { db: handle.db, actor: { id: null, email: "viewer@example.com", role: "viewer", kind: "user" } };
  });
  afterAll(() => handle.close());

  async function newReport(name = `Board ${Math.random()}`) {
    return createReport({ ctx: finance, input: { name, note: "For the board", scope } });
  }

  it("creates a report with its sections in the canonical order", async () => {
    const report = await newReport("Canonical");
    expect(report.scope).toEqual({ sections: ["kpis", "costs"], filters: { range: "24m", unit: "accelerators" }, scenarioId: null });
    expect(report.version).toBe(1);
  });

  it("refuses a report without sections or with unknown filters and stores nothing", async () => {
    await expect(createReport({ ctx: finance, input: { name: "Empty", scope: { ...scope, sections: [] } } })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      createReport({ ctx: finance, input: { name: "Odd", scope: { ...scope, filters: { range: "12m", where: "1=1" } } } }),
    ).rejects.toBeInstanceOf(ValidationError);
    const rows = await queryRows<{ n: string }>(handle.db, sql`select count(*)::text as n from reports where name in ('Empty', 'Odd')`);
    expect(rows[0]!.n).toBe("0");
  });

  it("creates a link, resolves it, revokes it and the next resolve gives null", async () => {
    const report = await newReport();
    const { token, link } = await createShareLink({ ctx: finance, input: { reportId: report.id } });
    expect(Math.round((link.expiresAt.getTime() - link.createdAt.getTime()) / 86_400_000)).toBe(30);
    const shared = await resolveShareToken(handle.db, token);
    expect(shared).toMatchObject({ id: link.id, reportId: report.id, name: report.name, note: "For the board" });
    expect(shared!.scope.sections).toEqual(["kpis", "costs"]);
    await revokeShareLink({ ctx: finance, input: { id: link.id } });
    expect(await resolveShareToken(handle.db, token)).toBeNull();
    await expect(revokeShareLink({ ctx: finance, input: { id: link.id } })).rejects.toBeInstanceOf(ValidationError);
  });

  it("gives null for an expired link", async () => {
    const report = await newReport();
    const { token, link } = await createShareLink({ ctx: finance, input: { reportId: report.id, expiresInDays: 1 } });
    await handle.db
      .update(sharedReports)
      .set({ createdAt: new Date(Date.now() - 3 * 86_400_000), expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sharedReports.id, link.id));
    expect(await resolveShareToken(handle.db, token)).toBeNull();
    const [row] = await handle.db.select().from(sharedReports).where(eq(sharedReports.id, link.id));
    expect(row!.viewCount).toBe(0);
  });

  it("gives null for an unknown token, a malformed one and a link whose report is archived", async () => {
    expect(await resolveShareToken(handle.db, "A".repeat(43))).toBeNull();
    expect(await resolveShareToken(handle.db, "")).toBeNull();
    expect(await resolveShareToken(handle.db, "x".repeat(10_000))).toBeNull();
    const report = await newReport();
    const { token } = await createShareLink({ ctx: finance, input: { reportId: report.id } });
    await archiveReport({ ctx: finance, input: { id: report.id, version: report.version } });
    expect(await resolveShareToken(handle.db, token)).toBeNull();
  });

  it("counts views and audits each one under the link, not the token", async () => {
    const report = await newReport();
    const { token, link } = await createShareLink({ ctx: finance, input: { reportId: report.id } });
    await resolveShareToken(handle.db, token);
    const second = await resolveShareToken(handle.db, token);
    expect(second!.viewCount).toBe(2);
    const [row] = await handle.db.select().from(sharedReports).where(eq(sharedReports.id, link.id));
    expect(row!.viewCount).toBe(2);
    expect(row!.lastViewedAt).toBeInstanceOf(Date);
    const views = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, link.id));
    expect(views.filter((v) => v.action === "share_link.view")).toHaveLength(2);
    expect(views.map((v) => v.action)).toContain("share_link.create");
  });

  it("keeps the scope a link was created with when the report is edited later", async () => {
    const report = await newReport();
    const { token } = await createShareLink({ ctx: finance, input: { reportId: report.id } });
    await updateReport({
      ctx: finance,
      input: { id: report.id, version: report.version, changes: { scope: { ...scope, sections: ["kpis", "costs", "concentration"] } } },
    });
    expect((await resolveShareToken(handle.db, token))!.scope.sections).toEqual(["kpis", "costs"]);
  });

  it("refuses a lifetime over a year or under a day", async () => {
    const report = await newReport();
    for (const expiresInDays of [0, 366, 2.5]) {
      await expect(createShareLink({ ctx: finance, input: { reportId: report.id, expiresInDays } })).rejects.toBeInstanceOf(
        ValidationError,
      );
    }
    const { link } = await createShareLink({ ctx: finance, input: { reportId: report.id, expiresInDays: 365 } });
    expect(Math.round((link.expiresAt.getTime() - link.createdAt.getTime()) / 86_400_000)).toBe(365);
  });

  it("refuses a viewer creating or revoking a link and changes nothing", async () => {
    const report = await newReport();
    const { token, link } = await createShareLink({ ctx: finance, input: { reportId: report.id } });
    const before = await handle.db.select().from(sharedReports);
    await expect(createShareLink({ ctx: viewer, input: { reportId: report.id } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(revokeShareLink({ ctx: viewer, input: { id: link.id } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createReport({ ctx: viewer, input: { name: "Nope", scope } })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await handle.db.select().from(sharedReports)).toEqual(before);
    expect(await resolveShareToken(handle.db, token)).not.toBeNull();
  });

  it("stores the clear token nowhere: not in shared_reports, not in the audit log", async () => {
    const report = await newReport();
    const { token } = await createShareLink({ ctx: finance, input: { reportId: report.id } });
    await resolveShareToken(handle.db, token);
    const [found] = await handle.db
      .select({ id: sharedReports.id })
      .from(sharedReports)
      .where(eq(sharedReports.tokenHash, hashShareToken(token)));
    await revokeShareLink({ ctx: finance, input: { id: found!.id } });
    const shared = await queryRows<{ t: string }>(handle.db, sql`select row_to_json(s)::text as t from shared_reports s`);
    const audits = await queryRows<{ t: string }>(handle.db, sql`select row_to_json(a)::text as t from audit_log a`);
    expect(shared.length).toBeGreaterThan(0);
    expect(audits.length).toBeGreaterThan(0);
    for (const { t } of [...shared, ...audits]) expect(t).not.toContain(token);
    for (const { t } of audits) expect(t).not.toContain(hashShareToken(token));
  });

  it("keeps an optional label and the token's first six characters, and lists them to tell two links apart", async () => {
    const report = await newReport();
    const board = await createShareLink({ ctx: finance, input: { reportId: report.id, label: "  Board pack, March " } });
    const plain = await createShareLink({ ctx: finance, input: { reportId: report.id, label: "" } });
    expect(board.link).toMatchObject({ label: "Board pack, March", tokenPrefix: board.token.slice(0, 6) });
    expect(plain.link).toMatchObject({ label: null, tokenPrefix: plain.token.slice(0, 6) });
    const listed = await listShareLinks(finance, report.id);
    expect(listed.map((l) => [l.label, l.tokenPrefix])).toEqual(
      expect.arrayContaining([
        ["Board pack, March", board.token.slice(0, 6)],
        [null, plain.token.slice(0, 6)],
      ]),
    );
    // The prefix opens nothing: only the whole token does.
    expect(await resolveShareToken(handle.db, board.token.slice(0, 6))).toBeNull();
  });

  it("refuses a label over 80 characters, naming the field, and creates no link", async () => {
    const report = await newReport();
    const error = await createShareLink({ ctx: finance, input: { reportId: report.id, label: "x".repeat(81) } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/label is at most 80 characters/i);
    expect((error as ValidationError).fieldErrors).toHaveProperty("label");
    expect(await listShareLinks(finance, report.id)).toHaveLength(0);
    const longest = await createShareLink({ ctx: finance, input: { reportId: report.id, label: "x".repeat(80) } });
    expect(longest.link.label).toHaveLength(80);
  });
});
