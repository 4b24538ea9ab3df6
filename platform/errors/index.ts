export { ERROR_CODES, isErrorCode, type ErrorCode } from './codes.js';
export { AppError, badInput, notFound, type AppErrorOptions } from './app-error.js';
export { createErrorFormatter } from './format-error.js';
