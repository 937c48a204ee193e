/**
 * Reads what an agent would see on a test page: every link whose href is a phone or
 * dialer link, in the document and in every open shadow root, with its text and title.
 */

/**
 * Runs in the page: walks the document and open shadow roots. Each link counts once: in the
 * page's world, LWC's synthetic shadow also lists a component's slotted content in its root.
 */
function collectLinks() {
  const found = [];
  const seen = new Set();
  const visit = (root) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.localName === 'a' && /^(tel|callto|votel):/i.test(element.getAttribute('href') ?? '') && !seen.has(element)) {
        seen.add(element);
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

/**
 * The links that say they dial (`callto:`) and those that are still `tel:`, counted in the
 * document and every open shadow root: cheap enough to poll on a page of thousands of links.
 */
export function countLinks(page) {
  return page.evaluate(() => {
    const counts = { callto: 0, tel: 0 };
    const visit = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.localName === 'a') {
          const href = element.getAttribute('href') ?? '';
          if (href.startsWith('callto:')) counts.callto += 1;
          else if (href.startsWith('tel:')) counts.tel += 1;
        }
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
    return counts;
  });
}

/**
 * A structural copy of every element matching `selector` (in the document and open shadow
 * roots) and everything under it: names, attributes, text, form values, shadow content. Two
 * snapshots are equal when nothing in them was changed.
 */
export function snapshotElements(page, selector) {
  return page.evaluate((sel) => {
    const copy = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.data;
      if (node.nodeType !== Node.ELEMENT_NODE) return null;
      const attributes = Object.fromEntries([...node.attributes].map((a) => [a.name, a.value]));
      const value = 'value' in node && typeof node.value === 'string' ? node.value : undefined;
      const shadow = node.shadowRoot ? [...node.shadowRoot.childNodes].map(copy) : undefined;
      return { name: node.localName, attributes, value, shadow, children: [...node.childNodes].map(copy) };
    };
    const found = [];
    const visit = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.matches(sel)) found.push(copy(element));
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
    return found;
  }, selector);
}

/**
 * A handle to the array of phone and dialer links on `page` now (document order, through
 * open shadow roots), to tell later whether the same elements are still the page's links.
 */
export function phoneLinkHandles(page) {
  return page.evaluateHandle(() => {
    const found = [];
    const visit = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.localName === 'a' && /^(tel|callto|votel):/i.test(element.getAttribute('href') ?? '')) found.push(element);
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
    return found;
  });
}

/** A test on `phoneLinks`' result: exactly these hrefs, in this order. */
export const hrefsAre = (expected) => (links) =>
  links.length === expected.length && links.every((link, i) => link.href === expected[i]);

/**
 * The number of `callto:` links once it is above zero and has stayed the same for 300 ms: all
 * the page's numbers answered, where a test cannot know how many there will be.
 */
export async function settledCount(page, { timeout = 10_000 } = {}) {
  const deadline = Date.now() + timeout;
  let last = -1;
  let since = Date.now();
  while (Date.now() < deadline) {
    const { callto } = await countLinks(page);
    if (callto !== last) [last, since] = [callto, Date.now()];
    if (callto > 0 && Date.now() - since >= 300) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the count of callto: links never settled; last seen ${last}`);
}
