// Envelopes of the durable events as the bus delivers them, for notifications' tests.
import { randomUUID } from 'node:crypto';
import type { AnyEventEnvelope, DomainEvents, DomainEventType, EventEnvelope } from '../../../platform/events/index.js';

export function envelope<K extends DomainEventType>(type: K, payload: DomainEvents[K], source = 'test'): AnyEventEnvelope {
  return { id: randomUUID(), type, source, occurredAt: new Date().toISOString(), payload } as EventEnvelope<K> as AnyEventEnvelope;
}

export const EUR = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
