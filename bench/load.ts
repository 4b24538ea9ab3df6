// A small closed-loop load generator: `concurrency` workers send requests back to back until `requests` are done.
export interface LoadResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  errors: number;
}

export async function runLoad(send: () => Promise<boolean>, options: { requests: number; concurrency: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let started = 0;
  const begin = performance.now();
  const worker = async () => {
    while (started < options.requests) {
      started++;
      const t0 = performance.now();
      const ok = await send().catch(() => false);
      latencies.push(performance.now() - t0);
      if (!ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return summarizeLoad(latencies, (performance.now() - begin) / 1000, errors);
}

/**
 * runLoad, with this process's CPU time (user + system) per request, ms. Steadier than req/s on a shared machine:
 * another process taking a core lowers throughput, not the CPU each request needs here.
 */
export async function runLoadWithCpu(
  send: () => Promise<boolean>,
  options: { requests: number; concurrency: number },
): Promise<{ load: LoadResult; cpuMsPerRequest: number }> {
  const before = process.cpuUsage();
  const load = await runLoad(send, options);
  const cpu = process.cpuUsage(before);
  return { load, cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / load.requests };
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
