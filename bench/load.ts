// A small closed-loop load generator: `concurrency` workers send requests back to back until `requests` are done.
// Each call of `send` gets its worker's number (0 … concurrency − 1), so a benchmark can give every worker its own
// viewer (bench/benchmark-queries.ts).
export interface LoadResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  errors: number;
}

export type Send = (worker: number) => Promise<boolean>;

export async function runLoad(send: Send, options: { requests: number; concurrency: number }): Promise<LoadResult> {
  const { latencies, seconds, errors } = await sendAll(send, options);
  return summarizeLoad(latencies, seconds, errors);
}

/** Sends `requests` requests from `concurrency` workers; every latency (ms), the wall time (s), the failures. */
async function sendAll(send: Send, options: { requests: number; concurrency: number }): Promise<{ latencies: number[]; seconds: number; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let started = 0;
  const begin = performance.now();
  const worker = async (_: unknown, index: number) => {
    while (started < options.requests) {
      started++;
      const t0 = performance.now();
      const ok = await send(index).catch(() => false);
      latencies.push(performance.now() - t0);
      if (!ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { latencies, seconds: (performance.now() - begin) / 1000, errors };
}

/**
 * runLoad, with this process's CPU time (user + system) per request, ms. Steadier than req/s on a shared machine:
 * another process taking a core lowers throughput, not the CPU each request needs here.
 */
export async function runLoadWithCpu(send: Send, options: { requests: number; concurrency: number }): Promise<{ load: LoadResult; cpuMsPerRequest: number }> {
  const before = process.cpuUsage();
  const load = await runLoad(send, options);
  const cpu = process.cpuUsage(before);
  return { load, cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / load.requests };
}

/** One way of running the process under test (metrics on, tracing sampled…), switched on by `apply`. */
export interface LoadVariant {
  label: string;
  apply(): void;
}

export interface AlternatingOptions {
  /** Blocks per variant. */
  blocks: number;
  /** Requests per block: small, so the two variants alternate every fraction of a second. */
  blockRequests: number;
  concurrency: number;
}

/** Per variant: its requests as one load run, this process's CPU per request, and the same for each half of the blocks. */
export interface AlternatingResult {
  load: LoadResult;
  cpuMsPerRequest: number;
  /** CPU ms per request over the first and over the second half of the blocks: how much the run drifted. */
  cpuMsPerRequestByHalf: [number, number];
}

/**
 * Two variants of one process compared in many short alternating blocks (A B, B A, A B, …), each block drained
 * before the next: a slow second or minute of a shared machine — this one's speed moved by a third between minutes
 * on 2026-12-07, and rounds of a few seconds differed by ±30 % — then falls on both variants alike, where
 * rounds of seconds each charged it to one. CPU is this process's (user + system) during each variant's blocks.
 */
export async function runAlternatingBlocks(
  send: Send,
  variants: readonly [LoadVariant, LoadVariant],
  options: AlternatingOptions,
): Promise<Record<string, AlternatingResult>> {
  const totals = variants.map(() => ({ latencies: [] as number[], seconds: 0, errors: 0, cpuMs: [0, 0], requests: [0, 0] }));
  for (let block = 0; block < options.blocks; block++) {
    const half = block < options.blocks / 2 ? 0 : 1;
    for (const index of block % 2 === 0 ? [0, 1] : [1, 0]) {
      variants[index]!.apply();
      const before = process.cpuUsage();
      const done = await sendAll(send, { requests: options.blockRequests, concurrency: options.concurrency });
      const cpu = process.cpuUsage(before);
      const total = totals[index]!;
      total.latencies.push(...done.latencies);
      total.seconds += done.seconds;
      total.errors += done.errors;
      total.cpuMs[half]! += (cpu.user + cpu.system) / 1000;
      total.requests[half]! += done.latencies.length;
    }
  }
  return Object.fromEntries(
    variants.map((variant, index) => {
      const total = totals[index]!;
      const perRequest = (cpuMs: number, requests: number) => Math.round((cpuMs / requests) * 1000) / 1000;
      return [
        variant.label,
        {
          load: summarizeLoad(total.latencies, total.seconds, total.errors),
          cpuMsPerRequest: perRequest(total.cpuMs[0]! + total.cpuMs[1]!, total.requests[0]! + total.requests[1]!),
          cpuMsPerRequestByHalf: [perRequest(total.cpuMs[0]!, total.requests[0]!), perRequest(total.cpuMs[1]!, total.requests[1]!)],
        },
      ];
    }),
  );
}

/** One load run's numbers from its latencies (ms, any order; sorted in place), its duration and its error count. */
export function summarizeLoad(latencies: number[], seconds: number, errors: number): LoadResult {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    requests: latencies.length,
    seconds: round(seconds),
    requestsPerSecond: round(latencies.length / seconds),
    latencyMs: { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(latencies.at(-1) ?? 0) },
    errors,
  };
}

/** Nanoseconds per call of `work`, after 100,000 warm-up calls (micro-measurements of instrumentation points). */
export function nanosecondsPerCall(work: () => void, calls = 1_000_000): number {
  for (let i = 0; i < 100_000; i++) work();
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) work();
  return Math.round((Number(process.hrtime.bigint() - start) / calls) * 100) / 100;
}

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Waits until this process is idle — less than `maxCpuPercent` of one core over a one-second window with no load
 * sent — so background work still running (the demo seed's events being consumed right after start-up) is not
 * charged to the first measured round. Gives up after `timeoutMs` and says so. @returns the last window's CPU %.
 */
export async function waitForQuiet({ maxCpuPercent = 5, timeoutMs = 60_000 } = {}): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const before = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const used = process.cpuUsage(before);
    const percent = (used.user + used.system) / 10_000;
    if (percent < maxCpuPercent) return percent;
    if (Date.now() > deadline) {
      process.stderr.write(`still ${percent.toFixed(1)} % busy after ${timeoutMs / 1000} s idle; measuring anyway\n`);
      return percent;
    }
  }
}
