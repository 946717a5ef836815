import { getSchema } from '@tiptap/core';
import {
  isMarkValue,
  isNodeAttribute,
  RICH_TEXT_MARK_ATTRIBUTES,
  RICH_TEXT_MARKS,
  RICH_TEXT_NODE_ATTRIBUTES,
  RICH_TEXT_NODES,
} from '@samplan/plan-model';
import { describe, expect, it } from 'vitest';
import { richTextStarterKit } from '../src/editor/richTextStarterKit.ts';

describe("the editor's schema is plan-model's rich-text schema", () => {
  it('has exactly the nodes and marks the server accepts', () => {
    const schema = getSchema([richTextStarterKit()]);
    expect(Object.keys(schema.nodes).sort()).toEqual(['doc', 'text', ...RICH_TEXT_NODES].sort());
    expect(Object.keys(schema.marks).sort()).toEqual([...RICH_TEXT_MARKS].sort());
  });

  it('gives each node and mark exactly the attributes the server accepts', () => {
    const schema = getSchema([richTextStarterKit()]);
    const attributesOf = (types: Record<string, { spec: { attrs?: object } }>, names: readonly string[]) =>
      Object.fromEntries(names.map((name) => [name, Object.keys(types[name]!.spec.attrs ?? {}).sort()]));
    const accepted = (specs: Record<string, object>) =>
      Object.fromEntries(Object.entries(specs).map(([name, attributes]) => [name, Object.keys(attributes).sort()]));
    expect(attributesOf(schema.nodes, RICH_TEXT_NODES)).toEqual(accepted(RICH_TEXT_NODE_ATTRIBUTES));
    expect(attributesOf(schema.marks, RICH_TEXT_MARKS)).toEqual(accepted(RICH_TEXT_MARK_ATTRIBUTES));
    expect(attributesOf(schema.nodes, RICH_TEXT_NODES).orderedList).toEqual(['start', 'type']);
  });
});

describe('what the editor makes of pasted HTML', () => {
  const schema = getSchema([richTextStarterKit()]);
  /** The attributes a parse rule of the editor reads from an element with `attributes`. */
  const parsed = (rule: { getAttrs?: unknown } | undefined, attributes: Record<string, string>) =>
    (rule!.getAttrs as (element: unknown) => Record<string, unknown>)({
      getAttribute: (name: string) => attributes[name] ?? null,
      hasAttribute: (name: string) => name in attributes,
      querySelector: () => null,
    });

  it('is stored by the server: a link’s attributes, as the binding writes them (the mark’s attrs as its value)', () => {
    for (const attributes of [
      { href: 'https://nav.no/', title: '2024' } as Record<string, string>,
      { href: 'https://nav.no/', title: 'true', rel: 'false', class: '1', target: '0' },
    ]) {
      const link = schema.marks['link']!.create(parsed(schema.marks['link']!.spec.parseDOM?.[0], attributes));
      expect(isMarkValue('link', link.attrs), JSON.stringify(link.attrs)).toBe(true);
    }
  });

  it('is stored by the server: an ordered list’s start, even one the HTML leaves empty', () => {
    for (const attributes of [{ start: '3' }, { start: '' }, { start: 'iv' }, {}] as Array<Record<string, string>>) {
      const list = schema.nodes['orderedList']!.create(
        parsed(schema.nodes['orderedList']!.spec.parseDOM?.[0], attributes),
        schema.nodes['listItem']!.create(null, schema.nodes['paragraph']!.create()),
      );
      // y-tiptap sets each attribute that is not null on the list's element.
      for (const [name, value] of Object.entries(list.attrs)) {
        if (value !== null) expect(isNodeAttribute('orderedList', name, value), `${name}=${value}`).toBe(true);
      }
    }
  });
});

describe("the editor's links", () => {
  it('are made only to the addresses the server stores (web pages, e-mail, phone)', () => {
    const { isAllowedUri } = richTextStarterKit().options.link as {
      isAllowedUri: (url: string, ctx: { defaultValidate: (url: string) => boolean }) => boolean;
    };
    const ctx = { defaultValidate: () => true };
    for (const url of ['https://helsenorge.no/', 'http://skole.example', 'mailto:kari@example.no', 'tel:+4799999999']) {
      expect(isAllowedUri(url, ctx)).toBe(true);
    }
    // Typed or pasted as text: Tiptap links them to http://www.nav.no and mailto:kari@nav.no.
    for (const url of ['www.nav.no', 'nav.no/barn', 'kari@nav.no']) expect(isAllowedUri(url, ctx), url).toBe(true);
    for (const url of [
      'javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'ftp://x.example',
      'FILE:///C:/plan.pdf',
      '/lokal',
      '#_Toc1',
      'localhost:3000',
    ]) {
      expect(isAllowedUri(url, ctx)).toBe(false);
    }
    // Tiptap's own check still applies.
    expect(isAllowedUri('https://helsenorge.no/', { defaultValidate: () => false })).toBe(false);
  });
});
