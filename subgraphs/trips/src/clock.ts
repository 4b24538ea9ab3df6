// Time as trips' rules see it (offer and quote expiry, durations, fees). Injected so tests can move it.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
