/**
 * Administrator policy for end-to-end tests, written where each browser reads it:
 * Chromium's managed policy folder and Firefox's distribution/policies.json. Every write
 * is undone by the returned `remove()`, also when the test process exits early.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromiumExtensionId } from './browsers.mjs';

const CHROMIUM_POLICY = '/etc/chromium/policies/managed/caller-id-dialer-e2e.json';
const FIREFOX_POLICY = '/usr/lib/firefox-esr/distribution/policies.json';

/**
 * Writes `values` as the extension's managed storage for `browserName`.
 * Returns `{ update(values), remove() }`.
 */
export function installPolicy(browserName, values, { extensionDir }) {
  let file;
  let wrap;
  if (browserName === 'chromium') {
    const id = chromiumExtensionId(extensionDir);
    file = CHROMIUM_POLICY;
    wrap = (extensionValues) => ({ '3rdparty': { extensions: { [id]: extensionValues } } });
  } else {
    const manifest = JSON.parse(readFileSync(`${extensionDir}/manifest.json`, 'utf8'));
    const geckoId = manifest.browser_specific_settings.gecko.id;
    file = FIREFOX_POLICY;
    wrap = (extensionValues) => ({ policies: { '3rdparty': { Extensions: { [geckoId]: extensionValues } } } });
  }
  const remove = writeReplacing(file, wrap(values));
  return {
    update: (newValues) => writeFileSync(file, JSON.stringify(wrap(newValues), null, 2)),
    remove,
  };
}

/**
 * Chromium shows a policy written after start to an extension only after a policy reload
 * (measured); this is the agent's "Reload policies" on chrome://policy.
 */
export async function reloadChromiumPolicies(session) {
  const page = await session.newPage();
  await page.goto('chrome://policy');
  // The button lives in the page's web components.
  const button = await page.waitForSelector('pierce/#reload-policies');
  await button.click();
  await page.close();
}

function writeReplacing(file, content) {
  const backup = `${file}.e2e-backup`;
  mkdirSync(dirname(file), { recursive: true });
  if (existsSync(file)) renameSync(file, backup);
  writeFileSync(file, JSON.stringify(content, null, 2));
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    rmSync(file, { force: true });
    if (existsSync(backup)) renameSync(backup, file);
  };
  process.once('exit', remove);
  return remove;
}
