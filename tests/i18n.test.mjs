/**
 * The extension's messages: every shipped locale has exactly the English keys, with the same
 * placeholders, and no empty message; every message key the extension's code, pages and
 * manifest use is defined in English. Runs without a browser: `node --test tests/i18n.test.mjs`.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const extensionDir = join(root, 'extension');
const localesDir = join(extensionDir, '_locales');

// The stores' limits on what the manifest takes from messages (Chrome Web Store and AMO).
const NAME_LIMIT = 75;
const DESCRIPTION_LIMIT = 132;

function readLocale(locale) {
  const file = join(localesDir, locale, 'messages.json');
  return JSON.parse(readFileSync(file, 'utf8'));
}

const locales = readdirSync(localesDir).filter((name) => statSync(join(localesDir, name)).isDirectory());
const english = readLocale('en');

/** `$NAME$` references in a message, by lower-cased name (the browsers ignore their case). */
const namedReferences = (message) => [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) => match[1].toLowerCase());

/** `$1`-style substitutions written straight into a message (without a named placeholder). */
const directReferences = (message) =>
  [...message.replace(/\$([A-Za-z0-9_@]+)\$/g, '').matchAll(/\$(\d)/g)].map((match) => `$${match[1]}`);

/** A message's placeholders: lower-cased name -> content (`$1`, …). */
function placeholdersOf(entry) {
  return Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, placeholder]) => [name.toLowerCase(), placeholder?.content]),
  );
}

const sorted = (list) => [...new Set(list)].sort();

/** Every message problem of one locale, as readable lines. */
function localeProblems(locale, messages) {
  const problems = [];
  for (const key of Object.keys(english)) {
    if (!Object.hasOwn(messages, key)) problems.push(`${key}: missing (en has it)`);
  }
  for (const [key, entry] of Object.entries(messages)) {
    if (!Object.hasOwn(english, key)) {
      problems.push(`${key}: not in en`);
      continue;
    }
    if (typeof entry?.message !== 'string' || entry.message.trim() === '') {
      problems.push(`${key}: empty message`);
      continue;
    }
    const source = english[key];
    const [mine, theirs] = [placeholdersOf(entry), placeholdersOf(source)];
    if (JSON.stringify(sorted(Object.keys(mine))) !== JSON.stringify(sorted(Object.keys(theirs)))) {
      problems.push(`${key}: placeholders ${sorted(Object.keys(mine)).join(', ') || 'none'}, en has ${sorted(Object.keys(theirs)).join(', ') || 'none'}`);
    } else {
      for (const [name, content] of Object.entries(theirs)) {
        if (mine[name] !== content) problems.push(`${key}: placeholder ${name} is ${mine[name]}, en has ${content}`);
      }
    }
    const [used, usedInEnglish] = [namedReferences(entry.message), namedReferences(source.message)];
    if (JSON.stringify(sorted(used)) !== JSON.stringify(sorted(usedInEnglish))) {
      problems.push(`${key}: the message uses ${sorted(used).join(', ') || 'no placeholder'}, en uses ${sorted(usedInEnglish).join(', ') || 'none'}`);
    }
    for (const name of used) {
      if (!Object.hasOwn(mine, name)) problems.push(`${key}: $${name}$ has no placeholder entry`);
    }
    const [direct, directInEnglish] = [directReferences(entry.message), directReferences(source.message)];
    if (JSON.stringify(sorted(direct)) !== JSON.stringify(sorted(directInEnglish))) {
      problems.push(`${key}: the message uses ${sorted(direct).join(', ') || 'no $n'}, en uses ${sorted(directInEnglish).join(', ') || 'none'}`);
    }
  }
  if (locale !== 'en') return problems;
  // In English only: a placeholder nobody refers to is a mistake in the source itself.
  for (const [key, entry] of Object.entries(messages)) {
    for (const name of Object.keys(placeholdersOf(entry))) {
      if (!namedReferences(entry.message ?? '').includes(name)) problems.push(`${key}: placeholder ${name} is not used`);
    }
  }
  return problems;
}

// ------------------------------------------------------------------ keys the code uses

function filesUnder(dir, extensions) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== '_locales') found.push(...filesUnder(path, extensions));
    } else if (extensions.some((extension) => name.endsWith(extension))) {
      found.push(path);
    }
  }
  return found;
}

/**
 * The first argument of the call whose parenthesis opens at `start`: its text up to the
 * first comma or closing parenthesis at its own depth, skipping strings.
 */
function firstArgument(source, start) {
  let depth = 0;
  for (let i = start; i < source.length; i += 1) {
    const char = source[i];
    if (char === "'" || char === '"' || char === '`') {
      i = stringEnd(source, i);
    } else if ('([{'.includes(char)) {
      depth += 1;
    } else if (')]}'.includes(char)) {
      if (depth === 0) return source.slice(start, i);
      depth -= 1;
    } else if (char === ',' && depth === 0) {
      return source.slice(start, i);
    }
  }
  return source.slice(start);
}

/** The index of the quote closing the string that opens at `start`. */
function stringEnd(source, start) {
  const quote = source[start];
  for (let i = start + 1; i < source.length; i += 1) {
    if (source[i] === '\\') i += 1;
    else if (source[i] === quote) return i;
  }
  return source.length;
}

/**
 * Keys named in one argument: every plain string literal that could be a key (a ternary
 * names two), and for a template literal such as `preset_${id}` the prefix before `${`.
 */
function keysIn(argument) {
  const keys = [];
  const prefixes = [];
  for (const match of argument.matchAll(/'([^'\\]*)'|"([^"\\]*)"|`([^`]*)`/g)) {
    const [text, single, double, template] = match;
    // A value compared with (`source === 'policy' ? …`) is not a key.
    const before = argument.slice(0, match.index);
    const after = argument.slice(match.index + text.length);
    if (/[=!]==?\s*$/.test(before) || /^\s*[=!]==?/.test(after)) continue;
    if (template !== undefined) {
      const dollar = template.indexOf('${');
      if (dollar < 0) keys.push(template);
      else if (dollar > 0) prefixes.push(template.slice(0, dollar));
    } else {
      keys.push(single ?? double);
    }
  }
  return { keys: keys.filter((key) => /^[A-Za-z0-9_@]+$/.test(key)), prefixes };
}

/**
 * Where the extension names a message: `ext.i18n.getMessage(key)`, the pages' `t(key)`
 * helper, `data-i18n="key"` in HTML, the settings editor's `i18n: 'key'` attribute and its
 * `hint(id, key)` / `label(for, key)` helpers, and `__MSG_key__` in the manifest.
 * Returns [{ key | prefix, where }].
 */
function usedKeys() {
  const used = [];
  const add = (file, source, index, found) => {
    const line = source.slice(0, index).split('\n').length;
    const where = `${relative(root, file)}:${line}`;
    for (const key of found.keys) used.push({ key, where });
    for (const prefix of found.prefixes) used.push({ prefix, where });
  };
  for (const file of filesUnder(extensionDir, ['.js'])) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:\bgetMessage|(?<![\w$.])t)\(/g)) {
      const start = match.index + match[0].length;
      add(file, source, match.index, keysIn(firstArgument(source, start)));
    }
    for (const match of source.matchAll(/\bi18n:\s*('[^']*'|"[^"]*")/g)) {
      add(file, source, match.index, keysIn(match[1]));
    }
    for (const match of source.matchAll(/(?<![\w$.])(?:hint|label)\(\s*('[^']*'|"[^"]*"|`[^`]*`)\s*,\s*('[^']*'|"[^"]*")/g)) {
      add(file, source, match.index, keysIn(match[2]));
    }
  }
  for (const file of filesUnder(extensionDir, ['.html'])) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/\bdata-i18n(?:-[a-z-]+)?\s*=\s*("[^"]*"|'[^']*')/g)) {
      add(file, source, match.index, { keys: [match[1].slice(1, -1)], prefixes: [] });
    }
  }
  const manifestFile = join(root, 'manifest.json');
  const manifest = readFileSync(manifestFile, 'utf8');
  for (const match of manifest.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)) {
    add(manifestFile, manifest, match.index, { keys: [match[1]], prefixes: [] });
  }
  return used;
}

// ------------------------------------------------------------------ tests

describe('messages', () => {
  it('ships English and French', () => {
    assert.ok(locales.includes('en'), 'en is the default locale');
    assert.ok(locales.includes('fr'), 'French is shipped');
    assert.equal(JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')).default_locale, 'en');
  });

  for (const locale of locales) {
    it(`${locale}: the same keys as en, the same placeholders, no empty message`, () => {
      const problems = localeProblems(locale, readLocale(locale));
      assert.deepEqual(problems, [], `_locales/${locale}/messages.json:\n  ${problems.join('\n  ')}`);
    });

    it(`${locale}: pageLanguage names the locale, for the pages' lang attribute`, () => {
      assert.equal(readLocale(locale).pageLanguage?.message, locale.replace('_', '-'));
    });

    it(`${locale}: the name and description fit the stores`, () => {
      const messages = readLocale(locale);
      assert.ok(messages.extName.message.length <= NAME_LIMIT, `extName is ${messages.extName.message.length} characters`);
      assert.ok(
        messages.extDescription.message.length <= DESCRIPTION_LIMIT,
        `extDescription is ${messages.extDescription.message.length} characters, at most ${DESCRIPTION_LIMIT}`,
      );
    });
  }

  it('every key the code, pages and manifest use is in en', () => {
    const used = usedKeys();
    // The scan must see the code: these are known uses in three different forms.
    for (const known of ['extName', 'callFromMenu', 'enabledLabel', 'welcomeOpenSettings']) {
      assert.ok(used.some((use) => use.key === known), `the scan finds ${known}`);
    }
    const missing = used
      .filter(({ key }) => key !== undefined && !key.startsWith('@@') && !Object.hasOwn(english, key))
      .map(({ key, where }) => `${key} (${where})`);
    const noPrefix = used
      .filter(({ prefix }) => prefix !== undefined && !Object.keys(english).some((key) => key.startsWith(prefix)))
      .map(({ prefix, where }) => `${prefix}… (${where})`);
    assert.deepEqual([...missing, ...noPrefix], [], 'keys used but not in _locales/en/messages.json');
  });

  it('catches each kind of mistake', () => {
    // A copy of en with one mistake of each kind the checks are for.
    const broken = structuredClone(english);
    delete broken.saved; // missing
    broken.notInEnglish = { message: 'extra' }; // extra
    broken.add.message = ' '; // empty
    broken.poolAdded.placeholders = { numero: { content: '$1' } }; // placeholder renamed
    broken.poolAdded.message = 'Ajouté $NUMERO$.';
    broken.removeRule.placeholders.region.content = '$2'; // placeholder content changed
    broken.didYouMean.message = 'Vouliez-vous dire ?'; // placeholder dropped from the text
    const problems = localeProblems('xx', broken).join('\n');
    assert.match(problems, /^saved: missing/m);
    assert.match(problems, /^notInEnglish: not in en/m);
    assert.match(problems, /^add: empty message/m);
    assert.match(problems, /^poolAdded: placeholders numero, en has number/m);
    assert.match(problems, /^removeRule: placeholder region is \$2, en has \$1/m);
    assert.match(problems, /^didYouMean: the message uses no placeholder, en uses suggestion/m);
    assert.deepEqual(keysIn("source === 'policy' ? 'policyValueIgnored' : 'storedValueIgnored'").keys, [
      'policyValueIgnored',
      'storedValueIgnored',
    ]);
    assert.deepEqual(keysIn('`toolbar_${look}`').prefixes, ['toolbar_']);
  });
});
