/** Countries, states and provinces named for people, in the agent's language. */
import { t } from '../ui/localize.js';
import { state } from './state.js';

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
 * A rule's region for people: a prefix, a state or province, or a country.
 * @param {string} region
 */
export function regionText(region) {
  if (region.startsWith('+')) return t('rulePrefixText', [region]);
  const subdivision = state.subdivisions.find(({ code }) => code === region);
  if (subdivision) return `${subdivision.name} (${region})`;
  return `${displayNames().of(region) ?? region} (${region})`;
}
