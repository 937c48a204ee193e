/**
 * The peer's whole logic, on libphonenumber-js with its full (`max`) metadata: a raw `tel:`
 * value to a dialer link in the same way as the extension under test: read with US as the
 * default country, keep only numbers `isValid()` accepts, dial E.164 with the caller ID of
 * 8x8's example, and describe the call in the link's title.
 */
import parsePhoneNumber from 'libphonenumber-js/max';

export const DEFAULT_COUNTRY = 'US';
export const CALLER_ID = '+18880001111';

let callerIdDisplay;

/** `{ ok: true, href, number, numberDisplay, region, extension, title }` or `{ ok: false }`. */
export function dialOne(raw) {
  const number = parsePhoneNumber(raw, DEFAULT_COUNTRY);
  if (!number || !number.isValid()) return { ok: false };
  callerIdDisplay ??= parsePhoneNumber(CALLER_ID).formatInternational();
  const numberDisplay = number.formatInternational();
  const extension = number.ext ?? null;
  const called = extension ? `${numberDisplay}, then extension ${extension}` : numberDisplay;
  return {
    ok: true,
    href: `callto://${number.number}/${CALLER_ID}`,
    number: number.number,
    numberDisplay,
    region: number.country ?? null,
    extension,
    title: `Call ${called} with 8x8 from ${callerIdDisplay}`,
  };
}
