// Expected failures: thrown by services, shown to clients with their code. Anything else is masked.
import { GraphQLError } from 'graphql';
import type { ErrorCode } from './codes.js';

export interface AppErrorOptions {
  /** Extra, client-safe facts (e.g. `field`, `retryAfterSeconds`). Never secrets or internal ids of others. */
  extensions?: Record<string, unknown>;
  cause?: unknown;
}

/** A GraphQL error whose message and code are meant for the client. */
export class AppError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { extensions: { ...options.extensions, code }, originalError: options.cause instanceof Error ? options.cause : undefined });
    this.code = code;
  }
}

export const badInput = (message: string, field?: string) => new AppError('BAD_USER_INPUT', message, field ? { extensions: { field } } : {});

export const notFound = (what: string, id: string) => new AppError('NOT_FOUND', `${what} ${id} was not found`);
