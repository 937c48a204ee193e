/**
 * Functions that run in the page's own JavaScript world (puppeteer `page.evaluate`), where a
 * Salesforce page's scripts run: they insert the rows and observe what the extensions do.
 * Each is self-contained: puppeteer sends its source text, not its closure.
 */
/* global document, MutationObserver, requestAnimationFrame, window, wasm_bindgen, peerCore */

/**
 * Builds one `<li><a href="tel:…">…</a></li>` per value, then in a later task appends them all
 * to a list on the page with one `append` (time 0), and resolves once `expected` links no
 * longer start with `tel:` (detected by a MutationObserver on the list), or after `timeoutMs`.
 * With `expected` 0 (no extension at work) it resolves once the page has rendered the rows.
 *
 * Resolves to { ms, renderedMs, rewritten, timedOut, longestTaskMs, longTasks, hrefs }: `ms`
 * from the append to the last rewrite (to the rows' first rendering when `expected` is 0);
 * the longest main-thread task (PerformanceObserver `longtask`, so only tasks of 50 ms or
 * more; 0 when none) among those overlapping the span from the append until both the last
 * rewrite and the first rendering of the rows, so the page's own rendering counts alike
 * with or without an extension, and each of those tasks (`atMs` after the append, `ms`
 * long); the final href of every row, in order.
 */
export function insertAndWait({ values, expected, timeoutMs, listId }) {
  const list = document.createElement('ul');
  list.id = listId;
  list.className = 'slds-list_vertical slds-has-dividers_bottom-space';
  document.body.append(list);
  const anchors = values.map((value) => {
    const anchor = document.createElement('a');
    anchor.setAttribute('href', `tel:${value}`);
    anchor.textContent = value;
    return anchor;
  });
  const rows = anchors.map((anchor) => {
    const row = document.createElement('li');
    row.className = 'slds-item';
    row.append(anchor);
    return row;
  });

  return new Promise((resolve) => {
    const longTasks = [];
    const keep = (entries) => {
      for (const entry of entries) longTasks.push({ start: entry.startTime, duration: entry.duration });
    };
    const tasks = new PerformanceObserver((list) => keep(list.getEntries()));
    tasks.observe({ type: 'longtask' });

    const counted = new WeakSet();
    let rewritten = 0;
    let start = 0;
    let end = null;
    let rendered = null;
    let done = false;
    const maybeFinish = () => {
      if ((expected === 0 || end !== null) && rendered !== null) finish(false);
    };
    const observer = new MutationObserver((records) => {
      for (const { target } of records) {
        if (counted.has(target) || /^tel:/i.test(target.getAttribute('href') ?? '')) continue;
        counted.add(target);
        rewritten += 1;
      }
      if (end === null && expected > 0 && rewritten >= expected) {
        end = performance.now();
        maybeFinish();
      }
    });
    observer.observe(list, { subtree: true, attributes: true, attributeFilter: ['href'] });
    const timer = setTimeout(() => finish(true), timeoutMs);

    function finish(timedOut) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const now = performance.now();
      const stop = Math.max(end ?? now, rendered ?? now);
      // A long task is reported after it ends: let the last ones arrive.
      setTimeout(() => {
        observer.disconnect();
        keep(tasks.takeRecords());
        tasks.disconnect();
        const during = longTasks.filter((t) => t.start + t.duration > start && t.start < stop);
        resolve({
          ms: (expected > 0 ? (end ?? now) : (rendered ?? now)) - start,
          renderedMs: rendered === null ? null : rendered - start,
          rewritten,
          timedOut: timedOut && (expected > 0 ? end === null : rendered === null),
          longestTaskMs: during.reduce((max, t) => Math.max(max, t.duration), 0),
          longTasks: during.map((t) => ({ atMs: t.start - start, ms: t.duration })),
          hrefs: anchors.map((anchor) => anchor.getAttribute('href')),
        });
      }, 250);
    }

    // The rows were built in this task; they are inserted in a task of their own.
    setTimeout(() => {
      start = performance.now();
      list.append(...rows);
      // The rows have been styled, laid out and painted once two frames have begun.
      requestAnimationFrame(() =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            rendered = performance.now();
            maybeFinish();
          }, 0),
        ),
      );
    }, 0);
  });
}

/**
 * Our core from nothing, in a page that has not loaded it: script load, then wasm fetch +
 * compile + instantiate, then the first `dialBatch` of one value. Milliseconds per step.
 */
export async function firstCallOurs({ raw, settings, itemsForm }) {
  const t0 = performance.now();
  await loadScriptInPage('core.js');
  const t1 = performance.now();
  window.benchCoreExports = await wasm_bindgen({ module_or_path: 'core_bg.wasm' });
  const t2 = performance.now();
  const [result] = wasm_bindgen.dialBatch(itemsForm ? [{ raw }] : [raw], settings);
  const t3 = performance.now();
  return { totalMs: t3 - t0, scriptMs: t1 - t0, initMs: t2 - t1, firstResultMs: t3 - t2, ok: result.ok };

  function loadScriptInPage(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`${src} did not load`));
      document.head.append(script);
    });
  }
}

/**
 * The phonenumber crate alone from nothing (bench/crate-floor): wasm fetch + compile +
 * instantiate, then its first answer: the US database built from the metadata the core
 * gives the crate, and `is_valid_with` on +1 415-555-1212. The inputs are fetched first,
 * outside the time: the core has its metadata in its module.
 */
export async function firstCallCrateFloor() {
  const [metadata, number] = await Promise.all(
    ['us-metadata.bin', 'number.bin'].map(async (name) => {
      const response = await fetch(`crate-floor/${name}`);
      if (!response.ok) throw new Error(`crate-floor/${name}: ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    }),
  );
  const t0 = performance.now();
  const { instance } = await WebAssembly.instantiateStreaming(fetch('crate-floor/floor.wasm'));
  const t1 = performance.now();
  const { alloc, is_valid: isValid, memory } = instance.exports;
  const place = (bytes) => {
    const at = alloc(bytes.length);
    new Uint8Array(memory.buffer, at, bytes.length).set(bytes);
    return at;
  };
  const ok = isValid(place(metadata), metadata.length, place(number), number.length) === 1;
  const t2 = performance.now();
  return { totalMs: t2 - t0, scriptMs: 0, initMs: t1 - t0, firstResultMs: t2 - t1, ok };
}

/** The peer from nothing: script load and evaluation (metadata included), then one value. */
export async function firstCallPeer({ raw }) {
  const t0 = performance.now();
  await loadScriptInPage('peer-core.js');
  const t1 = performance.now();
  const result = peerCore.dialOne(raw);
  const t2 = performance.now();
  return { totalMs: t2 - t0, scriptMs: t1 - t0, initMs: 0, firstResultMs: t2 - t1, ok: result.ok };

  function loadScriptInPage(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`${src} did not load`));
      document.head.append(script);
    });
  }
}

/**
 * One pass of an engine, already loaded, over `raws`; microseconds per value. Our core gets
 * them in one `dialBatch` call, as the background does; the peer reads them one by one.
 */
export function warmPass({ engine, raws, settings, itemsForm }) {
  const input = engine === 'ours' && itemsForm ? raws.map((raw) => ({ raw })) : raws;
  const t0 = performance.now();
  const results = engine === 'ours' ? wasm_bindgen.dialBatch(input, settings) : peerCore.dialBatch(input);
  const elapsed = performance.now() - t0;
  return { usPerNumber: (elapsed * 1000) / raws.length, valid: results.filter((r) => r.ok).length };
}

/** Bytes of our core's linear memory (the wasm `memory` export). */
export function wasmMemoryBytes() {
  return window.benchCoreExports.memory.buffer.byteLength;
}
