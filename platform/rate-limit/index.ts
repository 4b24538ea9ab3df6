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
export { createMemoryLeakyBucket, type LeakyBucket, type LeakyBucketDecision, type LeakyBucketRule } from './leaky-bucket.js';
export { TokenBucket, type MessageBudget } from './token-bucket.js';
