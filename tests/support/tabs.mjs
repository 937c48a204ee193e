/**
 * Reaching a Salesforce tab from the extension's side, as the background does: tests open
 * one Salesforce page at a time, and it is the tab whose content script answers.
 */

/** Opens an extension page, runs `use(page, tabId)` with the Salesforce tab's id, closes it. */
export async function withSalesforceTab(session, use) {
  const page = await session.openExtensionPage('popup/popup.html');
  try {
    const tabId = await page.evaluate(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      const self = await api.tabs.getCurrent();
      for (const tab of await api.tabs.query({})) {
        if (tab.id === self.id) continue;
        try {
          await api.tabs.sendMessage(tab.id, { type: 'report' }, { frameId: 0 });
          return tab.id;
        } catch {
          // No content script in that tab: not a Salesforce page.
        }
      }
      return null;
    });
    if (tabId === null) throw new Error('no Salesforce tab is open');
    return await use(page, tabId);
  } finally {
    await page.close();
  }
}
