// Typed input problems returned in mutation payloads (not thrown): the client fixes the input and retries.
import type { TripUserErrorCode } from '../generated/resolvers-types.js';

export interface TripUserError {
  field: string[] | null;
  message: string;
  code: TripUserErrorCode;
}

export const userError = (code: TripUserErrorCode, message: string, field?: string[]): TripUserError => ({ code, message, field: field ?? null });
