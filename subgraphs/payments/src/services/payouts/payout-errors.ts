// Typed input problems of the payout mutations, returned in their payloads (not thrown). A bulk CSV's problems name
// the line (the header is line 1) and the column.
import type { PayoutUserErrorCode } from '../../generated/resolvers-types.js';

export interface PayoutUserError {
  code: PayoutUserErrorCode;
  message: string;
  field: string[] | null;
  /** For a bulk CSV: its line, the header being line 1. */
  row: number | null;
  /** For a bulk CSV: the column's name. */
  column: string | null;
}

export const payoutError = (code: PayoutUserErrorCode, message: string, field?: string[]): PayoutUserError => ({
  code,
  message,
  field: field ?? null,
  row: null,
  column: null,
});

export const rowError = (row: number, column: string | null, code: PayoutUserErrorCode, message: string): PayoutUserError => ({
  code,
  message,
  field: ['input', 'csv'],
  row,
  column,
});

export function idempotencyKeyError(key: string, field: string[] = ['input', 'idempotencyKey']): PayoutUserError | null {
  return key.length < 1 || key.length > 255 ? payoutError('INVALID_IDEMPOTENCY_KEY', 'idempotencyKey must be 1 to 255 characters', field) : null;
}
