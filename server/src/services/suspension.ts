import { moderationRepository, type Db } from '@partnera/db';
import { AppError } from '../errors';

/** 403 for a suspended (until a date) or banned (null) account; the end date travels as a field error. */
export function suspendedError(until: Date | null): AppError {
  const when = until ? until.toISOString() : 'never';
  return new AppError(
    403,
    'account_suspended',
    until ? `Your account is suspended until ${when}; you cannot post until then` : 'Your account is banned; you cannot post',
    [{ path: '/suspendedUntil', message: when }],
  );
}

/** Refuses any posting by a suspended or banned account (forums, ideas; rooms check through room access). */
export async function assertNotSuspended(db: Db, userId: string, at: Date): Promise<void> {
  const active = await moderationRepository.activeSuspension(db, userId, at);
  if (active) throw suspendedError(active.ends_at);
}
