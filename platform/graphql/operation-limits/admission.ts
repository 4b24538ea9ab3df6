// The operation limits as an HTTP admission step: a refusal becomes HTTP 400 with the refusal's GraphQL error.
import type { Admission, GraphQLRequestParams } from '../../http/index.js';
import type { CheckedOperation, OperationGuard } from './check-operation.js';
import { OperationRefusal } from './refusal.js';

export type LimitsVerdict = { checked: CheckedOperation | undefined; refuse?: undefined } | { checked?: undefined; refuse: NonNullable<Admission['refuse']> };

/** @param options.skipCost for a request the gateway has already costed as a whole (a proven gateway hop). */
export function checkOperationLimits(guard: OperationGuard, params: GraphQLRequestParams, options?: { skipCost?: boolean }): LimitsVerdict {
  try {
    return { checked: guard.check(params, options) };
  } catch (error) {
    if (error instanceof OperationRefusal) return { refuse: { status: 400, body: error.toResponseBody() } };
    throw error;
  }
}
