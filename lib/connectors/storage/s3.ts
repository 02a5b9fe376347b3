import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { Readable } from "node:stream";
import { unquoteEtag, type ObjectStore, type S3Credentials, type S3Location, type StoredObject } from "./types";

/**
 * AWS S3 and the S3-compatible APIs (OCI, Google Cloud Storage interoperability, CoreWeave…). Checksums are asked
 * for only when an operation requires them: most compatible stores do not send the ones the SDK now checks by default.
 */
export function s3Store(location: S3Location, credentials: S3Credentials): ObjectStore {
  const client = new S3Client({
    region: location.region,
    endpoint: location.endpoint || undefined,
    forcePathStyle: location.forcePathStyle,
    credentials,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 2,
  });
  return {
    async *list(prefix: string): AsyncIterable<StoredObject> {
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: location.bucket, Prefix: prefix || undefined, ContinuationToken: token }),
        );
        for (const o of page.Contents ?? []) {
          if (o.Key === undefined || o.Key.endsWith("/")) continue;
          yield { key: o.Key, etag: unquoteEtag(o.ETag), size: o.Size ?? 0 };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
    async open(key: string): Promise<Readable> {
      const object = await client.send(new GetObjectCommand({ Bucket: location.bucket, Key: key }));
      if (!(object.Body instanceof Readable)) throw new Error(`The object ${key} has no readable body.`);
      return object.Body;
    },
    close() {
      client.destroy();
    },
  };
}
