/** The settings editor in a tab of its own: the options page. */
export async function openSettingsTab() {
  try {
    await ext.runtime.openOptionsPage();
  } catch {
    await ext.tabs.create({ url: ext.runtime.getURL('options/options.html') });
  }
}
