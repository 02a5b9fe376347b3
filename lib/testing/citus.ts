import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";

// Test databases on a Citus cluster. A fresh one is what ../shared/citus/cluster.sh createdb makes: the database on
// every node, the citus extension in it on every node, the coordinator and workers registered in it (pg_dist_node is
// per database). That takes ~5 s with the migrations and the distribution step, so a run builds one such database
// as a template (once per migrations and distribution step, under a lock both test workers share) and each suite
// gets a copy of it made on every node with CREATE DATABASE … TEMPLATE (~0.5 s): the shards, placements and
// metadata of each node's copy match the others'. The workers are those registered in TEST_CITUS_URL's database.

type Node = { host: string; port: number };

const TEMPLATE_LOCK = 0x43495455; // "CITU"

/** A copy of the migrated, distributed template; `prepare` migrates a fresh database (the template) when needed. */
export async function createCitusTestDatabase(
  coordinatorUrl: string,
  name: string,
  prepare: (url: string) => Promise<void>,
  template: CitusTemplate = SCHEMA_TEMPLATE,
): Promise<string> {
  const nodes = await clusterNodes(coordinatorUrl);
  const from = await ensureTemplate(coordinatorUrl, nodes, template, prepare);
  await Promise.all(nodes.map((node) => onNode(coordinatorUrl, node, `create database "${name}" template "${from}"`)));
  return urlOf(coordinatorUrl, nodes[0]!, name);
}

/** A template database: its name, the names of stale ones (dropped when this one is built), the lock that builds it. */
export type CitusTemplate = { name: () => string; stale: string; lock: number };

const SCHEMA_TEMPLATE: CitusTemplate = {
  name: () => `headroom_citus_template_${schemaHash()}`,
  stale: "headroom_citus_template_%",
  lock: TEMPLATE_LOCK,
};

export async function dropCitusDatabase(coordinatorUrl: string, name: string): Promise<void> {
  const nodes = await clusterNodes(coordinatorUrl);
  await Promise.all(nodes.map((node) => onNode(coordinatorUrl, node, `drop database if exists "${name}" with (force)`)));
}

/** The coordinator (first) and the active workers. */
async function clusterNodes(coordinatorUrl: string): Promise<Node[]> {
  const workers = await withClient(
    coordinatorUrl,
    (c) =>
      c<Node[]>`select nodename as host, nodeport as port from pg_dist_node
        where noderole = 'primary' and groupid <> 0 and isactive order by nodeid`,
  );
  if (workers.length === 0)
    throw new Error(`No Citus workers are registered at ${coordinatorUrl} (start the cluster with ../shared/citus/cluster.sh start).`);
  const u = new URL(coordinatorUrl);
  return [{ host: u.hostname, port: Number(u.port || 5432) }, ...workers];
}

/** Database DDL run on one node only (Citus would otherwise propagate it from the coordinator, or refuse it on a worker). */
async function onNode(coordinatorUrl: string, node: Node, ddl: string): Promise<void> {
  await withClient(urlOf(coordinatorUrl, node, "postgres"), async (c) => {
    await c`set citus.enable_ddl_propagation = off`;
    await c.unsafe(ddl);
  });
}

async function ensureTemplate(
  coordinatorUrl: string,
  nodes: Node[],
  spec: CitusTemplate,
  prepare: (url: string) => Promise<void>,
): Promise<string> {
  const template = spec.name();
  const lock = postgres(coordinatorUrl, { max: 1, onnotice: () => {} });
  try {
    await lock`select pg_advisory_lock(${spec.lock})`;
    const ready = await Promise.all(
      nodes.map((node) =>
        withClient(
          urlOf(coordinatorUrl, node, "postgres"),
          (c) => c`select 1 from pg_database where datname = ${template} and not datallowconn`,
        ),
      ),
    );
    if (ready.every((rows) => rows.length === 1)) return template;
    const stale = await lock<{ name: string }[]>`select datname as name from pg_database where datname like ${spec.stale}`;
    for (const name of new Set([template, ...stale.map((r) => r.name)]))
      await Promise.all(nodes.map((node) => onNode(coordinatorUrl, node, `drop database if exists "${name}" with (force)`)));
    const url = await createCitusDatabase(coordinatorUrl, nodes, template);
    await prepare(url);
    // No connections from now on (Citus' maintenance daemon included): a template must be idle to be copied.
    for (const node of nodes) {
      await onNode(coordinatorUrl, node, `alter database "${template}" with allow_connections false`);
      await withClient(
        urlOf(coordinatorUrl, node, "postgres"),
        (c) => c`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${template}`,
      );
    }
    return template;
  } finally {
    await lock.end({ timeout: 5 });
  }
}

/** What cluster.sh createdb does. */
async function createCitusDatabase(coordinatorUrl: string, nodes: Node[], name: string): Promise<string> {
  await Promise.all(nodes.map((node) => onNode(coordinatorUrl, node, `create database "${name}"`)));
  await Promise.all(nodes.map((node) => withClient(urlOf(coordinatorUrl, node, name), (c) => c`create extension if not exists citus`)));
  const [coordinator, ...workers] = nodes;
  const url = urlOf(coordinatorUrl, coordinator!, name);
  await withClient(url, async (c) => {
    await c`select citus_set_coordinator_host(${coordinator!.host}, ${coordinator!.port})`;
    for (const worker of workers) await c`select citus_add_node(${worker.host}, ${worker.port})`;
  });
  return url;
}

/** Changes with the migrations and the distribution step, so an older template is never used. */
function schemaHash(): string {
  const hash = createHash("sha256");
  const root = process.cwd();
  const files = [
    ...readdirSync(path.join(root, "drizzle"))
      .filter((f) => f.endsWith(".sql"))
      .map((f) => path.join("drizzle", f)),
    path.join("drizzle", "meta", "_journal.json"),
    path.join("lib", "db", "distribute.ts"),
  ].sort();
  for (const file of files) hash.update(file).update(readFileSync(path.join(root, file)));
  return hash.digest("hex").slice(0, 12);
}

function urlOf(base: string, node: Node, database: string): string {
  const u = new URL(base);
  u.hostname = node.host;
  u.port = String(node.port);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withClient<T>(url: string, work: (c: postgres.Sql) => Promise<T>): Promise<T> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await work(client);
  } finally {
    await client.end({ timeout: 5 });
  }
}
