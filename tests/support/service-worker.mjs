/**
 * The extension's background service worker in Chromium: whether it runs, and stopping it as
 * the browser does when it is idle (the next message starts it again, cold).
 */

/** Matches the extension's background service worker target. */
export const workerOf = (session) => (target) =>
  target.type() === 'service_worker' && target.url().startsWith(`${session.extensionOrigin}/`);

/**
 * Stops the extension's service worker and waits until it is gone. (Attaching to the worker
 * to check would keep DevTools holding it.)
 */
export async function stopServiceWorker(session, page) {
  if (!session.browser.targets().some(workerOf(session))) throw new Error('no worker runs before the stop');
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach();
  }
  const deadline = Date.now() + 5000;
  while (session.browser.targets().some(workerOf(session))) {
    if (Date.now() > deadline) throw new Error('the service worker did not stop');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
