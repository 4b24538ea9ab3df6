// Typed input problems of the rental mutations, returned in their payloads (not thrown).
import type { RentalUserErrorCode } from '../../generated/resolvers-types.js';

export interface RentalUserError {
  field: string[] | null;
  message: string;
  code: RentalUserErrorCode;
}

export const rentalError = (code: RentalUserErrorCode, message: string, field?: string[]): RentalUserError => ({ code, message, field: field ?? null });

/** Thrown inside a transaction to roll it back (an idempotency key claimed, a row locked) and answer with a user error. */
export class RentalRefusal extends Error {
  constructor(readonly userError: RentalUserError) {
    super(userError.message);
  }
}
