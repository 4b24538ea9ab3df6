// The live topics every subgraph may publish and every subscription resolver may listen on.
// Payloads travel as JSON (through Redis in distributed mode), so they hold only JSON values:
// ISO strings for instants, null rather than undefined. Keep them small: the gateway fetches the rest.

/** Topic name → payload. Later issues extend the payloads; add topics here, nowhere else. */
export interface LiveTopics {
  /**
   * A trip changed, keyed by trip id. The owner ids are the trip's after the change: `tripUpdated` decides from
   * them, per event, whether a subscriber may still see it (a driver and a fleet join the trip at assignment).
   */
  TRIP_UPDATED: { tripId: string; status: string; occurredAt: string; riderUserId: string; driverUserId: string | null; fleetId: string | null };
  /**
   * An offer made to a driver, published on two channels: keyed by the driver's user id (what `tripOffered`
   * listens on: a token names the user, not the driver profile) and by the driver (profile) id.
   */
  TRIP_OFFERED: { offerId: string; tripId: string; driverId: string; driverUserId: string; expiresAt: string };
  /**
   * A driver's new position, keyed by driver (profile) id, as it was at that moment (subscribers do not re-read
   * it). The owner ids are the driver's at that moment: `driverLocationUpdated` decides from them, per event,
   * who may still see it — the driver (`driverUserId`), the fleet's staff (`fleetId`) and the rider of the trip the
   * driver is on (`currentRiderUserId`, null off trip), so a rider stops receiving positions when the trip ends.
   */
  DRIVER_LOCATION_UPDATED: {
    driverId: string;
    fleetId: string | null;
    driverUserId: string;
    currentRiderUserId: string | null;
    status: 'OFFLINE' | 'AVAILABLE' | 'ON_TRIP' | 'ON_BREAK';
    latitude: number;
    longitude: number;
    heading: number | null;
    speedKph: number | null;
    recordedAt: string;
  };
  /**
   * Every position of a fleet's drivers, keyed by fleetId (the ops dashboard's live map): the same payload as
   * DRIVER_LOCATION_UPDATED (with the status, so the map can colour markers without a query).
   */
  FLEET_POSITIONS: LiveTopics['DRIVER_LOCATION_UPDATED'];
  NOTIFICATION_ADDED: { notificationId: string; userId: string };
  /** A user's exact unread notification count after a change (new, read, all read), keyed by the user's id. */
  UNREAD_NOTIFICATION_COUNT_CHANGED: { userId: string; unread: number };
}

/** The topic names of a topic map (string keys only: they become channel names). */
export type TopicName<Topics> = Extract<keyof Topics, string>;

/**
 * The one place a channel name is built: `<prefix><TOPIC>` or, scoped by a key (a trip id, a driver id),
 * `<prefix><TOPIC>:<key>`. Scoped and unscoped channels are distinct: a listener on `TRIP_UPDATED` does
 * not hear `TRIP_UPDATED:<id>`; publish to both if both audiences exist.
 *
 * @throws TypeError when `key` is an empty string — almost always a missing id, and treating it as
 *   "no key" would widen a subscription to every trip.
 */
export function channelName(prefix: string, topic: string, key?: string): string {
  if (key === undefined) return `${prefix}${topic}`;
  if (key === '') throw new TypeError(`Live topic ${topic}: the key is an empty string (omit it for the unscoped topic)`);
  return `${prefix}${topic}:${key}`;
}

/**
 * Checks a channel prefix: required and non-empty so deployments and test runs sharing one Redis never
 * hear each other, and without whitespace because it also names Redis connections (CLIENT SETNAME).
 *
 * @throws TypeError saying what is wrong.
 */
export function assertValidPrefix(prefix: unknown): asserts prefix is string {
  if (typeof prefix !== 'string' || prefix === '') {
    throw new TypeError('Live pub/sub needs a non-empty channel prefix, e.g. "ridegraph:prod:"');
  }
  if (/\s/.test(prefix)) throw new TypeError(`Live pub/sub channel prefix must not contain whitespace: ${JSON.stringify(prefix)}`);
}
