import type { Locator, Page } from 'playwright-core';

/**
 * What makes the page wider than the window: the page itself (or the shell's scrolling area)
 * scrolling sideways, and each visible element reaching past the window's edges that is not
 * inside a box of its own that scrolls sideways (a wide table may scroll in its box, never the
 * page). Clipped by an `overflow: hidden` box counts as cut off. Empty when nothing overflows.
 */
export function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const describe = (el: Element) => {
      const classes = [...el.classList].slice(0, 3).join('.');
      const test = el.getAttribute('data-test');
      const id = el.id ? `#${el.id}` : '';
      const dotted = classes ? `.${classes}` : '';
      const tested = test ? `[data-test=${test}]` : '';
      const text = (el.textContent ?? '').trim().slice(0, 30);
      return `${el.tagName.toLowerCase()}${id}${dotted}${tested} "${text}"`;
    };
    const pageBoxes = [
      document.documentElement,
      document.body,
      document.querySelector('.shell'),
      document.querySelector('.shell-content'),
    ].filter((el): el is Element => el !== null);
    const found: string[] = [];
    for (const el of pageBoxes)
      if (el.scrollWidth > el.clientWidth + 1)
        found.push(`${describe(el)} scrolls sideways: ${el.scrollWidth} > ${el.clientWidth}`);
    const reported: Element[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || (box.left >= -1 && box.right <= width + 1)) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      if (reported.some((r) => r.contains(el))) continue;
      let scroller: Element | null = el.parentElement;
      while (
        scroller &&
        !pageBoxes.includes(scroller) &&
        !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)
      )
        scroller = scroller.parentElement;
      if (scroller && !pageBoxes.includes(scroller)) continue;
      reported.push(el);
      found.push(`${describe(el)} spans ${Math.round(box.left)}–${Math.round(box.right)} px in a ${width} px window`);
    }
    return found;
  });
}

/** Each of these that is smaller than a finger (44 × 44 px), with its size; empty when all are big enough. */
export async function smallTargets(targets: Record<string, Locator>): Promise<string[]> {
  const small: string[] = [];
  for (const [name, target] of Object.entries(targets)) {
    const box = await target.boundingBox();
    if (!box) small.push(`${name}: not on screen`);
    else if (box.width < 44 || box.height < 44)
      small.push(`${name}: ${Math.round(box.width)}×${Math.round(box.height)}`);
  }
  return small;
}
