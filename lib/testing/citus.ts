import postgres from "postgres";

// A fresh database on a Citus cluster, as ../shared/citus/cluster.sh createdb makes one: the database on every node,
// the citus extension in it on every node, and the coordinator and workers registered in it (pg_dist_node is per
// database). The workers are the ones registered in the coordinator's database that TEST_CITUS_URL names.

type Node = { host: string; port: number };

export async function createCitusDatabase(coordinatorUrl: string, name: string): Promise<string> {
  const coordinator = nodeOf(coordinatorUrl);
  const workers = await withClient(
    coordinatorUrl,
    (c) =>
      c<{ host: string; port: number }[]>`
      select nodename as host, nodeport as port from pg_dist_node
      where noderole = 'primary' and groupid <> 0 and isactive order by nodeid`,
  );
  if (workers.length === 0)
    throw new Error(`No Citus workers are registered at ${coordinatorUrl} (start the cluster with ../shared/citus/cluster.sh start).`);
  await withClient(coordinatorUrl, (c) => c.unsafe(`create database "${name}"`));
  // Citus propagates CREATE DATABASE to the workers when citus.enable_create_database_propagation is on (cluster.sh).
  await Promise.all(
    workers.map((worker) =>
      withClient(urlOf(coordinatorUrl, worker, "postgres"), async (c) => {
        const [exists] = await c`select 1 from pg_database where datname = ${name}`;
        if (!exists) await c.unsafe(`create database "${name}"`);
      }),
    ),
  );
  await Promise.all(
    [coordinator, ...workers].map((node) => withClient(urlOf(coordinatorUrl, node, name), (c) => c`create extension if not exists citus`)),
  );
  const url = urlOf(coordinatorUrl, coordinator, name);
  await withClient(url, async (c) => {
    await c`select citus_set_coordinator_host(${coordinator.host}, ${coordinator.port})`;
    for (const worker of workers) await c`select citus_add_node(${worker.host}, ${worker.port})`;
  });
  return url;
}

export async function dropCitusDatabase(coordinatorUrl: string, name: string): Promise<void> {
  const workers = await withClient(
    coordinatorUrl,
    (c) =>
      c<{ host: string; port: number }[]>`
      select nodename as host, nodeport as port from pg_dist_node where noderole = 'primary' and groupid <> 0`,
  );
  // Each node drops its own copy with (force): a propagated DROP DATABASE does not force the workers'.
  await withClient(coordinatorUrl, async (c) => {
    await c`set citus.enable_create_database_propagation = off`;
    await c.unsafe(`drop database if exists "${name}" with (force)`);
  });
  await Promise.all(
    workers.map((worker) =>
      withClient(urlOf(coordinatorUrl, worker, "postgres"), (c) => c.unsafe(`drop database if exists "${name}" with (force)`)),
    ),
  );
}

function nodeOf(url: string): Node {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port || 5432) };
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
