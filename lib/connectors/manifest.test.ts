import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { concatenateCsv, isManifestKey, ManifestFileError, manifestDataKeys } from "./manifest";

async function joined(files: Record<string, Buffer | string>, chunk = 3): Promise<string> {
  const open = async (key: string) => {
    const bytes = Buffer.from(files[key]!);
    return Readable.from(
      (function* () {
        for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
      })(),
    );
  };
  const out: Buffer[] = [];
  for await (const b of concatenateCsv(Object.keys(files), open)) out.push(b);
  return Buffer.concat(out).toString("utf8");
}

describe("export manifests", () => {
  it("finds the manifest of AWS and Azure exports", () => {
    expect(isManifestKey("cur2/daily/metadata/BILLING_PERIOD=2026-11/Manifest.json")).toBe(true);
    expect(isManifestKey("focus/my-export/metadata/BILLING_PERIOD=2026-11/my-export-Manifest.json")).toBe(true);
    expect(isManifestKey("manifest.json")).toBe(true);
    expect(isManifestKey("exports/manifest.json.gz")).toBe(false);
    expect(isManifestKey("exports/mymanifest.json")).toBe(false);
  });

  it("reads the data files of AWS Data Exports, legacy CUR and Azure manifests", () => {
    expect(manifestDataKeys(JSON.stringify({ dataFiles: ["s3://bucket/a/b-00001.csv.gz", "s3://bucket/a/b-00002.csv.gz"] }))).toEqual([
      "a/b-00001.csv.gz",
      "a/b-00002.csv.gz",
    ]);
    expect(manifestDataKeys(JSON.stringify({ reportKeys: ["a/x.csv"] }))).toEqual(["a/x.csv"]);
    expect(manifestDataKeys(JSON.stringify({ blobs: [{ blobName: "exp/part_0.csv", byteCount: 10 }] }))).toEqual(["exp/part_0.csv"]);
    expect(() => manifestDataKeys("{}")).toThrow(/no data files/);
    expect(() => manifestDataKeys(JSON.stringify({ dataFiles: [1] }))).toThrow(/without a name/);
  });

  it("joins the files into one CSV, gzip or not, keeping one header", async () => {
    const text = await joined({ a: "\uFEFFH1,H2\r\n1,2\r\n", b: gzipSync("H1,H2\r\n3,4"), c: "H1,H2\n5,6\n" });
    expect(text).toBe("H1,H2\n1,2\r\n3,4\n5,6\n");
  });

  it("refuses a file whose header differs, or a broken gzip", async () => {
    await expect(joined({ a: "H1,H2\n1,2\n", b: "H1,H3\n3,4\n" })).rejects.toThrow(ManifestFileError);
    const broken = gzipSync("H1,H2\n1,2\n").subarray(0, 12);
    await expect(joined({ a: "H1,H2\n1,2\n", b: broken })).rejects.toThrow(/b cannot be decompressed/);
  });
});
