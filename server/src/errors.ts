/** A failure the client caused or may act on; rendered as RFC 9457 problem+json with a stable code. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: Array<{ path: string; message: string }>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} not found`);
export const forbidden = (detail = 'You are not allowed to do this') => new AppError(403, 'forbidden', detail);
export const unauthorized = (detail = 'Sign in first') => new AppError(401, 'unauthorized', detail);
export const fieldError = (status: number, code: string, path: string, message: string) =>
  new AppError(status, code, message, [{ path, message }]);

/** PostgreSQL's unique_violation, raised when a concurrent write took the same unique value. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
