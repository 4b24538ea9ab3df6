// Where a process's CPU went, from a V8 CPU profile written by `node --cpu-prof`, counting only the samples taken in
// given time windows (the measured rounds, not start-up or warm-up). V8 stamps samples with the monotonic clock in
// microseconds, the clock `process.hrtime` reads in another process on the same Linux machine, so the benchmark
// records its windows with `monotonicMicros()` and the profile is cut to them.
import { readFileSync } from 'node:fs';

export interface ProfileWindow {
  fromMicros: number;
  toMicros: number;
}

export interface CpuProfileSummary {
  /** CPU time sampled inside the windows, not idle, ms. */
  busyMs: number;
  /** Self time by where the code lives (an npm package, a Ridegraph folder, Node's internals, GC), % of busy. */
  byPlace: { place: string; percent: number }[];
  /** Self time by function, % of busy. */
  byFunction: { name: string; percent: number }[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The monotonic clock in µs, as V8's profiles stamp their samples. */
export function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** Summarises `file` over `windows`, the `top` largest entries of each list. */
export function summarizeCpuProfile(file: string, windows: ProfileWindow[], top = 15): CpuProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (!windows.some((w) => at >= w.fromMicros && at <= w.toMicros)) return;
    const frame = nodes.get(id);
    if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)') return;
    busy += delta;
    const place = placeOf(frame);
    byPlace.set(place, (byPlace.get(place) ?? 0) + delta);
    const name = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + delta);
  });
  const largest = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, micros]) => ({ key, percent: busy ? Math.round((micros / busy) * 1000) / 10 : 0 }));
  return {
    busyMs: Math.round(busy / 1000),
    byPlace: largest(byPlace).map(({ key, percent }) => ({ place: key, percent })),
    byFunction: largest(byFunction).map(({ key, percent }) => ({ name: key, percent })),
  };
}

function placeOf(frame: ProfileNode['callFrame']): string {
  if (frame.functionName === '(garbage collector)') return 'garbage collection';
  const { url } = frame;
  if (!url) return 'native (syscalls, V8 built-ins)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const own = /\/dist\/([^/]+(?:\/[^/]+)?)/.exec(url);
  return own ? own[1]! : url;
}

function shortUrl(url: string): string {
  return url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, '');
}
