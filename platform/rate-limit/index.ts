export {
  createRateLimiterStore,
  enforceRateLimits,
  rateLimitedError,
  uniqueRateLimitPrefix,
  type RateLimiter,
  type RateLimiterStore,
  type RateLimiterStoreOptions,
  type RateLimitDecision,
  type RateLimitRule,
} from './rate-limiter.js';
