/**
 * How the core's problems read in the editor. A problem is `{ field, message }`, the field
 * as the core names it (`defaultCallerId`, `rules[2].region`, or '' when it is about the whole).
 */

/** @typedef {{ field: string, message: string }} Problem */

/**
 * A problem's text, with its field unless the message already starts with it.
 * @param {Problem} problem
 */
export function problemText({ field, message: text }) {
  return field && !text.startsWith(field) ? `${field}: ${text}` : text;
}

/**
 * A problem's message without the field it starts with, for where the field is clear.
 * @param {Problem} problem
 */
export const bare = ({ field, message: text }) =>
  field && text.startsWith(`${field}: `) ? text.slice(field.length + 2) : text;

/**
 * Problems shown under the control they are about.
 * @param {Problem[]} problems
 */
export const problemsText = (problems) => problems.map(bare).join(' ');

/**
 * The field a core error names at its start (`rules[2].region: …`), or ''.
 * @param {string} text
 */
export function fieldOfError(text) {
  return /^([A-Za-z]+(?:\[\d+\])?(?:\.[A-Za-z]+)?):/.exec(text)?.[1] ?? '';
}
