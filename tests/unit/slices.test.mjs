/**
 * content/slices.js: work in short slices that give the page its main thread back, where one
 * step that throws ends nothing but itself.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { contentWorld } from './content-world.mjs';

let world;
before(() => {
  world = contentWorld('', { scripts: ['content/slices.js'] });
});
after(() => world.close());

describe('runSliced', () => {
  it('yields to the page between slices, and finishes every step', async () => {
    const { window } = world;
    let yielded = 0;
    let steps = 0;
    // A task of the page's, queued now: it runs only when our work yields.
    const tick = () => {
      yielded += 1;
      if (steps < 200) window.setTimeout(tick, 0);
    };
    window.setTimeout(tick, 0);
    const busy = (ms) => {
      const end = window.performance.now() + ms;
      while (window.performance.now() < end);
    };
    await world.run('runSliced')(() => {
      steps += 1;
      busy(1);
      return steps < 200;
    });
    assert.equal(steps, 200);
    assert.ok(yielded >= 10, `the page ran ${yielded} times during 200 ms of work in 8 ms slices`);
  });

  it('skips an item that throws and goes on with the next', async () => {
    const seen = [];
    await world.run('forEachSliced')(['a', 'b', 'c'], (item, index) => {
      if (item === 'b') throw new Error('an odd element');
      seen.push([item, index]);
    });
    assert.deepEqual(seen, [['a', 0], ['c', 2]]);
  });
});
