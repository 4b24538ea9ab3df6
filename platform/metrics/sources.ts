// Gauges read when Prometheus scrapes rather than kept up to date: the value lives elsewhere (a pg pool's
// counters, a consumer group's lag in Redis, unpublished outbox rows), and reading it only on a scrape costs
// nothing between scrapes. Each owner registers a source while it lives and unregisters it when it closes.

/** Reads current values by label value (e.g. lag by group); may reject, then its series are left out. */
export type GaugeSource = () => Promise<Map<string, number>> | Map<string, number>;

/** How long one source may take before a scrape goes on without it. */
const SOURCE_TIMEOUT_MS = 2_000;

export class GaugeSources {
  readonly #sources = new Set<GaugeSource>();

  /** @returns unregisters it (idempotent). */
  add(source: GaugeSource): () => void {
    this.#sources.add(source);
    return () => void this.#sources.delete(source);
  }

  /** Every source's values, summed per label value (two pools of one process add up). */
  async read(): Promise<Map<string, number>> {
    const totals = new Map<string, number>();
    const readings = await Promise.allSettled([...this.#sources].map((source) => withTimeout(Promise.resolve(source()))));
    for (const reading of readings) {
      if (reading.status !== 'fulfilled') continue;
      for (const [key, value] of reading.value) totals.set(key, (totals.get(key) ?? 0) + value);
    }
    return totals;
  }
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('metrics source timed out')), SOURCE_TIMEOUT_MS);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
