'use strict';
/**
 * Entry point of the content script: wires the page watcher to the rewriter, follows
 * settings and in-app navigation, and answers the popup's question about this tab.
 */

(() => {
  const rewriter = new LinkRewriter(
    async (raws) => {
      const reply = await ext.runtime.sendMessage({ type: 'dial', raws });
      if (reply?.error) throw new Error(reply.error);
      return reply;
    },
    describeLink,
  );
  const finder = new LinkFinder((anchor) => rewriter.add(anchor));
  finder.watch(document);

  onSettingsChanged(() => rewriter.refresh());

  // Lightning navigates without reloading; the content script never sees its pushState
  // calls, but the Navigation API reports them. Look again once the new view is in place.
  globalThis.navigation?.addEventListener('navigatesuccess', () => finder.watch(document));

  ext.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (message?.type !== 'report') return false;
    sendResponse({
      rewritten: rewriter.rewrittenCount,
      skipped: [...rewriter.skipped].map(([value, reason]) => ({ value, reason })),
      failure: rewriter.failure,
    });
    return false;
  });

  /** The link's tooltip: what will be dialed and which caller ID the callee sees. */
  function describeLink(result) {
    const number = result.extension
      ? ext.i18n.getMessage('numberWithExtension', [result.numberDisplay, result.extension])
      : result.numberDisplay;
    return result.callerIdDisplay
      ? ext.i18n.getMessage('linkTitleWithCallerId', [number, result.callerIdDisplay])
      : ext.i18n.getMessage('linkTitleWithoutCallerId', [number]);
  }
})();
