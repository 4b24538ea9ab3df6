// Outgoing SMS behind one interface, so the carrier can change without touching identity. The development
// provider logs instead of sending.
import type { Logger } from '../logging/index.js';
import { ProviderError, simulate, type SimulationOptions } from './simulation.js';

export interface SmsProvider {
  /**
   * Sends one text message.
   * @param to E.164 phone number.
   * @throws ProviderError when the message could not be handed to the carrier; the caller decides whether to retry.
   */
  send(to: string, text: string): Promise<void>;
}

/**
 * Writes each message as ONE info log line (`{ to, text }`, message "development SMS") instead of sending it:
 * the only place a one-time code is ever visible in development. Never use it in production, where a log is
 * not a private channel.
 */
export function createDevelopmentSmsProvider(logger: Logger, simulation: SimulationOptions = {}): SmsProvider {
  const log = logger.child({ provider: 'development-sms' });
  return {
    async send(to, text) {
      await simulate(simulation, 'SMS');
      log.info({ to, text }, 'development SMS');
    },
  };
}

export { ProviderError };
