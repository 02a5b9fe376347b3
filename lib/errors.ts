export class AppError extends Error {
  readonly status: number = 500;
}

export class NotFoundError extends AppError {
  override name = "NotFoundError";
  override readonly status = 404;
}

export class ForbiddenError extends AppError {
  override name = "ForbiddenError";
  override readonly status = 403;
}

export class UnauthorizedError extends AppError {
  override name = "UnauthorizedError";
  override readonly status = 401;
}

/** A stale edit: `changes` lists what someone else changed since the edit began (their value vs the one the editor started from). */
export class ConflictError extends AppError {
  override name = "ConflictError";
  override readonly status = 409;
  constructor(
    message: string,
    readonly changes: { field: string; before: unknown; after: unknown }[] = [],
    readonly changedBy?: string,
  ) {
    super(message);
  }
}

export class ValidationError extends AppError {
  override name = "ValidationError";
  override readonly status = 400;
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

export type ActionError = {
  ok: false;
  error: string;
  fieldErrors?: Record<string, string[]>;
  /** Set when the edit was stale: what changed in the meantime, field by field. */
  conflict?: { changedBy?: string; changes: { field: string; before: unknown; after: unknown }[] };
};

export type ActionResult<T> = { ok: true; data: T } | ActionError;

export function toActionError(error: unknown): ActionError {
  if (error instanceof ValidationError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof ConflictError)
    return { ok: false, error: error.message, conflict: { changedBy: error.changedBy, changes: error.changes } };
  if (error instanceof AppError) return { ok: false, error: error.message };
  console.error(error);
  return { ok: false, error: "Something went wrong." };
}
