import { getCtx } from "@/lib/auth/session";
import { templateCsv, templateFileName } from "@/lib/csv/register-templates";
import { isRegisterKind, REGISTER_KINDS } from "@/lib/services/imports/registers/kinds";

export const dynamic = "force-dynamic";

/** The CSV template of a register kind: the exact header the import takes and one example row. */
export async function GET(_request: Request, { params }: { params: Promise<{ kind: string }> }) {
  if (!(await getCtx())) return Response.json({ error: "Your session has ended. Sign in again." }, { status: 401 });
  const { kind } = await params;
  if (!isRegisterKind(kind)) return Response.json({ error: "There is no template of that kind." }, { status: 404 });
  // A browser download (session only): with the UTF-8 byte order mark, which the register import reads past.
  return new Response(`\uFEFF${templateCsv(REGISTER_KINDS[kind].template)}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${templateFileName(kind)}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
