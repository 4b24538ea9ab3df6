// graphql-ws: open connections and running subscriptions (gauges), events sent to subscribers, and events dropped
// when a subscriber read too slowly (its connection closed with 4413, what it had not read discarded).
import { Counter, Gauge } from 'prom-client';
import { metricsEnabled, registry } from './registry.js';

const connections = new Gauge({
  name: 'ridegraph_ws_connections',
  help: 'Open graphql-ws (WebSocket) connections.',
  registers: [registry],
});

const subscriptions = new Gauge({
  name: 'ridegraph_ws_subscriptions',
  help: 'Running graphql-ws subscriptions.',
  registers: [registry],
});

const delivered = new Counter({
  name: 'ridegraph_subscription_events_delivered_total',
  help: 'Subscription events sent to graphql-ws subscribers (`next` messages).',
  registers: [registry],
});

const dropped = new Counter({
  name: 'ridegraph_subscription_events_dropped_total',
  help: 'Subscription events discarded because their subscriber read too slowly (connection closed with 4413).',
  registers: [registry],
});

// The gauges move up and down in pairs: a switch turned off in between must not leave them off balance, so they
// are counted whatever the switch says (two additions per connection; nothing measurable).
export function wsConnectionOpened(): () => void {
  connections.inc();
  let open = true;
  return () => {
    if (!open) return;
    open = false;
    connections.dec();
  };
}

/** Counts a running subscription; the result uncounts it (idempotent). */
export function wsSubscriptionStarted(): () => void {
  subscriptions.inc();
  let running = true;
  return () => {
    if (!running) return;
    running = false;
    subscriptions.dec();
  };
}

export function recordSubscriptionEventDelivered(): void {
  if (metricsEnabled()) delivered.inc();
}

export function recordSubscriptionEventsDropped(count: number): void {
  if (metricsEnabled() && count > 0) dropped.inc(count);
}
