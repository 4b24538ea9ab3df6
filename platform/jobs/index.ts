export { createPollingLoop, type PollingLoop, type PollingLoopOptions } from './polling-loop.js';
