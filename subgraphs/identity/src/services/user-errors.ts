// Typed input problems returned in mutation payloads (not thrown): the client fixes the input and retries.
import type { UserErrorCode } from '../generated/resolvers-types.js';

export interface UserError {
  field: string[] | null;
  message: string;
  code: UserErrorCode;
}

export const userError = (code: UserErrorCode, message: string, field?: string | string[]): UserError => ({
  code,
  message,
  field: field === undefined ? null : Array.isArray(field) ? field : [field],
});

export type { UserErrorCode };
