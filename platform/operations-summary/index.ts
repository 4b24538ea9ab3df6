// The operations summary's shared rules (OPERATIONS-SUMMARY.md in subgraphs/trips): its scope check, its entity id
// and its statements' time limit.
export { MAX_SUMMARY_DAYS, summaryScope, type OperationsScope, type SummaryArgs } from './scope.js';
export { decodeSummaryId, encodeSummaryId, type SummaryKey } from './summary-id.js';
export { isStatementTimeout, SUMMARY_STATEMENT_TIMEOUT_MS, summaryTimedOut, summaryTransactionSettings } from './time-limit.js';
