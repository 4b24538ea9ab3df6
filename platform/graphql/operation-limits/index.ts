export { createOperationGuard, type CheckedOperation, type OperationGuard, type OperationRequest } from './check-operation.js';
export { DEFAULT_COST_WEIGHTS, operationCost, type CostModel, type CostWeights } from './cost.js';
export { DEFAULT_OPERATION_LIMITS, readOperationLimits, type OperationLimits } from './limits.js';
export { countTokens, measureDocument, writtenDepth, type DocumentSize } from './measure.js';
export { limitExceeded, OperationRefusal, type LimitName } from './refusal.js';
export { supergraphCostModel } from './supergraph-cost-model.js';
export { checkOperationLimits, type LimitsVerdict } from './admission.js';
