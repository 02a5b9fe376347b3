import { AnonymousCredential, BlobServiceClient, StorageSharedKeyCredential, type ContainerClient } from "@azure/storage-blob";
import { Readable } from "node:stream";
import { unquoteEtag, type AzureCredentials, type AzureLocation, type ObjectStore, type StoredObject } from "./types";

export function azureStore(location: AzureLocation, credentials: AzureCredentials): ObjectStore {
  const container = containerClient(location, credentials);
  return {
    async *list(prefix: string): AsyncIterable<StoredObject> {
      for await (const blob of container.listBlobsFlat({ prefix: prefix || undefined })) {
        yield { key: blob.name, etag: unquoteEtag(blob.properties.etag), size: blob.properties.contentLength ?? 0 };
      }
    },
    async open(key: string): Promise<Readable> {
      const download = await container.getBlobClient(key).download();
      const body = download.readableStreamBody;
      if (!body) throw new Error(`The blob ${key} has no readable body.`);
      return body instanceof Readable ? body : Readable.from(body as AsyncIterable<Uint8Array>);
    },
    close() {},
  };
}

function containerClient(location: AzureLocation, credentials: AzureCredentials): ContainerClient {
  if (location.auth === "connection_string") {
    return BlobServiceClient.fromConnectionString(credentials.connectionString ?? "").getContainerClient(location.container);
  }
  const url = location.accountUrl ?? "";
  if (location.auth === "sas") {
    const sas = (credentials.sasToken ?? "").replace(/^\?/, "");
    return new BlobServiceClient(`${url.replace(/\/$/, "")}?${sas}`, new AnonymousCredential()).getContainerClient(location.container);
  }
  return new BlobServiceClient(url, new StorageSharedKeyCredential(accountName(url), credentials.accountKey ?? "")).getContainerClient(
    location.container,
  );
}

/** The storage account of an account URL: the first label of <account>.blob.core.windows.net, or the path's first segment (Azurite). */
export function accountName(accountUrl: string): string {
  const url = new URL(accountUrl);
  const fromPath = url.pathname.split("/").filter(Boolean)[0];
  if (fromPath) return fromPath;
  return url.hostname.split(".")[0] ?? "";
}
