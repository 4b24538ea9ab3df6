// Typed input problems returned in mutation payloads (not thrown): the client fixes the input and retries.
import type { LoyaltyUserErrorCode } from '../generated/resolvers-types.js';

export interface LoyaltyUserError {
  field: string[] | null;
  message: string;
  code: LoyaltyUserErrorCode;
}

export const userError = (code: LoyaltyUserErrorCode, message: string, field?: string[]): LoyaltyUserError => ({ code, message, field: field ?? null });

export const MAX_POINTS = 1_000_000;

export function textProblem(value: string, max: number, code: LoyaltyUserErrorCode, field: string[]): LoyaltyUserError | null {
  const trimmed = value.trim();
  return trimmed.length < 1 || value.length > max ? userError(code, `${field.at(-1)} must be 1 to ${max} characters`, field) : null;
}

export function idempotencyKeyProblem(key: string, field: string[] = ['idempotencyKey']): LoyaltyUserError | null {
  return key.length < 1 || key.length > 255 ? userError('INVALID_IDEMPOTENCY_KEY', 'idempotencyKey must be 1 to 255 characters', field) : null;
}
