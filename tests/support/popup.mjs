/**
 * Drives the extension's popup as an agent does: opened as a page of the extension, by
 * keyboard and clicks, so tests and the demo configure the extension the way users do.
 */

const POPUP = 'popup/popup.html';

/** Opens the popup page once its settings are shown. */
export async function openPopup(session) {
  const page = await session.openExtensionPage(POPUP);
  await page.waitForFunction(() => document.querySelector('#defaultCountry')?.options.length > 100);
  return page;
}

/** Chooses the default country in the list. */
export async function chooseCountry(popup, code) {
  await popup.select('#defaultCountry', code);
}

/**
 * Types a caller ID and confirms it with Enter, as an agent does; returns the message the
 * popup shows under the field once it has saved the value or refused it.
 */
export async function typeCallerId(popup, value) {
  await popup.$eval('#defaultCallerId', (input) => {
    input.value = '';
  });
  await popup.type('#defaultCallerId', value);
  await popup.keyboard.press('Enter');
  await popup.waitForFunction(
    () =>
      document.querySelector('#defaultCallerId-message').classList.contains('saved') ||
      document.querySelector('#defaultCallerId').getAttribute('aria-invalid') === 'true',
  );
  return popup.$eval('#defaultCallerId-message', (message) => message.textContent);
}

/** Sets the default country and caller ID through the popup, then closes it. */
export async function configure(session, { country, callerId }) {
  const popup = await openPopup(session);
  await chooseCountry(popup, country);
  const message = await typeCallerId(popup, callerId);
  await popup.close();
  return message;
}

/** Sets the on/off switch. */
export async function setEnabled(popup, enabled) {
  const checked = await popup.$eval('#enabled', (input) => input.checked);
  if (checked !== enabled) await popup.click('#enabled');
}
