// Types of scripts/start-build.mjs for the TypeScript that imports it (test/start-build.test.ts).

/**
 * Makes `<root>/dist` hold an up-to-date JavaScript file for `entry` and every module it loads at run time, transpiling
 * only the sources that changed since the last call.
 */
export function buildForStart(root: string, entry: string): Promise<{ output: string; modules: number; transpiled: number }>;
