// What every benchmark result should say about its run: when, at which commit, on what machine, and how busy the
// machine was (it is shared: a result without its load average cannot be compared with another).
import { execSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { repoRoot } from '../subgraphs/registry.js';

/** The machine's load average over 1, 5 and 15 minutes, rounded to 2 decimals. */
export function loadSnapshot(): [number, number, number] {
  const [one, five, fifteen] = loadavg().map((l) => Math.round(l * 100) / 100);
  return [one!, five!, fifteen!];
}

export interface RunInfo {
  date: string;
  commit: string;
  machine: { cpus: number; model: string; memoryGb: number; node: string };
}

/** Date, commit and machine of a run; take loadSnapshot()s at its start and end next to it. */
export function runInfo(): RunInfo {
  return {
    date: new Date().toISOString(),
    commit: execSync('git rev-parse --short HEAD', { cwd: repoRoot }).toString().trim(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10, node: process.version },
  };
}

/** One markdown line: "2026-… · commit abc1234 · 2 CPUs (model), 23.5 GB · Node v20… · load average (1/5/15 min) at start …, at end …". */
export function describeRun(info: RunInfo, load: { atStart: number[]; atEnd: number[] }): string {
  const { date, commit, machine } = info;
  return `${date} · commit ${commit} · ${machine.cpus} CPUs (${machine.model}), ${machine.memoryGb} GB · Node ${machine.node} · load average (1/5/15 min) at start ${load.atStart.join(' / ')}, at end ${load.atEnd.join(' / ')}`;
}
