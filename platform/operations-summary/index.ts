// The operations summary's shared rules (OPERATIONS-SUMMARY.md in subgraphs/trips): its scope check and its entity id.
export { MAX_SUMMARY_DAYS, summaryScope, type OperationsScope, type SummaryArgs } from './scope.js';
export { decodeSummaryId, encodeSummaryId, type SummaryKey } from './summary-id.js';
