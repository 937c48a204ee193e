/**
 * Timers for the extension's code under test: a timer of a second or more (the late policy's
 * rechecks, the "try a number" clock) must not keep the test process alive.
 */
const nodeSetTimeout = globalThis.setTimeout;
const nodeSetInterval = globalThis.setInterval;

/** setTimeout whose long timers do not hold the process. */
export function setTimeoutUnheld(callback, ms, ...args) {
  const timer = nodeSetTimeout(callback, ms, ...args);
  return ms >= 1000 ? timer.unref() : timer;
}

/** setInterval that never holds the process. */
export function setIntervalUnheld(...args) {
  return nodeSetInterval(...args).unref();
}
