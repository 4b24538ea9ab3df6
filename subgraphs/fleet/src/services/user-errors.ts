// Typed input problems returned in mutation payloads (not thrown): the client fixes the input and retries.
import type { FleetUserErrorCode } from '../generated/resolvers-types.js';

export interface FleetUserError {
  field: string[] | null;
  message: string;
  code: FleetUserErrorCode;
}

/** @param field a path like `input.plate` or `["input", "plate"]`. */
export const userError = (code: FleetUserErrorCode, message: string, field?: string | string[] | null): FleetUserError => ({
  code,
  message,
  field: field === undefined || field === null ? null : Array.isArray(field) ? field : field.split('.'),
});

/** The problems among `checks` (null means fine). */
export const problems = (...checks: (FleetUserError | null)[]): FleetUserError[] => checks.filter((c): c is FleetUserError => c !== null);
