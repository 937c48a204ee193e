'use strict';
/**
 * Work in short slices: the content script shares the page's main thread, so anything
 * proportional to the size of the page (scanning thousands of rows, applying thousands of
 * links) runs in tasks of a few milliseconds, and the page stays responsive in between.
 */

/* exported runSliced, forEachSliced */
const { runSliced, forEachSliced } = (() => {
  /** Longest slice of our work before the page gets the main thread back, in ms. */
  const SLICE_MS = 8;
  /**
   * Longest slice while no input is waiting (Chromium's `navigator.scheduling.isInputPending`;
   * elsewhere slices stay at SLICE_MS): each yield lets the page restyle what we changed, so
   * fewer, longer slices finish sooner, and they stay under the 50 ms that makes a task long.
   */
  const IDLE_SLICE_MS = 40;
  const inputPending = () =>
    /** @type {{ scheduling?: { isInputPending?: () => boolean } }} */ (navigator).scheduling?.isInputPending?.() ?? true;

  /**
   * The next task. A message to ourselves rather than a timer: timers of hidden tabs are
   * throttled to one a second, and a console tab in the background must finish as fast.
   */
  const nextTask = (() => {
    const channel = new MessageChannel();
    const waiting = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    return () =>
      new Promise((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(null);
      });
  })();

  /**
   * Calls `step()` until it returns false, yielding to the page whenever a slice is used up;
   * resolves when done. Each step must make progress before it may throw: a step that throws
   * ends nothing but itself.
   * @param {() => boolean} step
   */
  async function runSliced(step) {
    let started = performance.now();
    let deadline = started + SLICE_MS;
    for (let count = 1; ; count += 1) {
      let more;
      try {
        more = step();
      } catch (error) {
        console.debug('Caller ID Dialer: skipped a step', error);
        more = true;
      }
      if (!more) return;
      // Reading the clock costs too: every 4 steps is often enough.
      if (count % 4 === 0 && performance.now() > deadline) {
        if (performance.now() - started < IDLE_SLICE_MS && !inputPending()) continue;
        await nextTask();
        started = performance.now();
        deadline = started + SLICE_MS;
      }
    }
  }

  /**
   * `fn(item, index)` for each of `items`, in slices; resolves when done.
   * @template T
   * @param {T[]} items
   * @param {(item: T, index: number) => void} fn
   */
  function forEachSliced(items, fn) {
    let index = 0;
    return runSliced(() => {
      if (index >= items.length) return false;
      index += 1; // before the call: an item that throws is skipped, not retried
      fn(items[index - 1], index - 1);
      return true;
    });
  }

  return { runSliced, forEachSliced };
})();
