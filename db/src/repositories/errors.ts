/** PostgreSQL's unique_violation (both drivers report the SQLSTATE as `code`). */
export function isUniqueViolationError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
