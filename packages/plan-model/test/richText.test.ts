import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  checkPlanWrite,
  isSafeLinkHref,
  richTextFromPlain,
  richTextToJSON,
  richTextToPlain,
  writeRichText,
  type RichTextDoc,
} from '../src/index.ts';
import { richTextMarkName } from '../src/richTextToJSON.ts';

const RICH: RichTextDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Tittel' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Vanlig ' },
        { type: 'text', text: 'fet', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' og ' },
        {
          type: 'text',
          text: 'lenke',
          marks: [{ type: 'italic' }, { type: 'link', attrs: { href: 'https://example.org', target: '_blank' } }],
        },
        { type: 'hardBreak' },
        { type: 'text', text: 'kode', marks: [{ type: 'code' }] },
      ],
    },
    {
      type: 'orderedList',
      attrs: { start: 3 },
      content: [
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'en' }] },
            {
              type: 'bulletList',
              content: [
                { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'to' }] }] },
              ],
            },
          ],
        },
      ],
    },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'sitat' }] }] },
    { type: 'paragraph' },
  ],
};

describe('rich text', () => {
  it('round-trips ProseMirror JSON through a Y.XmlFragment', () => {
    const fragment = new Y.Doc().getXmlFragment('f');
    writeRichText(fragment, RICH);
    expect(richTextToJSON(fragment)).toEqual(RICH);
  });

  it('stores a run of text nodes as one Y.XmlText with marks as formatting attributes, like y-prosemirror', () => {
    const fragment = new Y.Doc().getXmlFragment('f');
    writeRichText(fragment, RICH);
    const paragraph = fragment.get(1) as Y.XmlElement;
    expect(paragraph.nodeName).toBe('paragraph');
    expect(paragraph.length).toBe(3);
    expect((paragraph.get(0) as Y.XmlText).toDelta()).toEqual([
      { insert: 'Vanlig ' },
      { insert: 'fet', attributes: { bold: {} } },
      { insert: ' og ' },
      {
        insert: 'lenke',
        attributes: { italic: {}, link: { href: 'https://example.org', target: '_blank' } },
      },
    ]);
    expect((fragment.get(0) as Y.XmlElement).getAttribute('level')).toBe(2);
  });

  it('reads hashed overlapping mark names and skips null attributes', () => {
    const fragment = new Y.Doc().getXmlFragment('f');
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    fragment.insert(0, [paragraph]);
    text.insert(0, 'x', { 'comment--AbCd1234': { id: 'c1', extra: null } });
    expect(richTextToJSON(fragment).content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'comment', attrs: { id: 'c1' } }] }] },
    ]);
  });

  it('replaces existing content in one update', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('f');
    writeRichText(fragment, 'gammel');
    let updates = 0;
    doc.on('update', () => updates++);
    writeRichText(fragment, 'ny');
    expect(updates).toBe(1);
    expect(richTextToPlain(richTextToJSON(fragment))).toBe('ny');
  });

  it('rejects malformed JSON', () => {
    const fragment = new Y.Doc().getXmlFragment('f');
    expect(() => writeRichText(fragment, { type: 'paragraph' } as never)).toThrow();
  });

  it('converts to plain text with list markers', () => {
    expect(richTextToPlain(RICH)).toBe(
      ['Tittel', 'Vanlig fet og lenke', 'kode', '3. en', '   - to', '> sitat', ''].join('\n'),
    );
    expect(richTextToPlain({ type: 'doc', content: [] })).toBe('');
    // A start the editor read from <ol start=""> (NaN) counts from 1.
    const list = (start: number) => ({
      type: 'doc',
      content: [
        {
          type: 'orderedList',
          attrs: { start },
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'en' }] }] }],
        },
      ],
    });
    expect(richTextToPlain(list(Number.NaN))).toBe('1. en');
    expect(richTextToPlain(list(4))).toBe('4. en');
  });

  it('builds paragraphs from plain lines', () => {
    expect(richTextFromPlain('a\n\nb')).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'a' }] },
        { type: 'paragraph' },
        { type: 'paragraph', content: [{ type: 'text', text: 'b' }] },
      ],
    });
    expect(richTextFromPlain('')).toEqual({ type: 'doc', content: [] });
  });
});

describe('richTextMarkName', () => {
  it('reads the mark of an attribute, with or without the hash y-prosemirror adds to overlapping ones', () => {
    expect(richTextMarkName('bold')).toBe('bold');
    expect(richTextMarkName('bold--abcdEF12')).toBe('bold');
    expect(richTextMarkName('link--a+b/c=12')).toBe('link');
    expect(richTextMarkName('link--a+b/c=1')).toBe('link--a+b/c=1');
    expect(richTextMarkName('bold-abcdEF123')).toBe('bold-abcdEF123');
    expect(richTextMarkName('--abcdefgh')).toBe('');
  });

  it('reads a name of any length in one pass (an update chooses it)', () => {
    const dashes = '-'.repeat(2_000_000);
    expect(richTextMarkName(dashes)).toBe(dashes);
    expect(richTextMarkName(`${dashes}--abcdefgh`)).toBe(dashes);
  });
});

/** What the server's check says of a text format `key` with `value` in rich text. */
const formatWrite = (key: string, value: unknown) =>
  checkPlanWrite({
    root: 'about.family',
    depth: 1,
    key: null,
    field: null,
    parent: 'xmlText',
    parentNode: null,
    content: { kind: 'format', key, value },
  });

describe('links', () => {
  it('point to web pages, e-mail addresses and phone numbers only, read from the first character', () => {
    for (const href of [
      'https://helsenorge.no/',
      'HTTP://skole.example',
      'mailto:kari@example.no',
      'tel:+4799999999',
    ]) {
      expect(isSafeLinkHref(href), href).toBe(true);
    }
    for (const href of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '/lokal',
      '',
      null,
      42,
    ]) {
      expect(isSafeLinkHref(href), String(href)).toBe(false);
    }
  });

  it('are refused in a write unless their start carries a safe address (their end carries nothing)', () => {
    const linkWrite = (value: unknown) => formatWrite('link', value);
    expect(linkWrite({ href: 'https://helsenorge.no/', target: '_blank' })).toBeNull();
    expect(linkWrite(null)).toBeNull();
    expect(linkWrite({ href: 'javascript:alert(1)' })).toBe('UNSAFE_LINK');
    expect(linkWrite({})).toBe('UNSAFE_LINK');
    expect(linkWrite(true)).toBe('UNSAFE_LINK');
    expect(linkWrite('https://helsenorge.no/')).toBe('UNSAFE_LINK');
    // Other marks carry no address.
    expect(formatWrite('bold', {})).toBeNull();
  });
});

describe('attributes of rich text', () => {
  const attributeWrite = (
    node: string,
    key: string,
    value: unknown,
    parent: 'xmlElement' | 'xmlFragment' = 'xmlElement',
  ) =>
    checkPlanWrite({
      root: 'about.family',
      depth: 2,
      key,
      field: null,
      parent,
      parentNode: parent === 'xmlElement' ? node : null,
      content: { kind: 'value', value },
    });

  it('are those of the mark, as the editor writes them, or none', () => {
    expect(formatWrite('bold', {})).toBeNull();
    expect(formatWrite('bold--a1b2c3d4', {})).toBeNull();
    // As other Yjs programs write a mark without attributes.
    expect(formatWrite('italic', true)).toBeNull();
    expect(
      formatWrite('link', {
        href: 'https://helsenorge.no/',
        target: '_blank',
        rel: 'noopener noreferrer nofollow',
        class: null,
        title: null,
      }),
    ).toBeNull();
    // As Tiptap reads a pasted link's title="2024", class="1" or rel="true".
    expect(formatWrite('link', { href: 'https://helsenorge.no/', title: 2024, class: 1, rel: true })).toBeNull();
    for (const [key, value] of [
      ['bold', { href: 'javascript:alert(1)' }],
      ['link', { href: 'https://helsenorge.no/', title: ['2024'] }],
      ['underline', 'https://helsenorge.no/'],
      ['strike', []],
      ['strike', false],
      ['link', { href: 'https://helsenorge.no/', onclick: 'alert(1)' }],
      ['link', { href: 'https://helsenorge.no/', title: { nested: true } }],
      ['link', { href: 'https://helsenorge.no/', __proto__: { x: 1 }, ['constructor']: 'x' }],
    ] as const) {
      expect(formatWrite(key, value), `${key} ${JSON.stringify(value)}`).toBe('UNKNOWN_ATTRIBUTE');
    }
  });

  it('of an element are those its node has, of the kind it has them', () => {
    expect(attributeWrite('orderedList', 'start', 3)).toBeNull();
    expect(attributeWrite('orderedList', 'type', 'a')).toBeNull();
    expect(attributeWrite('orderedList', 'start', null)).toBeNull();
    // As Tiptap reads a pasted <ol start="">.
    expect(attributeWrite('orderedList', 'start', Number.NaN)).toBeNull();
    for (const [node, key, value] of [
      ['orderedList', 'start', '3'],
      ['orderedList', 'start', true],
      ['orderedList', 'type', 1],
      ['paragraph', 'href', 'javascript:alert(1)'],
      ['paragraph', 'style', 'display:none'],
      ['bulletList', 'start', 3],
      ['orderedList', 'toString', 'x'],
      ['toString', 'start', 3],
    ] as const) {
      expect(attributeWrite(node, key, value), `${node}.${key}`).toBe('UNKNOWN_ATTRIBUTE');
    }
    // A fragment has no attributes, and an attribute holds a plain value.
    expect(attributeWrite('paragraph', 'start', 3, 'xmlFragment')).toBe('WRONG_TYPE');
  });
});
