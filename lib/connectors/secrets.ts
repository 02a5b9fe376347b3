import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// AES-256-GCM, one random 96-bit IV per value; stored as "v1.<iv>.<tag>.<ciphertext>", each part base64.
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretKeyError extends Error {
  override name = "SecretKeyError";
}

export function encryptSecret(plain: string, key: Buffer): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(".");
}

/** The clear text of `stored`; a wrong key or an altered value fails the auth tag and throws a SecretKeyError. */
export function decryptSecret(stored: string, key: Buffer): string {
  checkKey(key);
  const [version, iv, tag, body, ...rest] = stored.split(".");
  if (version !== VERSION || iv === undefined || tag === undefined || body === undefined || rest.length > 0) {
    throw new SecretKeyError("The stored credentials are not in a format Headroom knows.");
  }
  const ivBytes = Buffer.from(iv, "base64");
  const tagBytes = Buffer.from(tag, "base64");
  if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) {
    throw new SecretKeyError("The stored credentials are not in a format Headroom knows.");
  }
  const decipher = createDecipheriv("aes-256-gcm", key, ivBytes, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(tagBytes);
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretKeyError(
      "The connector's credentials cannot be decrypted: HEADROOM_SECRET_KEY is not the key they were saved with. Restore that key or enter the credentials again.",
    );
  }
}

function checkKey(key: Buffer): void {
  if (key.length !== 32) throw new SecretKeyError("The secret key must be 32 bytes.");
}
