// The gateway's edge: what every HTTP request passes before Apollo validates or plans it, cheapest first —
// operation limits (tokens, depth, aliases, fields, fragment spreads, directives, cost) → the access token → the
// rate limit (per IP for anonymous requests, cost points per user for signed-in ones). Each refusal is a 4xx with a
// code; what passes is remembered for the request's context (the viewer, the cost), so nothing is done twice.
import type { IncomingMessage } from 'node:http';
import { viewerFromAuthorization, type AccessTokenVerifier, type Viewer } from '../../platform/auth/index.js';
import { AppError } from '../../platform/errors/index.js';
import { checkOperationLimits, type OperationGuard } from '../../platform/graphql/operation-limits/index.js';
import type { Admission, GraphQLRequestParams } from '../../platform/http/index.js';

/** What the edge learnt about an admitted request. */
export interface AdmittedRequest {
  viewer: Viewer | null;
  /** The operation's calculated cost; 0 when it was not known (no query text, or the document does not parse). */
  cost: number;
}

/**
 * Charges an admitted request against the caller's budget. Returns headers to add (RateLimit-*), or a refusal.
 * Absent: no rate limit.
 */
export type RequestCharger = (request: { req: IncomingMessage; viewer: Viewer | null; cost: number }) => Promise<Admission>;

export interface GatewayEdge {
  admit(req: IncomingMessage, params: GraphQLRequestParams): Promise<Admission>;
  /** What `admit` learnt about `req`; undefined for a request it did not see. */
  admitted(req: IncomingMessage): AdmittedRequest | undefined;
}

export function createGatewayEdge(options: { guard: OperationGuard; verifyAccessToken: AccessTokenVerifier; charge?: RequestCharger }): GatewayEdge {
  const admitted = new WeakMap<IncomingMessage, AdmittedRequest>();
  return {
    async admit(req, params) {
      const limits = checkOperationLimits(options.guard, params);
      if (limits.refuse) return { refuse: limits.refuse };
      // No query text (the landing page, a malformed request): Apollo answers it without running anything, and the
      // context verifies the token should it get that far.
      if (typeof params.query !== 'string') return options.charge ? options.charge({ req, viewer: null, cost: 0 }) : {};
      let viewer: Viewer | null;
      try {
        viewer = await viewerFromAuthorization(req.headers.authorization, options.verifyAccessToken);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 401;
        return { refuse: { status, body: { errors: [{ message: error.message, extensions: { code: error.code } }] } } };
      }
      const cost = limits.checked?.cost ?? 0;
      admitted.set(req, { viewer, cost });
      return options.charge ? options.charge({ req, viewer, cost }) : {};
    },
    admitted: (req) => admitted.get(req),
  };
}
