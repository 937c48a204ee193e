/**
 * The three readers of phone values, run in Node before the browser runs, to know in advance
 * what each extension must do with every row (which links change, and to what):
 *
 * - ours: the core exactly as the extension ships it (dist/chrome/core: the wasm-bindgen glue
 *   and module), instantiated here with `initSync`;
 * - the peer: bench/peer/dial.js on libphonenumber-js/max, the code its bundle contains;
 * - Google's libphonenumber (npm google-libphonenumber), only to report where each of the two
 *   reads a value differently from the reference.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The settings both extensions use: US numbers by default, 8x8's example caller ID. */
export const CALLER_ID = '+18880001111';
export const SETTINGS = { defaultCountry: 'US', defaultCallerId: CALLER_ID };

/**
 * The shipped core in Node. `itemsForm` tells which argument `dialBatch` takes: objects
 * `{ raw }` (the newer API) or plain strings (the first one).
 */
export function loadCore(coreDir) {
  const glue = readFileSync(join(coreDir, 'core.js'), 'utf8');
  // The no-modules glue declares `wasm_bindgen` in the scope it runs in.
  const wasmBindgen = new Function(`${glue}\nreturn wasm_bindgen;`)();
  wasmBindgen.initSync({ module: readFileSync(join(coreDir, 'core_bg.wasm')) });
  let itemsForm;
  try {
    wasmBindgen.dialBatch([{ raw: '4155551212' }], SETTINGS);
    itemsForm = true;
  } catch {
    wasmBindgen.dialBatch(['4155551212'], SETTINGS);
    itemsForm = false;
  }
  return {
    itemsForm,
    dialBatch: (raws) => wasmBindgen.dialBatch(itemsForm ? raws.map((raw) => ({ raw })) : raws, SETTINGS),
  };
}

export async function loadPeer() {
  const { dialOne } = await import('./peer/dial.js');
  return { dialBatch: (raws) => raws.map(dialOne) };
}

/** Google's reading: E.164 of a valid number, or null. */
export function loadGoogle() {
  const require = createRequire(import.meta.url);
  const { PhoneNumberUtil, PhoneNumberFormat } = require('google-libphonenumber');
  const util = PhoneNumberUtil.getInstance();
  return {
    e164(raw) {
      try {
        const number = util.parseAndKeepRawInput(raw, SETTINGS.defaultCountry);
        return util.isValidNumber(number) ? util.format(number, PhoneNumberFormat.E164) : null;
      } catch {
        return null;
      }
    },
  };
}

/**
 * How an engine's numbers compare with Google's over `raws` (distinct values): `agree` (same
 * number, or both none), `wrong` (a number where Google has another or none: a stranger could
 * be dialled), `missed` (none where Google has one).
 */
export function compareWithGoogle(raws, results, google) {
  const counts = { values: raws.length, agree: 0, wrong: 0, missed: 0 };
  raws.forEach((raw, i) => {
    const expected = google.e164(raw);
    const got = results[i]?.ok ? results[i].number : null;
    if (got === expected) counts.agree += 1;
    else if (got === null) counts.missed += 1;
    else counts.wrong += 1;
  });
  return counts;
}
