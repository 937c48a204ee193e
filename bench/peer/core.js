/**
 * The peer's logic alone, for the core-against-core comparison: bundled as a classic script
 * that defines the global `peerCore` (as core.js defines `wasm_bindgen`).
 */
import { dialOne } from './dial.js';

export { dialOne };

/** One result per raw value, as the core's `dialBatch`. */
export function dialBatch(raws) {
  return raws.map(dialOne);
}
