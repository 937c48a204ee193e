/**
 * Countries, states and provinces named for people, in the agent's language, and the region
 * picker the rules and calling hours share.
 */
import { core } from '../ui/core.js';
import { localize, t } from '../ui/localize.js';
import { el } from './dom.js';
import { state } from './state.js';

/** The value of the region list's entry for a number prefix (typed in a field beside it). */
export const PREFIX_OPTION = 'prefix';
/** How the settings write "everywhere" (calling hours only). */
const EVERYWHERE = '*';

export const displayNames = () => new Intl.DisplayNames([navigator.language, 'en'], { type: 'region' });

/**
 * Country options by name, each with its ISO code.
 * @param {string[]} codes
 */
export function countryOptions(codes) {
  const names = displayNames();
  const options = codes.map((code) => new Option(`${names.of(code) ?? code} (${code})`, code));
  options.sort((a, b) => a.text.localeCompare(b.text, navigator.language));
  return options;
}

/**
 * Fills a region picker: a prefix, (everywhere,) then countries, US states & territories,
 * Canadian provinces.
 * @param {HTMLSelectElement} select
 * @param {{ everywhere?: boolean }} [options] `everywhere`: offer "*" too
 */
export function fillRegions(select, { everywhere = false } = {}) {
  /** @param {string} key @param {HTMLOptionElement[]} options */
  const group = (key, options) => {
    const node = el('optgroup', { label: t(key) });
    node.append(...options);
    return node;
  };
  /** @param {string} country */
  const subdivisionOptions = (country) =>
    state.subdivisions
      .filter(({ code }) => code.startsWith(`${country}-`))
      .map(({ code, name }) => new Option(`${name} (${code})`, code))
      .sort((a, b) => a.text.localeCompare(b.text, navigator.language));
  select.replaceChildren(
    el('option', { value: '', i18n: 'ruleChooseRegion' }),
    ...(everywhere ? [el('option', { value: EVERYWHERE, i18n: 'regionEverywhere' })] : []),
    el('option', { value: PREFIX_OPTION, i18n: 'rulePrefixOption' }),
    group('groupCountries', countryOptions(core.countries())),
    group('groupUsStates', subdivisionOptions('US')),
    group('groupCaProvinces', subdivisionOptions('CA')),
  );
  localize(select);
}

/**
 * A region for people: everywhere, a prefix, a state or province, or a country.
 * @param {string} region
 */
export function regionText(region) {
  if (region === EVERYWHERE) return t('regionEverywhere');
  if (region.startsWith('+')) return t('rulePrefixText', [region]);
  const subdivision = state.subdivisions.find(({ code }) => code === region);
  if (subdivision) return `${subdivision.name} (${region})`;
  return `${displayNames().of(region) ?? region} (${region})`;
}
