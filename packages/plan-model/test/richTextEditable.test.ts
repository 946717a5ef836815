import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getPlanRichText, richTextEditable, writeRichText } from '../src/index.ts';

const fieldWith = (build: (fragment: Y.XmlFragment) => void): Y.XmlFragment => {
  const doc = new Y.Doc();
  const fragment = getPlanRichText(doc, 'about.child');
  doc.transact(() => build(fragment));
  return fragment;
};

const paragraph = (text: Y.XmlText): Y.XmlElement => {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [text]);
  return element;
};

describe('richTextEditable: what the editor can open without deleting anything', () => {
  it('takes the nodes and marks the editor has, overlapping marks (name--hash) included', () => {
    const doc = new Y.Doc();
    const fragment = getPlanRichText(doc, 'about.child');
    writeRichText(fragment, 'Emma liker å tegne.');
    expect(richTextEditable(fragment)).toBe(true);
    const marked = fieldWith((f) => {
      const text = new Y.XmlText();
      f.insert(0, [paragraph(text)]);
      text.insert(0, 'fet', { bold: true, 'link--aB3dE5fG': { href: 'https://eksempel.no' } });
    });
    expect(richTextEditable(marked)).toBe(true);
    const numbered = fieldWith((f) => {
      const list = new Y.XmlElement('orderedList');
      list.setAttribute('start', 3 as unknown as string);
      f.insert(0, [list]);
    });
    expect(richTextEditable(numbered)).toBe(true);
  });

  it('refuses an attribute a node or a mark of the editor does not have', () => {
    const styled = fieldWith((f) => {
      const element = paragraph(new Y.XmlText());
      element.setAttribute('style', 'color:red');
      f.insert(0, [element]);
    });
    expect(richTextEditable(styled)).toBe(false);
    const marked = fieldWith((f) => {
      const text = new Y.XmlText();
      f.insert(0, [paragraph(text)]);
      text.insert(0, 'lenke', { link: { href: 'https://eksempel.no', onclick: 'x' } });
    });
    expect(richTextEditable(marked)).toBe(false);
  });

  it('refuses an unknown node, an unknown mark and nesting deeper than the plan allows', () => {
    expect(richTextEditable(fieldWith((f) => f.insert(0, [new Y.XmlElement('details')])))).toBe(false);
    const marked = fieldWith((f) => {
      const text = new Y.XmlText();
      f.insert(0, [paragraph(text)]);
      text.insert(0, 'blinker', { blink: true });
    });
    expect(richTextEditable(marked)).toBe(false);
    const deep = fieldWith((f) => {
      let element = new Y.XmlElement('blockquote');
      f.insert(0, [element]);
      for (let i = 0; i < 40; i++) {
        const inner = new Y.XmlElement('blockquote');
        element.insert(0, [inner]);
        element = inner;
      }
    });
    expect(richTextEditable(deep)).toBe(false);
  });
});
