// Outgoing email behind one interface. The development provider logs instead of sending.
import type { Logger } from '../logging/index.js';
import { simulate, type SimulationOptions } from './simulation.js';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface EmailProvider {
  /** @throws ProviderError when the message could not be handed over for delivery. */
  send(message: EmailMessage): Promise<void>;
}

/**
 * Writes each message as ONE info log line (`{ to, subject, text }`, message "development email") instead of
 * sending it. Never use it in production: reset tokens in a log are readable by whoever reads logs.
 */
export function createDevelopmentEmailProvider(logger: Logger, simulation: SimulationOptions = {}): EmailProvider {
  const log = logger.child({ provider: 'development-email' });
  return {
    async send(message) {
      await simulate(simulation, 'email');
      log.info({ to: message.to, subject: message.subject, text: message.text }, 'development email');
    },
  };
}
