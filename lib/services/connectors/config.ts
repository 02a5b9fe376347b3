import type { connectors } from "@/lib/db/schema";
import { secretKey } from "@/lib/env";
import { ValidationError } from "@/lib/errors";
import { decryptSecret, encryptSecret } from "@/lib/connectors/secrets";
import type { AzureCredentials, AzureLocation, ConnectorConfig, S3Credentials, S3Location } from "@/lib/connectors/storage";
import type { ConnectorInput } from "./schemas";

type ConnectorRow = typeof connectors.$inferSelect;

export const NO_SECRET_KEY =
  "Set HEADROOM_SECRET_KEY (32 random bytes, e.g. openssl rand -base64 32) in the server's environment and restart it: billing connectors keep their credentials encrypted with it.";

export function requireSecretKey(): Buffer {
  const key = secretKey();
  if (!key) throw new ValidationError(NO_SECRET_KEY);
  return key;
}

/** Where the connector reads (no secret), as stored in `location`. */
export function locationOf(data: ConnectorInput): S3Location | AzureLocation {
  if (data.kind === "s3") {
    return { endpoint: data.endpoint ?? undefined, region: data.region, bucket: data.bucket, forcePathStyle: data.forcePathStyle };
  }
  return { accountUrl: data.accountUrl ?? undefined, container: data.container, auth: data.auth };
}

/**
 * The credentials typed in, or null when every credential field was left blank (an edit keeping the saved ones).
 * Part of a pair, or a sign-in method without its secret, is a ValidationError naming the field.
 */
export function typedCredentials(data: ConnectorInput): S3Credentials | AzureCredentials | null {
  if (data.kind === "s3") {
    if (!data.accessKeyId && !data.secretAccessKey) return null;
    if (!data.accessKeyId) throw missing("accessKeyId", "Enter the access key id that goes with the secret.");
    if (!data.secretAccessKey) throw missing("secretAccessKey", "Enter the secret access key that goes with the key id.");
    return { accessKeyId: data.accessKeyId, secretAccessKey: data.secretAccessKey };
  }
  const field = data.auth === "connection_string" ? "connectionString" : data.auth === "sas" ? "sasToken" : "accountKey";
  const value = data[field];
  if (!value) return null;
  if (data.auth === "connection_string" && !/AccountName=|BlobEndpoint=/i.test(value)) {
    throw missing(field, "A connection string names its account: DefaultEndpointsProtocol=https;AccountName=…;AccountKey=… (or a SAS).");
  }
  return { [field]: value };
}

/** Checks the non-secret parts that depend on the sign-in method. */
export function checkLocation(data: ConnectorInput): void {
  if (data.kind === "azure_blob" && data.auth !== "connection_string" && !data.accountUrl) {
    throw missing("accountUrl", "Enter the account URL, e.g. https://myaccount.blob.core.windows.net.");
  }
}

export function missingCredentials(data: ConnectorInput): ValidationError {
  if (data.kind === "s3") return missing("secretAccessKey", "Enter the access key id and secret access key.");
  const field = data.auth === "connection_string" ? "connectionString" : data.auth === "sas" ? "sasToken" : "accountKey";
  return missing(field, "Enter the credential for this sign-in method.");
}

function missing(field: string, message: string): ValidationError {
  return new ValidationError(`Please fix the highlighted fields (${message})`, { [field]: [message] });
}

export function sealCredentials(credentials: S3Credentials | AzureCredentials, key: Buffer): string {
  return encryptSecret(JSON.stringify(credentials), key);
}

export function configOf(row: Pick<ConnectorRow, "kind" | "location" | "credentials">, key: Buffer): ConnectorConfig {
  const credentials = JSON.parse(decryptSecret(row.credentials, key)) as S3Credentials & AzureCredentials;
  return row.kind === "s3"
    ? { kind: "s3", location: row.location as S3Location, credentials }
    : { kind: "azure_blob", location: row.location as AzureLocation, credentials };
}

/** Every secret of the config, so a message from the storage SDK can be cleaned of them before anyone sees it. */
export function scrub(message: string, config: ConnectorConfig | undefined): string {
  let text = message.replace(/([?&]sig=)[^&\s"']+/gi, "$1[redacted]").replace(/(AccountKey=)[^;\s"']+/gi, "$1[redacted]");
  for (const value of Object.values(config?.credentials ?? {})) {
    if (typeof value === "string" && value.length >= 4) text = text.split(value).join("[redacted]");
  }
  return text;
}

/** The row without its credentials: what audit rows and pages get. */
export function withoutCredentials<T extends { credentials?: unknown }>(row: T): Omit<T, "credentials"> {
  const { credentials: _hidden, ...rest } = row;
  return rest;
}
