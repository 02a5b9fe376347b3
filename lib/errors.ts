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

export class ConflictError extends AppError {
  override name = "ConflictError";
  override readonly status = 409;
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

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export function toActionError(error: unknown): { ok: false; error: string; fieldErrors?: Record<string, string[]> } {
  if (error instanceof ValidationError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof AppError) return { ok: false, error: error.message };
  console.error(error);
  return { ok: false, error: "Something went wrong." };
}
