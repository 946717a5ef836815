import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addItem, getItemMap, getRichText, itemHasWords, updateItem, writeRichText } from '../src/index.ts';

describe('itemHasWords: what deleting an item would take away', () => {
  it('is false for a new item, even with a status or a date set, and true once anyone has written in it', () => {
    const doc = new Y.Doc();
    const goal = addItem(doc, 'goals');
    const item = () => getItemMap(doc, 'goals', goal)!;
    expect(itemHasWords('goals', item())).toBe(false);
    updateItem(doc, 'goals', goal, { status: 'pagar', targetDate: '2027-06-20' });
    expect(itemHasWords('goals', item())).toBe(false);
    updateItem(doc, 'goals', goal, { title: '   ' });
    expect(itemHasWords('goals', item())).toBe(false);
    updateItem(doc, 'goals', goal, { title: 'Svømme 25 meter' });
    expect(itemHasWords('goals', item())).toBe(true);

    // Words only in a rich-text field count too.
    const measure = addItem(doc, 'measures');
    expect(itemHasWords('measures', getItemMap(doc, 'measures', measure)!)).toBe(false);
    writeRichText(getRichText(doc, 'measures', measure, 'implementation')!, 'Fysioterapeuten kommer hver tirsdag.');
    expect(itemHasWords('measures', getItemMap(doc, 'measures', measure)!)).toBe(true);
  });
});
