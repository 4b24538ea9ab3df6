// Failure and latency simulation for the development providers, so client retry paths can be exercised locally.
import { z } from 'zod';
import { readEnv } from '../config/index.js';

/** Thrown by a provider that could not deliver. Its message is safe to log (it never holds the content). */
export class ProviderError extends Error {
  override name = 'ProviderError';
}

export interface SimulationOptions {
  /** Wait this long before "sending". Default 0. */
  delayMs?: number;
  /** Probability (0..1) that a send fails with ProviderError. Default 0; 1 fails every send. */
  failureRate?: number;
  /** Random source for `failureRate` (tests); default Math.random. */
  random?: () => number;
}

export async function simulate(options: SimulationOptions, what: string): Promise<void> {
  if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
  const rate = options.failureRate ?? 0;
  if (rate > 0 && (options.random ?? Math.random)() < rate) throw new ProviderError(`simulated ${what} delivery failure`);
}

/**
 * Reads `DEV_<CHANNEL>_DELAY_MS` and `DEV_<CHANNEL>_FAILURE_RATE` (e.g. DEV_SMS_FAILURE_RATE=0.5).
 * @throws ConfigError for a negative delay or a rate outside 0..1.
 */
export function readSimulationOptions(channel: 'SMS' | 'EMAIL', env: NodeJS.ProcessEnv = process.env): SimulationOptions {
  const delayKey = `DEV_${channel}_DELAY_MS`;
  const rateKey = `DEV_${channel}_FAILURE_RATE`;
  const e = readEnv(
    {
      [delayKey]: z.coerce.number().int().min(0, 'must be 0 or more milliseconds').default(0),
      [rateKey]: z.coerce.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').default(0),
    },
    env,
  );
  return { delayMs: e[delayKey], failureRate: e[rateKey] };
}
