/** "1.2 MB": sizes of the objects a connector lists. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

export function connectorKindLabel(kind: string): string {
  return kind === "s3" ? "S3-compatible" : "Azure Blob";
}

/** "s3://bucket/prefix" or "https://account.blob.core.windows.net/container/prefix". */
export function connectorLocation(c: {
  kind: string;
  prefix: string;
  location: { bucket?: string; accountUrl?: string; container?: string };
}): string {
  const where = c.kind === "s3" ? `s3://${c.location.bucket ?? ""}` : `${c.location.accountUrl ?? "azure:"}/${c.location.container ?? ""}`;
  return `${where}/${c.prefix}`;
}
