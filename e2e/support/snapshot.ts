import type { Page } from 'playwright-core';

/**
 * What a person sees in the section on screen: every card's heading, field values, ticked boxes and rich text
 * (without other people's caret labels). Two browsers showing the same plan give the same snapshot.
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
    return [...document.querySelectorAll('.plan-section article.item-card')].map((card) => {
      const values: string[] = [card.querySelector('.item-card__title')?.textContent ?? ''];
      for (const linked of card.querySelectorAll('.goal-links__linked li'))
        values.push(`→ ${linked.textContent ?? ''}`);
      for (const element of card.querySelectorAll('input, textarea, select, .ProseMirror, .rich-text__static')) {
        // Skip nested cards and open pickers (a disclosure open in one browser only is not plan content).
        if (element.closest('article.item-card') !== card || element.closest('details')) continue;
        if (element instanceof HTMLInputElement && element.type === 'checkbox')
          values.push(element.checked ? '[x]' : '[ ]');
        else if (
          element instanceof HTMLInputElement ||
          element instanceof HTMLTextAreaElement ||
          element instanceof HTMLSelectElement
        )
          values.push(element.value);
        else if (element.classList.contains('rich-text__static') && element.querySelector('.rich-text__empty'))
          values.push('');
        else values.push(textOf(element));
      }
      return values;
    });
  });
}
