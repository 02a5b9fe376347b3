import { randomBytes } from "node:crypto";
import {
  AccountSASPermissions,
  AccountSASResourceTypes,
  AccountSASServices,
  generateAccountSASQueryParameters,
  StorageSharedKeyCredential,
} from "@azure/storage-blob";
import { gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { decryptSecret } from "@/lib/connectors/secrets";
import { parseAuditExportParams } from "@/app/(app)/settings/audit/search-params";
import { auditEntries } from "@/lib/queries/settings/audit";
import { createProvider } from "@/lib/services/providers/create";
import { systemCtx } from "@/lib/services/system-actor";
import { createTestDatabase, describeOnEachEngine, type Engine } from "@/lib/testing/databases";
import { awsManifest, csvOf, generatedFocus, sampleByProvider } from "@/lib/testing/connector-fixtures";
import {
  AZURE_ACCOUNT,
  AZURE_KEY,
  S3_KEY_ID,
  S3_SECRET,
  startAzurite,
  startS3,
  type AzureEmulator,
  type S3Emulator,
} from "@/lib/testing/object-stores";
import { archiveConnector, unarchiveConnector } from "./archive";
import { createConnector } from "./create";
import { deleteConnector } from "./delete";
import { runConnector } from "./run";
import { runDueConnectors } from "./run-due";
import { runConnectorNow } from "./run-now";
import { testConnector } from "./test";
import { updateConnector } from "./update";

const KEY = randomBytes(32);
process.env.HEADROOM_SECRET_KEY = KEY.toString("base64");

let s3: S3Emulator;
let azure: AzureEmulator;
const sample = sampleByProvider();

beforeAll(async () => {
  [s3, azure] = await Promise.all([startS3(), startAzurite()]);
}, 60_000);
afterAll(async () => {
  await Promise.all([s3?.stop(), azure?.stop()]);
});

type Store = "s3" | "azure";

function connectorInput(store: Store, name: string, providerId: string, prefix: string, schedule = "0 6 * * *") {
  const common = { name, providerId, prefix, schedule, enabled: "on" };
  return store === "s3"
    ? {
        ...common,
        kind: "s3",
        endpoint: s3.endpoint,
        region: "us-east-1",
        bucket: s3.bucket,
        forcePathStyle: "on",
        accessKeyId: S3_KEY_ID,
        secretAccessKey: S3_SECRET,
      }
    : {
        ...common,
        kind: "azure_blob",
        accountUrl: azure.accountUrl,
        container: azure.container,
        auth: "account_key",
        accountKey: AZURE_KEY,
      };
}

const put = (store: Store, key: string, body: string | Buffer) => (store === "s3" ? s3.put(key, body) : azure.put(key, body));

async function lineItems(db: DbHandle["db"], provider: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from cost_line_items where provider_name = ${provider}`);
  return row!.n;
}

describeOnEachEngine("billing connectors", (engine: Engine) => {
  for (const store of ["s3", "azure"] as const) {
    describe(`on ${store === "s3" ? "s3rver" : "Azurite"}`, () => {
      let handle: DbHandle;
      let providerId: string;
      let connectorId: string;
      const prefix = `${engine}/${store}/`;
      const admin = () => systemCtx(handle.db, "test");

      beforeAll(async () => {
        handle = await createTestDatabase(engine);
        providerId = (await createProvider({ ctx: admin(), input: { name: `Cloud ${store}`, kind: "hyperscaler" } })).id;
      });
      afterAll(async () => {
        await handle?.close();
      });

      it("imports three daily exports, a gzip among them, and rejects a corrupt one with the importer's errors", async () => {
        await put(store, `${prefix}daily/day-1.csv`, csvOf(sample.AWS));
        await put(store, `${prefix}daily/day-2.csv.gz`, gzipSync(csvOf(sample.Microsoft)));
        await put(store, `${prefix}daily/day-3.csv`, csvOf(sample.Oracle));
        await put(store, `${prefix}daily/day-4.csv`, generatedFocus("Lambda", "2026-10", 3, { badLine: 3 }));
        await put(store, `${prefix}daily/readme.txt`, "not an export");
        const created = await createConnector({ ctx: admin(), input: connectorInput(store, `Daily ${store}`, providerId, prefix) });
        connectorId = created.id;

        const listed = await testConnector({ ctx: admin(), input: { id: connectorId } });
        expect(listed.map((o) => [o.key.slice(prefix.length), o.status])).toEqual([
          ["daily/day-1.csv", "new"],
          ["daily/day-2.csv.gz", "new"],
          ["daily/day-3.csv", "new"],
          ["daily/day-4.csv", "new"],
        ]);
        expect(listed.every((o) => o.etag.length > 0 && o.size > 0)).toBe(true);
        expect(await lineItems(handle.db, "AWS")).toBe(0);

        const run = await runConnector(handle.db, connectorId, { now: new Date() });
        expect(run.result).toBe("partial");
        expect(run.objects.map((o) => [o.key.slice(prefix.length), o.outcome, o.rows])).toEqual([
          ["daily/day-1.csv", "imported", 942],
          ["daily/day-2.csv.gz", "imported", 51],
          ["daily/day-3.csv", "imported", 7],
          ["daily/day-4.csv", "rejected", 0],
        ]);
        const rejected = run.objects[3]!;
        expect(rejected.errors[0]).toMatchObject({ line: 3, column: "BilledCost" });
        expect(await lineItems(handle.db, "AWS")).toBe(942);
        expect(await lineItems(handle.db, "Microsoft")).toBe(51);
        expect(await lineItems(handle.db, "Lambda")).toBe(0);
        const [connector] = await queryRows<{ last_result: string; last_error: string }>(
          handle.db,
          sql`select last_result, last_error from connectors where id = ${connectorId}`,
        );
        expect(connector).toEqual({ last_result: "partial", last_error: rejected.errors[0]!.message });
      });

      it("replaces the rows of an export delivered again under the same key with a new ETag", async () => {
        await put(store, `${prefix}daily/day-3.csv`, csvOf(sample.Oracle, 6));
        const listed = await testConnector({ ctx: admin(), input: { id: connectorId } });
        expect(listed.filter((o) => o.status !== "seen").map((o) => [o.key.slice(prefix.length), o.status])).toEqual([
          ["daily/day-3.csv", "changed"],
        ]);
        const run = await runConnector(handle.db, connectorId, { now: new Date() });
        expect(run.objects.map((o) => [o.key.slice(prefix.length), o.outcome, o.rows])).toEqual([["daily/day-3.csv", "replaced", 6]]);
        expect(run.result).toBe("succeeded");
        expect(await lineItems(handle.db, "Oracle")).toBe(6);
      });

      it("loads a manifest export as one import, and none of an export with one bad file", async () => {
        const good = [`${prefix}cur2/good/data/part-00001.csv.gz`, `${prefix}cur2/good/data/part-00002.csv`];
        const full = generatedFocus("CoreWeave", "2026-10", 5).split("\n");
        await put(store, good[0]!, gzipSync(full.slice(0, 3).join("\n") + "\n"));
        await put(store, good[1]!, [full[0], ...full.slice(3)].join("\n"));
        await put(store, `${prefix}cur2/good/metadata/focus-daily-Manifest.json`, awsManifest("exports", good));
        const bad = [`${prefix}cur2/bad/data/part-00001.csv.gz`, `${prefix}cur2/bad/data/part-00002.csv`];
        await put(store, bad[0]!, gzipSync(generatedFocus("Nebius", "2026-10", 4)));
        await put(store, bad[1]!, generatedFocus("Nebius", "2026-10", 3, { badLine: 2 }));
        await put(store, `${prefix}cur2/bad/metadata/Manifest.json`, awsManifest("exports", bad));

        await put(store, `${prefix}cur2/gone/metadata/Manifest.json`, awsManifest("exports", [`${prefix}cur2/gone/data/part-00001.csv`]));

        const run = await runConnector(handle.db, connectorId, { now: new Date() });
        expect(run.objects.map((o) => [o.key.slice(prefix.length), o.outcome, o.rows, o.files?.length])).toEqual([
          ["cur2/bad/metadata/Manifest.json", "rejected", 0, 2],
          ["cur2/gone/metadata/Manifest.json", "rejected", 0, 1],
          ["cur2/good/metadata/focus-daily-Manifest.json", "imported", 5, 2],
        ]);
        expect(run.objects[1]!.errors[0]!.message).toMatch(/lists a file not in the bucket/);
        expect(await lineItems(handle.db, "CoreWeave")).toBe(5);
        expect(await lineItems(handle.db, "Nebius")).toBe(0);
        expect(run.objects[0]!.errors[0]!.column).toBe("BilledCost");
      });

      it("imports nothing on a second run: every object is seen, and the quiet scheduled run leaves no audit row", async () => {
        const count = (table: "imports" | "audit_log") =>
          queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from ${sql.raw(table)}`);
        const before = await Promise.all([count("imports"), count("audit_log")]);
        const run = await runConnector(handle.db, connectorId, { now: new Date() });
        expect(run).toMatchObject({ result: "succeeded", objects: [], seen: 7 });
        expect(await Promise.all([count("imports"), count("audit_log")])).toEqual(before);
      });

      it("two runners at once import each object once", async () => {
        const racePrefix = `${prefix}race/`;
        await put(store, `${racePrefix}a.csv`, generatedFocus("Crusoe", "2026-09", 2));
        await put(store, `${racePrefix}b.csv`, generatedFocus("Crusoe", "2026-10", 2));
        const hourAgo = new Date(Date.now() - 3600_000);
        const race = await createConnector({
          ctx: admin(),
          input: connectorInput(store, `Race ${store}`, providerId, racePrefix, "*/5 * * * *"),
          now: hourAgo,
        });
        const now = new Date();
        const [first, second] = await Promise.all([runDueConnectors(handle.db, now), runDueConnectors(handle.db, now)]);
        const runs = [...first, ...second].filter((r) => r.connectorId === race.id);
        expect(runs).toHaveLength(1);
        expect(runs[0]!.counts.imported).toBe(2);
        expect(await runDueConnectors(handle.db, now)).toEqual([]);

        await put(store, `${racePrefix}c.csv`, generatedFocus("Crusoe", "2026-11", 2));
        const both = await Promise.all([runConnector(handle.db, race.id, { now }), runConnector(handle.db, race.id, { now })]);
        expect(both.map((r) => r.counts.imported).sort()).toEqual([0, 1]);
        const [imports] = await queryRows<{ n: number }>(
          handle.db,
          sql`select count(*)::int as n from imports where file_name like ${`${racePrefix}%`} and status = 'succeeded'`,
        );
        expect(imports!.n).toBe(3);
        expect(await lineItems(handle.db, "Crusoe")).toBe(6);
      });
    });
  }

  describe("credentials and permissions", () => {
    let handle: DbHandle;
    let providerId: string;
    const logged: string[] = [];
    const capture = (...args: unknown[]) =>
      void logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(" "));

    beforeAll(async () => {
      handle = await createTestDatabase(engine);
      providerId = (await createProvider({ ctx: systemCtx(handle.db, "test"), input: { name: "Secret cloud", kind: "neocloud" } })).id;
      for (const level of ["log", "info", "warn", "error", "debug"] as const) vi.spyOn(console, level).mockImplementation(capture);
    });
    afterAll(async () => {
      vi.restoreAllMocks();
      await handle?.close();
    });
    afterEach(() => {
      process.env.HEADROOM_SECRET_KEY = KEY.toString("base64");
    });

    it("stores credentials encrypted, keeps them out of audit rows, logs and the audit CSV, and fails to decrypt with a wrong key", async () => {
      const admin = systemCtx(handle.db, "test");
      const s3c = await createConnector({ ctx: admin, input: connectorInput("s3", "Secret S3", providerId, "secret/") });
      const az = await createConnector({
        ctx: admin,
        input: {
          ...connectorInput("azure", "Secret Azure", providerId, "secret/"),
          auth: "connection_string",
          connectionString: azure.connectionString,
        },
      });
      const sas = generateAccountSASQueryParameters(
        {
          expiresOn: new Date(Date.now() + 3600_000),
          permissions: AccountSASPermissions.parse("rl"),
          resourceTypes: AccountSASResourceTypes.parse("sco").toString(),
          services: AccountSASServices.parse("b").toString(),
        },
        new StorageSharedKeyCredential(AZURE_ACCOUNT, AZURE_KEY),
      ).toString();
      const signature = new URLSearchParams(sas).get("sig")!;
      const sasInput = { ...connectorInput("azure", "SAS Azure", providerId, "secret/"), auth: "sas", accountKey: "", sasToken: `?${sas}` };
      const bySas = await createConnector({ ctx: admin, input: sasInput });
      expect(await testConnector({ ctx: admin, input: { id: bySas.id } })).toEqual([]);
      const sasMissing = await createConnector({
        ctx: admin,
        input: { ...sasInput, name: "SAS missing container", container: "no-such-container" },
      });
      expect((await runConnector(handle.db, sasMissing.id, { now: new Date() })).result).toBe("failed");
      const broken = await createConnector({
        ctx: admin,
        input: { ...connectorInput("s3", "Wrong bucket", providerId, ""), bucket: "no-such-bucket" },
      });
      await updateConnector({
        ctx: admin,
        input: {
          ...connectorInput("s3", "Secret S3 renamed", providerId, "secret/"),
          accessKeyId: "",
          secretAccessKey: "",
          id: s3c.id,
          version: 1,
        },
      });
      await put("s3", "secret/x.csv", generatedFocus("Vultr", "2026-08", 2));
      expect((await runConnector(handle.db, s3c.id, { now: new Date() })).counts.imported).toBe(1);
      expect((await runConnector(handle.db, az.id, { now: new Date() })).result).toBe("succeeded");
      const failed = await runConnector(handle.db, broken.id, { now: new Date() });
      expect(failed.result).toBe("failed");
      expect(failed.error).toMatch(/bucket/i);

      const rows = await queryRows<{ credentials: string }>(handle.db, sql`select credentials from connectors order by name desc`);
      expect(rows).toHaveLength(5); // Wrong bucket, Secret S3 renamed, Secret Azure, SAS missing container, SAS Azure
      const dump = await queryRows<{ t: string }>(handle.db, sql`select row_to_json(c)::text as t from connectors c`);
      const audits = await queryRows<{ t: string }>(handle.db, sql`select row_to_json(a)::text as t from audit_log a`);
      const csv = JSON.stringify(await auditEntries(admin, parseAuditExportParams(new URLSearchParams()), 0, 1000));
      const secrets = [S3_SECRET, AZURE_KEY, azure.connectionString, S3_KEY_ID, signature, sas];
      for (const text of [JSON.stringify(dump), JSON.stringify(audits), csv, logged.join("\n")]) {
        for (const secret of secrets) expect(text).not.toContain(secret);
      }
      expect(audits.map((a) => a.t).join()).toContain("connector.update");
      expect(logged.join("\n")).toContain("Wrong bucket");
      expect(logged.join("\n")).toContain("SAS missing container");

      expect(JSON.parse(decryptSecret(rows[1]!.credentials, KEY))).toEqual({ accessKeyId: S3_KEY_ID, secretAccessKey: S3_SECRET });
      expect(() => decryptSecret(rows[1]!.credentials, randomBytes(32))).toThrow(/HEADROOM_SECRET_KEY/);

      process.env.HEADROOM_SECRET_KEY = randomBytes(32).toString("hex");
      const wrongKey = await runConnector(handle.db, s3c.id, { now: new Date() });
      expect(wrongKey).toMatchObject({ result: "failed", error: expect.stringMatching(/not the key they were saved with/) });
      delete process.env.HEADROOM_SECRET_KEY;
      const noKey = await runConnector(handle.db, s3c.id, { now: new Date() });
      expect(noKey.error).toMatch(/Set HEADROOM_SECRET_KEY/);
      await expect(createConnector({ ctx: admin, input: connectorInput("s3", "Keyless", providerId, "") })).rejects.toThrow(
        /Set HEADROOM_SECRET_KEY/,
      );
    });

    it("refuses every verb to a role without connectors.manage and changes nothing", async () => {
      const [before] = await queryRows<{ t: string }>(
        handle.db,
        sql`select count(*)::text || '/' || coalesce(sum(version), 0)::text as t from connectors`,
      );
      const [row] = await queryRows<{ id: string }>(handle.db, sql`select id from connectors limit 1`);
      for (const role of ["finance", "infra", "viewer"] as const) {
        const ctx = { db: handle.db, actor: { id: null, email: `${role}@x`, role, kind: "user" as const } };
        await expect(createConnector({ ctx, input: connectorInput("s3", "Nope", providerId, "") })).rejects.toThrow(/connectors.manage/);
        await expect(testConnector({ ctx, input: { id: row!.id } })).rejects.toThrow(/connectors.manage/);
        await expect(runConnectorNow({ ctx, input: { id: row!.id } })).rejects.toThrow(/connectors.manage/);
        const ref = { ...connectorInput("s3", "Renamed", providerId, ""), id: row!.id, version: 1 };
        for (const verb of [updateConnector, archiveConnector, unarchiveConnector, deleteConnector]) {
          await expect(verb({ ctx, input: ref })).rejects.toThrow(/connectors.manage/);
        }
      }
      const [after] = await queryRows<{ t: string }>(
        handle.db,
        sql`select count(*)::text || '/' || coalesce(sum(version), 0)::text as t from connectors`,
      );
      expect(after).toEqual(before);
    });

    it("never runs an archived connector, and deletes only an archived one with its object history", async () => {
      const admin = systemCtx(handle.db, "test");
      const c = await createConnector({
        ctx: admin,
        input: connectorInput("s3", "Old", providerId, "old/", "* * * * *"),
        now: new Date(Date.now() - 3600_000),
      });
      await put("s3", "old/a.csv", generatedFocus("Hetzner", "2026-07", 1));
      await expect(deleteConnector({ ctx: admin, input: { id: c.id, version: 1 } })).rejects.toThrow(/Archive the connector/);
      await archiveConnector({ ctx: admin, input: { id: c.id, version: 1 } });
      expect((await runDueConnectors(handle.db, new Date())).map((r) => r.connectorId)).not.toContain(c.id);
      await expect(runConnectorNow({ ctx: admin, input: { id: c.id } })).rejects.toThrow(/archived/);
      await unarchiveConnector({ ctx: admin, input: { id: c.id, version: 2 } });
      expect((await runConnectorNow({ ctx: admin, input: { id: c.id } })).counts.imported).toBe(1);
      await archiveConnector({ ctx: admin, input: { id: c.id, version: 3 } });
      await deleteConnector({ ctx: admin, input: { id: c.id, version: 4 } });
      const left = await queryRows<{ n: number }>(
        handle.db,
        sql`select count(*)::int as n from connector_objects where connector_id = ${c.id}`,
      );
      expect(left).toEqual([{ n: 0 }]);
      expect(await lineItems(handle.db, "Hetzner")).toBe(1);
    });

    it("refuses a bad schedule, half a key pair and a missing provider with clear messages", async () => {
      const admin = systemCtx(handle.db, "test");
      await expect(
        createConnector({ ctx: admin, input: { ...connectorInput("s3", "Bad", providerId, ""), schedule: "0 25 * * *" } }),
      ).rejects.toThrow(/hour field/);
      await expect(
        createConnector({ ctx: admin, input: { ...connectorInput("s3", "Bad", providerId, ""), secretAccessKey: "" } }),
      ).rejects.toThrow(/secret access key/);
      await expect(
        createConnector({ ctx: admin, input: { ...connectorInput("s3", "Bad", providerId, ""), providerId: "" } }),
      ).rejects.toThrow(/provider/);
    });
  });
});
