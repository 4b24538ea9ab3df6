// How much of a process's CPU a group of modules takes, from V8's sampling profiler (node:inspector) around a piece
// of work: the samples whose innermost frame lies in the group's files, over all samples that were not idle. It
// answers "what does metrics (or tracing) cost" in a way a shared machine's load does not move much — both sides of
// the ratio are this process's own CPU — where comparing throughput on and off swung by ±15–35 % between identical
// runs on this 2-CPU machine. What it does not count: work those modules cause elsewhere (garbage collection of
// what they allocate, async-context bookkeeping inside Node itself), so it is a floor, reported next to throughput.
import { Session } from 'node:inspector/promises';

/** A module group: a sample counts when its frame's script URL matches. */
export type ModuleGroups = Record<string, RegExp>;

/** Groups the benchmarks report. */
export const METRICS_MODULES: RegExp = /\/node_modules\/prom-client\/|\/platform\/metrics\//;
export const TRACING_MODULES: RegExp = /\/node_modules\/@opentelemetry\/|\/platform\/tracing\//;

export interface CpuShare {
  /** Samples that were not idle (the process was running JavaScript, compiling, collecting garbage…). */
  busySamples: number;
  /** Per group: its samples over the busy ones, in percent, 2 decimals. */
  percent: Record<string, number>;
}

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
}

/** Runs `work` under the sampling profiler (1 ms interval) and attributes the samples to `groups`. */
export async function measureCpuShare<T>(groups: ModuleGroups, work: () => Promise<T>): Promise<{ result: T; share: CpuShare }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 1000 });
    await session.post('Profiler.start');
    const result = await work();
    const { profile } = (await session.post('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[] } };
    return { result, share: attribute(profile, groups) };
  } finally {
    session.disconnect();
  }
}

function attribute(profile: { nodes: ProfileNode[]; samples: number[] }, groups: ModuleGroups): CpuShare {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const counts = Object.fromEntries(Object.keys(groups).map((name) => [name, 0]));
  let busy = 0;
  for (const id of profile.samples) {
    const frame = nodes.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') continue;
    busy++;
    for (const [name, pattern] of Object.entries(groups)) if (pattern.test(frame.url)) counts[name]!++;
  }
  const percent = Object.fromEntries(Object.entries(counts).map(([name, n]) => [name, busy ? Math.round((n / busy) * 10_000) / 100 : 0]));
  return { busySamples: busy, percent };
}
