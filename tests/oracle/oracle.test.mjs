// Proves the committed crate/tests/data/oracle.json is exactly what the pinned
// google-libphonenumber answers today, so the Rust differential test compares
// against Google's behaviour and not against stale or hand-edited rows.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ORACLE_PATH, generateCorpus, summarize } from './generate.mjs';

const REGENERATE =
  'run `node tests/oracle/generate.mjs` to regenerate crate/tests/data/oracle.json';

const fresh = generateCorpus();

function readCommitted() {
  try {
    return JSON.parse(readFileSync(ORACLE_PATH, 'utf8'));
  } catch (error) {
    const message = `cannot read ${ORACLE_PATH} (${error.message}); ${REGENERATE}`;
    throw new Error(message, { cause: error });
  }
}
const committed = readCommitted();

test('committed oracle.json equals a fresh libphonenumber run', () => {
  // Point at the first differing row: a full deep-equal diff of thousands of rows is unreadable.
  const firstDiff = fresh.findIndex(
    (row, i) => JSON.stringify(row) !== JSON.stringify(committed[i]),
  );
  if (firstDiff !== -1 || fresh.length !== committed.length) {
    const at = firstDiff === -1 ? Math.min(fresh.length, committed.length) : firstDiff;
    assert.fail(
      `oracle.json is stale (${committed.length} committed rows, ${fresh.length} generated; ` +
        `first difference at row ${at}: committed ${JSON.stringify(committed[at])}, ` +
        `generated ${JSON.stringify(fresh[at])}); ${REGENERATE}`,
    );
  }
  assert.deepStrictEqual(committed, fresh, `oracle.json is stale; ${REGENERATE}`);
});

test('generation is deterministic', () => {
  assert.deepStrictEqual(generateCorpus(), fresh);
});

test('corpus is big and varied enough to be a useful oracle', () => {
  const { rows, countries, valid, null: nulls } = summarize(committed);
  assert.ok(rows >= 1000, `only ${rows} rows; ${REGENERATE}`);
  assert.ok(countries >= 20, `only ${countries} distinct countries; ${REGENERATE}`);
  assert.ok(valid > 0 && nulls > 0, 'corpus needs both valid and invalid expectations');
});

test('rows have the shape the Rust test reads', () => {
  for (const row of committed) {
    assert.deepStrictEqual(Object.keys(row), ['input', 'country', 'expected']);
    assert.equal(typeof row.input, 'string');
    assert.match(row.country, /^[A-Z]{2}$/);
    // Not capped at 15 digits: libphonenumber accepts longer numbers (NG toll-free).
    if (row.expected !== null) assert.match(row.expected, /^\+[1-9]\d+$/);
  }
  const keys = new Set(committed.map((row) => `${row.country}\u0000${row.input}`));
  assert.equal(keys.size, committed.length, 'duplicate (input, country) rows');
});
