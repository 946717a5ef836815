import { getSchema } from '@tiptap/core';
import type { Node } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { richTextStarterKit } from '../src/editor/richTextStarterKit.ts';
import { safeLinksPlugin } from '../src/editor/safeLinks.ts';

const schema = getSchema([richTextStarterKit()]);
const text = (words: string, href?: string) =>
  schema.text(words, href === undefined ? [] : [schema.marks['link']!.create({ href })]);
const paragraph = (...children: Node[]) => schema.node('paragraph', null, children);
const stateOf = (...paragraphs: Node[]) =>
  EditorState.create({ doc: schema.node('doc', null, paragraphs), plugins: [safeLinksPlugin()] });

/** The address of every linked text, in order. */
function hrefs(state: EditorState): string[] {
  const found: string[] = [];
  state.doc.descendants((node) => {
    for (const mark of node.marks) if (mark.type.name === 'link') found.push(String(mark.attrs['href']));
  });
  return found;
}

describe("the editor's links", () => {
  it('to an address the server refuses stay text when made (Tiptap links text pasted over a selection as it is)', () => {
    const state = stateOf(paragraph(text('Planen')));
    const link = (href: string) => schema.marks['link']!.create({ href });
    // What Tiptap's paste handler does with «ftp://…» pasted over «Planen»: it does not ask isAllowedUri.
    expect(
      hrefs(state.applyTransaction(state.tr.addMark(1, 7, link('ftp://filer.kommune.no/plan.pdf'))).state),
    ).toEqual([]);
    expect(hrefs(state.applyTransaction(state.tr.addMark(1, 7, link('https://nav.no/'))).state)).toEqual([
      'https://nav.no/',
    ]);
  });

  it('stored before the server checked them become text in a paragraph this user changes, and only there', () => {
    const state = stateOf(
      paragraph(text('Se innholdsfortegnelsen', '#_Toc1'), text(' og '), text('NAV', 'https://nav.no/')),
      paragraph(text('Vedlegg', '#_Toc2')),
    );
    // Enter inside the first link writes both halves anew.
    const split = state.applyTransaction(state.tr.split(4)).state;
    expect(split.doc.childCount).toBe(3);
    expect(hrefs(split)).toEqual(['https://nav.no/', '#_Toc2']);
  });

  it('of others are left as they come (a change from the shared document)', () => {
    const state = stateOf(paragraph(text('Planen')));
    const remote = state.tr
      .addMark(1, 7, schema.marks['link']!.create({ href: '#_Toc1' }))
      .setMeta(ySyncPluginKey, { isChangeOrigin: true });
    expect(hrefs(state.applyTransaction(remote).state)).toEqual(['#_Toc1']);
  });
});
