// Durable domain events: outbox (write with the state change) → relay → streams (Redis or memory) → consumer
// groups with idempotent handlers. See README.md.
export type {
  AnyEventEnvelope,
  DomainEventType,
  DomainEvents,
  EventEnvelope,
  EventMoney,
  EventPoint,
  EventDriverStatus,
  EventUserRole,
  EventVehicleCategory,
  TripActorRole,
} from './catalogue.js';
export type { EventBus, ConsumeOptions, EventConsumer } from './types.js';
export { outboxEvent, type OutboxRow } from './outbox.js';
export { createEventBatcher, type EventBatcherOptions } from './batcher.js';
export { handleOnce, type RawExecutor, type TransactionRunner } from './handle-once.js';
export { createEventBus, type CreateEventBusOptions } from './bus.js';
export { createMemoryEventBus, type MemoryEventBusOptions } from './memory.js';
export { createRedisEventBus, type RedisEventBusOptions } from './redis.js';
export { startOutboxRelay, type OutboxRelay, type OutboxRelayOptions, type RelayDatabase, type RelayTransaction } from './relay.js';
export { EventBusDisposedError, type DeadLetter, type EventBusTuning, type EventsLogger, type InspectableEventBus } from './options.js';
export { createUserNameEventHandler, USER_NAME_EVENT_TYPES, type RecordUserName } from './user-name-copies.js';
