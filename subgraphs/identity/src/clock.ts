// Time as identity's rules see it (code and token expiry, cooldowns). Injected so tests can move it.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
