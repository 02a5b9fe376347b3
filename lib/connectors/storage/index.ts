import { azureStore } from "./azure";
import { s3Store } from "./s3";
import type { ConnectorConfig, ObjectStore } from "./types";

export type { AzureCredentials, AzureLocation, ConnectorConfig, ObjectStore, S3Credentials, S3Location, StoredObject } from "./types";

export function openStore(config: ConnectorConfig): ObjectStore {
  return config.kind === "s3" ? s3Store(config.location, config.credentials) : azureStore(config.location, config.credentials);
}
