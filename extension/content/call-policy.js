'use strict';
/**
 * Calling hours and Do Not Call at the click: a call whose verdict does not say "call" asks
 * first (warn) or says why it cannot be made (block), in the dialog (call-dialog.js), worded
 * by describe.js.
 */

/* exported confirmCall */

/**
 * Whether to dial the call `result` describes: at once when its verdict says so (or it has
 * none), else the agent's answer to the dialog (always false when the call is blocked).
 * @param {JudgedDial} result
 * @param {{ settings: { callingHours: wasm_bindgen.CallingMode } | null, returnFocus: Element | null }} options
 * @returns {Promise<boolean>}
 */
async function confirmCall(result, { settings, returnFocus }) {
  const verdict = 'verdict' in result ? result.verdict : undefined;
  if (!verdict || verdict.action === 'call') return true;
  const t = (key, substitutions) => ext.i18n.getMessage(key, substitutions);
  const blocked = verdict.action === 'block';
  const { lines } = describeVerdict(verdict, { now: Date.now(), callingHours: settings?.callingHours ?? 'warn' });
  return askBeforeCall({
    heading: t(blocked ? 'dialogBlockHeading' : 'dialogWarnHeading', [result.numberDisplay]),
    lines,
    canCall: !blocked,
    cancelText: t('dialogCancel'),
    callText: t('dialogCallAnyway'),
    closeText: t('dialogClose'),
    returnFocus: returnFocus instanceof HTMLElement ? returnFocus : null,
  });
}
