// Request rate limits of the gateway; README.md in this folder.
export { createRequestRateLimiter, type RateLimitOutcome, type RequestRateLimiter } from './request-rate-limiter.js';
export { rateLimitHeaders, rateLimitedBody, type RateLimitedBody } from './headers.js';
export { DEFAULT_MESSAGE_BUDGET, DEFAULT_RATE_LIMITS, readRateLimitConfig, type GatewayRateLimitConfig, type RateLimitSettings } from './settings.js';
export { TokenBucket, type MessageBudget } from '../../../platform/rate-limit/index.js';
