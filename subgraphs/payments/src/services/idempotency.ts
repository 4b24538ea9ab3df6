// Idempotency keys of money mutations (MONEY.md). The key row is inserted in the transaction that creates the
// payment or refund: a concurrent request with the same key waits on it in the database, then finds it.
import { createHash } from 'node:crypto';
import { AppError } from '../../../../platform/errors/index.js';
import type { Tx } from '../store/db.js';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** Canonical JSON (sorted keys) of the input, hashed. */
export function requestHash(input: unknown): string {
  const canonical = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, canonical(v)]),
        )
      : value;
  return createHash('sha256')
    .update(JSON.stringify(canonical(input)))
    .digest('hex');
}

/**
 * Claims `key` for this request inside `tx`.
 * @returns null when the key is new (the caller does the work and calls `record`), or the id of the first result.
 * @throws AppError CONFLICT when the key was used with a different input.
 */
export async function claimKey(tx: Tx, scope: { userId: string; operation: string; key: string }, hash: string): Promise<string | null> {
  const inserted =
    await tx.$executeRaw`insert into payments.idempotency_keys (user_id, operation, key, request_hash) values (${scope.userId}::uuid, ${scope.operation}, ${scope.key}, ${hash}) on conflict do nothing`;
  if (inserted === 1) return null;
  const existing = await tx.idempotencyKey.findUniqueOrThrow({ where: { userId_operation_key: scope } });
  if (existing.requestHash !== hash) {
    throw new AppError('CONFLICT', `idempotencyKey "${scope.key}" was already used with a different input; use a new key for a new ${scope.operation}`);
  }
  if (!existing.resultId) throw new AppError('CONFLICT', `a request with idempotencyKey "${scope.key}" failed; use a new key`);
  return existing.resultId;
}

export async function recordResult(tx: Tx, scope: { userId: string; operation: string; key: string }, resultId: string): Promise<void> {
  await tx.idempotencyKey.update({ where: { userId_operation_key: scope }, data: { resultId } });
}
