import { requireActionCtx } from "@/lib/auth/session";
import { checkDeclaredLength, jsonError, ndjsonResponse, readBody, PayloadTooLargeError, uploadFileName } from "@/lib/ingest/http";
import { commitRegisterImport, MAX_REGISTER_FILE_BYTES, previewRegisterImport } from "@/lib/services/imports/registers/import";
import { isRegisterKind, REGISTER_KINDS, registerKindList } from "@/lib/services/imports/registers/kinds";
import { ValidationError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/context";

export const dynamic = "force-dynamic";

/**
 * Checks (`mode=preview`) or imports (`mode=commit`) a register CSV sent as the raw request body
 * (`?kind=<a kind of lib/services/imports/registers/kinds.ts>&name=<file name>`). A refused request gets a JSON
 * error (401, 403, 400, 413); an accepted one streams NDJSON: progress events, then the result.
 */
export async function POST(request: Request) {
  try {
    const ctx = await requireActionCtx();
    const url = new URL(request.url);
    const kind = url.searchParams.get("kind");
    const mode = url.searchParams.get("mode");
    if (!isRegisterKind(kind)) throw new ValidationError(`Choose what the file holds: ${registerKindList()}.`);
    if (mode !== "preview" && mode !== "commit")
      throw new ValidationError("Say whether to check (mode=preview) or import (mode=commit) the file.");
    requirePermission(ctx, REGISTER_KINDS[kind].template.permission);
    checkDeclaredLength(request, MAX_REGISTER_FILE_BYTES);
    const content = await readBody(request.body, MAX_REGISTER_FILE_BYTES);
    if (content.byteLength === 0) throw new ValidationError("The file is empty.");
    const input = { kind, fileName: uploadFileName(request, `${kind}.csv`), content };
    const verb = mode === "preview" ? previewRegisterImport : commitRegisterImport;
    return ndjsonResponse((progress) => verb({ ctx, input, onProgress: (p) => progress({ bytes: content.byteLength, rows: p.rows }) }));
  } catch (error) {
    if (error instanceof PayloadTooLargeError) {
      return Response.json({ error: "Register files are limited to 10 MB; split the file into several." }, { status: 413 });
    }
    return jsonError(error);
  }
}
