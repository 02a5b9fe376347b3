import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { BlobServiceClient } from "@azure/storage-blob";
import S3rver from "s3rver";
import { DUMMY_ACCOUNT } from "s3rver/lib/models/account.js";

// Real storage emulators for the connector tests: s3rver in process, Azurite as a child process, each on a free port.

export const S3_KEY_ID = "AKIAHEADROOMTEST0001";
export const S3_SECRET = "hrS3cret/Never-In-Clear+7Qw9Lx2Vb";
export const AZURE_ACCOUNT = "devstoreaccount1";
/** Azurite's documented development key (public, the same for everyone). */
export const AZURE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

export type S3Emulator = {
  endpoint: string;
  bucket: string;
  put(key: string, body: Buffer | string): Promise<void>;
  stop(): Promise<void>;
};

export async function startS3(bucket = "exports"): Promise<S3Emulator> {
  const directory = mkdtempSync(path.join(tmpdir(), "hr-s3rver-"));
  DUMMY_ACCOUNT.createKeyPair(S3_KEY_ID, S3_SECRET);
  const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    region: "us-east-1",
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: S3_KEY_ID, secretAccessKey: S3_SECRET },
    requestChecksumCalculation: "WHEN_REQUIRED",
  });
  return {
    endpoint,
    bucket,
    async put(key, body) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: Buffer.from(body) }));
    },
    async stop() {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export type AzureEmulator = {
  accountUrl: string;
  connectionString: string;
  container: string;
  put(key: string, body: Buffer | string): Promise<void>;
  stop(): Promise<void>;
};

export async function startAzurite(container = "exports"): Promise<AzureEmulator> {
  const port = await freePort();
  const pkg = fileURLToPath(import.meta.resolve("azurite/package.json"));
  const child = spawn(
    process.execPath,
    [
      path.join(path.dirname(pkg), "dist/src/blob/main.js"),
      "--blobHost",
      "127.0.0.1",
      "--blobPort",
      String(port),
      "--inMemoryPersistence",
      "--disableTelemetry",
      "--silent",
      "--skipApiVersionCheck",
      "--loose",
    ],
    { stdio: "ignore" },
  );
  await waitForPort(port, child);
  const accountUrl = `http://127.0.0.1:${port}/${AZURE_ACCOUNT}`;
  const connectionString = `DefaultEndpointsProtocol=http;AccountName=${AZURE_ACCOUNT};AccountKey=${AZURE_KEY};BlobEndpoint=${accountUrl};`;
  const containerClient = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(container);
  await containerClient.createIfNotExists();
  return {
    accountUrl,
    connectionString,
    container,
    async put(key, body) {
      const bytes = Buffer.from(body);
      await containerClient.getBlockBlobClient(key).upload(bytes, bytes.length);
    },
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Azurite exited with code ${child.exitCode} before listening on ${port}.`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.end();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`Azurite did not listen on port ${port} within 30 s.`);
}
