// A token bucket for one socket's messages: `burst` tokens, refilled at `perSecond`. In-process and synchronous on
// purpose: a socket lives in exactly one process, and the check must happen in the same step as the message it
// admits (no await in between, or a burst would pass while checks are pending).

export interface MessageBudget {
  /** Sustained messages per second. */
  perSecond: number;
  /** Messages that may arrive at once (the bucket's size), e.g. resubscribing everything after a reconnect. */
  burst: number;
}

export class TokenBucket {
  #tokens: number;
  #at: number;

  constructor(
    private readonly budget: MessageBudget,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.#tokens = budget.burst;
    this.#at = now();
  }

  /** Takes one token. @returns false (taking nothing) when the bucket is empty. */
  take(): boolean {
    const at = this.now();
    this.#tokens = Math.min(this.budget.burst, this.#tokens + ((at - this.#at) * this.budget.perSecond) / 1000);
    this.#at = at;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
