import type { Readable } from "node:stream";

/** An object as the listing gives it: ETag without its quotes, size in bytes. */
export type StoredObject = { key: string; etag: string; size: number };

/** What a run needs of a bucket or container: list under a prefix, read one object as a stream. */
export type ObjectStore = {
  list(prefix: string): AsyncIterable<StoredObject>;
  open(key: string): Promise<Readable>;
  close(): void;
};

export type S3Location = { endpoint?: string; region: string; bucket: string; forcePathStyle: boolean };
export type S3Credentials = { accessKeyId: string; secretAccessKey: string };

export type AzureAuth = "connection_string" | "sas" | "account_key";
export type AzureLocation = { accountUrl?: string; container: string; auth: AzureAuth };
export type AzureCredentials = { connectionString?: string; sasToken?: string; accountKey?: string };

export type ConnectorConfig =
  | { kind: "s3"; location: S3Location; credentials: S3Credentials }
  | { kind: "azure_blob"; location: AzureLocation; credentials: AzureCredentials };

export function unquoteEtag(etag: string | undefined): string {
  return (etag ?? "").replace(/^W\//, "").replace(/^"(.*)"$/, "$1");
}
