/**
 * Reads what an agent would see on a test page: every link whose href is a phone or
 * dialer link, in the document and in every open shadow root, with its text and title.
 */

/** Runs in the page: walks the document and open shadow roots. */
function collectLinks() {
  const found = [];
  const visit = (root) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.localName === 'a' && /^(tel|callto):/i.test(element.getAttribute('href') ?? '')) {
        found.push({
          text: element.textContent.trim(),
          href: element.getAttribute('href'),
          title: element.getAttribute('title'),
          ariaLabel: element.getAttribute('aria-label'),
        });
      }
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(document);
  return found;
}

/** All phone/dialer links on `page`, in document order. */
export function phoneLinks(page) {
  return page.evaluate(collectLinks);
}

/** Waits until `predicate(links)` holds, and returns the links; fails after `timeout` ms. */
export async function waitForLinks(page, predicate, { timeout = 10_000 } = {}) {
  const deadline = Date.now() + timeout;
  let links = [];
  while (Date.now() < deadline) {
    links = await phoneLinks(page);
    if (predicate(links)) return links;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`links never reached the expected state; last seen:\n${JSON.stringify(links, null, 1)}`);
}
