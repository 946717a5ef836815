import type { Page } from 'playwright-core';

/**
 * What a person reads in the section on screen: every card's place, title, badges, facts and short texts, and the
 * values of any form open in it (without other people's caret labels or who-is-here notes). Two browsers showing
 * the same plan, with the same items open, give the same snapshot.
 */
export async function sectionSnapshot(page: Page): Promise<string[][]> {
  return page.evaluate(() => {
    const textOf = (element: Element): string => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
      return [...copy.querySelectorAll('p, li')].length > 0
        ? [...copy.querySelectorAll('p')].map((p) => p.textContent ?? '').join('\n')
        : (copy.textContent ?? '');
    };
    const READ =
      '.item-card__kicker, .item-card__title, .status-badge, .item-facts dt, .item-facts dd, .item-excerpt p';
    const FORM = 'input, textarea, select, .ProseMirror, .rich-text__static';
    return [...document.querySelectorAll('.plan-section article.item-card')].map((card) => {
      const values: string[] = [];
      for (const element of card.querySelectorAll(`${READ}, .goal-links__linked li, ${FORM}`)) {
        // Skip nested cards and open pickers (a disclosure open in one browser only is not plan content).
        if (element.closest('article.item-card') !== card || element.closest('details')) continue;
        if (element.closest('.item-facts dd') && element.tagName === 'LI') continue;
        if (element.matches('.goal-links__linked li')) values.push(`→ ${element.textContent ?? ''}`);
        else if (element instanceof HTMLInputElement && element.type === 'checkbox')
          values.push(element.checked ? '[x]' : '[ ]');
        else if (
          element instanceof HTMLInputElement ||
          element instanceof HTMLTextAreaElement ||
          element instanceof HTMLSelectElement
        )
          values.push(element.value);
        else if (element.classList.contains('rich-text__static') && element.querySelector('.rich-text__empty'))
          values.push('');
        else if (element.matches(FORM)) values.push(textOf(element));
        else values.push(element.textContent ?? '');
      }
      return values;
    });
  });
}
