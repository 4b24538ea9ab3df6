// Typed input problems returned in mutation payloads (not thrown): the client fixes the input and retries.
import type { PaymentUserErrorCode } from '../generated/resolvers-types.js';

export interface PaymentUserError {
  field: string[] | null;
  message: string;
  code: PaymentUserErrorCode;
}

export const userError = (code: PaymentUserErrorCode, message: string, field?: string[]): PaymentUserError => ({ code, message, field: field ?? null });

/** Why an amount cannot be moved, or null when it can. */
export function amountProblem(
  amount: { amountMinor: number; currency: string },
  expectedCurrency: string,
  maxMinor: number,
  field: string[],
): PaymentUserError | null {
  if (!Number.isInteger(amount.amountMinor) || amount.amountMinor < 1 || amount.amountMinor > maxMinor) {
    return userError('INVALID_AMOUNT', `amountMinor must be a whole number from 1 to ${maxMinor}`, [...field, 'amountMinor']);
  }
  if (amount.currency !== expectedCurrency) {
    return userError('CURRENCY_MISMATCH', `currency must be ${expectedCurrency}`, [...field, 'currency']);
  }
  return null;
}

export function idempotencyKeyProblem(key: string): PaymentUserError | null {
  if (key.length < 1 || key.length > 255)
    return userError('INVALID_IDEMPOTENCY_KEY', 'idempotencyKey must be 1 to 255 characters', ['input', 'idempotencyKey']);
  return null;
}
