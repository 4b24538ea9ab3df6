// Durable events (platform/events): rows the outbox relays published, per source; rows still waiting (read on
// scrape); deliveries handled per consumer group and outcome; each group's lag (read on scrape).
//
// Consumer outcomes: `ok` (handled and acknowledged), `retried` (the handler failed; it runs again after a delay),
// `dead_lettered` (failed too often, or its consumers died in it), `skipped` (a type the group does not consume,
// acknowledged unseen). Lag: events the group has not finished with — not yet delivered plus delivered and not
// yet acknowledged (Redis: XINFO GROUPS `lag` + `pending`).
import { Counter, Gauge } from 'prom-client';
import { metricsEnabled, registry } from './registry.js';
import { GaugeSources, type GaugeSource } from './sources.js';

export type ConsumeOutcome = 'ok' | 'retried' | 'dead_lettered' | 'skipped';

const relayed = new Counter({
  name: 'ridegraph_events_relayed_total',
  help: 'Outbox rows published to the event streams, by emitting subgraph (source).',
  labelNames: ['source'] as const,
  registers: [registry],
});

const consumed = new Counter({
  name: 'ridegraph_events_consumed_total',
  help: 'Event deliveries handled by a consumer group, by outcome (ok, retried, dead_lettered, skipped).',
  labelNames: ['group', 'outcome'] as const,
  registers: [registry],
});

const backlogSources = new GaugeSources();
const lagSources = new GaugeSources();

new Gauge({
  name: 'ridegraph_outbox_backlog',
  help: 'Outbox rows committed and not yet published, by emitting subgraph (read when scraped).',
  labelNames: ['source'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    if (!metricsEnabled()) return;
    for (const [source, rows] of await backlogSources.read()) this.set({ source }, rows);
  },
});

new Gauge({
  name: 'ridegraph_event_consumer_lag',
  help: 'Events a consumer group has not finished with: not yet delivered plus delivered and unacknowledged (read when scraped).',
  labelNames: ['group'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    if (!metricsEnabled()) return;
    for (const [group, lag] of await lagSources.read()) this.set({ group }, lag);
  },
});

export function recordEventsRelayed(source: string, count: number): void {
  if (metricsEnabled() && count > 0) relayed.inc({ source }, count);
}

export function recordEventConsumed(group: string, outcome: ConsumeOutcome): void {
  if (metricsEnabled()) consumed.inc({ group, outcome });
}

/** A relay's unpublished rows, by source; @returns unregisters it. */
export function addOutboxBacklogSource(source: GaugeSource): () => void {
  return backlogSources.add(source);
}

/** An event bus's lag per group; @returns unregisters it. */
export function addConsumerLagSource(source: GaugeSource): () => void {
  return lagSources.add(source);
}
