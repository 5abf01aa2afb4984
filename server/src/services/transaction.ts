import type { Db } from '@partnera/db';

/**
 * Runs a write in one transaction. Work passed to `afterCommit` runs only once it committed,
 * so live pushes never announce a rolled-back write.
 */
export async function inTransaction<T>(db: Db, work: (trx: Db, afterCommit: (fn: () => void) => void) => Promise<T>): Promise<T> {
  const pending: Array<() => void> = [];
  const result = await db.transaction().execute((trx) => work(trx, (fn) => pending.push(fn)));
  for (const fn of pending) fn();
  return result;
}
