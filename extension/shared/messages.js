'use strict';
/**
 * Messages between the extension's contexts: each context answers with a table of
 * handlers by message `type`; a handler may be async, and its error reaches the sender.
 */

/* exported answerMessages, askBackground */

/**
 * Answers messages whose `type` names one of `handlers`; others are left to other listeners.
 * @param {Record<string, (message: any, sender: browser.runtime.MessageSender) => unknown>} handlers
 */
function answerMessages(handlers) {
  ext.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const handler = Object.hasOwn(handlers, message?.type) ? handlers[message.type] : null;
    if (!handler) return false;
    Promise.resolve()
      .then(() => handler(message, sender))
      .then(sendResponse, (error) => sendResponse({ error: String(error?.message ?? error) }));
    return true; // the response is sent asynchronously
  });
}

/**
 * Sends `message` to the background; an error it answered with is thrown here.
 * @param {{ type: string, [key: string]: unknown }} message
 */
async function askBackground(message) {
  const reply = await ext.runtime.sendMessage(message);
  if (reply?.error) throw new Error(reply.error);
  return reply;
}
