// Where `npm start`'s time goes: each step's end in milliseconds since this Node process began (performance's time
// origin), so the first mark also counts loading the modules, and the CPU time the process had used by then (user +
// system, all its threads): on a shared machine the wall clock depends on the load, the CPU time much less. Logged
// once with "Ridegraph is running" and read by `npm run bench:start` (bench/start.mjs).

export interface StartupTimeline {
  /** Records that `step` has just finished. */
  mark(step: string): void;
  /** `{ step: ms since process start }`, in the order marked. */
  readonly marks: Record<string, number>;
  /** `{ step: CPU ms used since process start }`, in the order marked. */
  readonly cpuMarks: Record<string, number>;
  /** When this process began, in ms since the epoch: what the marks count from. */
  readonly processStartedAt: number;
}

export function startupTimeline(): StartupTimeline {
  const marks: Record<string, number> = {};
  const cpuMarks: Record<string, number> = {};
  return {
    marks,
    cpuMarks,
    processStartedAt: Math.round(performance.timeOrigin),
    mark(step) {
      marks[step] = Math.round(performance.now());
      const { user, system } = process.cpuUsage();
      cpuMarks[step] = Math.round((user + system) / 1000);
    },
  };
}
