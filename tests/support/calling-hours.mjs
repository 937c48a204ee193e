/**
 * Calling hours for end-to-end tests and screenshots: calling windows set around the current
 * time of a callee's zone (so that a callee is inside or outside whatever the hour of the
 * run), what the page saw of clicks on its links, the dials the browser started (Chromium,
 * over CDP), and the dialog at the click as assistive technology sees it (Chromium's
 * accessibility tree and DevTools' DOM reach into its closed shadow root).
 */

const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY = 24 * 60;

/** Minutes after local midnight in `zone` now. */
export function localMinutes(zone, now = new Date()) {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).formatToParts(now);
  const part = (type) => Number(parts.find((item) => item.type === type).value);
  return part('hour') * 60 + part('minute');
}

const hhmm = (minutes) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Calling windows of `region`, every day, covering the local times in `zone` from `from` to
 * `to` minutes after now (split at midnight when they cross it).
 */
export function windowsAround(region, zone, from, to) {
  const start = (((localMinutes(zone) + from) % DAY) + DAY) % DAY;
  const end = start + (to - from);
  const window = (a, b) => ({ region, days: EVERY_DAY, from: hhmm(a), to: b === DAY ? '24:00' : hhmm(b) });
  return end <= DAY ? [window(start, end)] : [window(start, DAY), window(0, end - DAY)];
}

/**
 * Records, in the page's own world, every click that reaches a phone or dialer link: its
 * href, and whether it was prevented once every listener had run (the browser follows a
 * link only when not). Read with `pageClicks`.
 */
export function listenToClicks(page) {
  return page.evaluate(() => {
    window.seenClicks = [];
    window.addEventListener('click', (event) => {
      const link = event.composedPath().find((node) => node.localName === 'a');
      if (!link) return;
      const href = link.getAttribute('href');
      setTimeout(() => window.seenClicks.push({ href, prevented: event.defaultPrevented }), 0);
    });
  });
}

export const pageClicks = (page) => page.evaluate(() => window.seenClicks);

/** The dials Chromium started from `page`: every callto: URL a frame asked to navigate to. */
export async function watchDials(page) {
  const cdp = await page.createCDPSession();
  const dials = [];
  cdp.on('Page.frameRequestedNavigation', ({ url }) => {
    if (url.startsWith('callto:')) dials.push(url);
  });
  await cdp.send('Page.enable');
  return { dials, cdp };
}

/**
 * The open dialog as the accessibility tree shows it (Chromium): its role, name,
 * description and buttons; null when there is none.
 */
export async function dialogInTree(cdp) {
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const dialog = nodes.find((node) => node.role?.value === 'alertdialog' && !node.ignored);
  if (!dialog) return null;
  const buttons = [];
  const visit = (node) => {
    if (node.role?.value === 'button') buttons.push(node.name?.value);
    for (const child of node.childIds ?? []) if (byId.has(child)) visit(byId.get(child));
  };
  visit(dialog);
  const modal = dialog.properties?.find((property) => property.name === 'modal')?.value.value === true;
  return { name: dialog.name?.value, description: dialog.description?.value, buttons, modal };
}

/**
 * Lets the page's own scripts (axe-core, run by the test) see into the dialog's closed shadow
 * root: DevTools reaches closed roots, and the host is given its root as `shadowRoot` in the
 * page's world only. False when no dialog is open.
 */
export async function exposeDialogRoot(cdp) {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const find = (node) => {
    if (node.localName === 'caller-id-dialer-dialog') return node;
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
      const found = find(child);
      if (found) return found;
    }
    return null;
  };
  const host = find(root);
  if (!host) return false;
  const { object: hostObject } = await cdp.send('DOM.resolveNode', { nodeId: host.nodeId });
  const { object: rootObject } = await cdp.send('DOM.resolveNode', { nodeId: host.shadowRoots[0].nodeId });
  await cdp.send('Runtime.callFunctionOn', {
    objectId: hostObject.objectId,
    functionDeclaration: 'function (root) { Object.defineProperty(this, "shadowRoot", { value: root, configurable: true }); }',
    arguments: [{ objectId: rootObject.objectId }],
  });
  return true;
}
